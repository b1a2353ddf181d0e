import type { Services } from "../../services.js";
import { Role } from "../agents/role.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { TicketType } from "../tickets/ticket.enums.js";

/** The repair service of seed 003, which opens work orders. */
export const DEMO_REPAIR_SERVICE = { id: "Servis perangkat (purna jual)", en: "Device repair (after-sales)" };
/** The technicians' group repair jobs are routed to. */
export const DEMO_TECHNICIAN_GROUP = "Teknisi Servis";

/** Seed 003's technicians, each covering some kecamatan of Balikpapan. */
const TECHNICIANS: ReadonlyArray<{ name: string; email: string; regions: string[]; skills: string[] }> = [
  { name: "Agus Teknisi", email: "agus@demo.sigap.local", regions: ["Balikpapan Selatan", "Balikpapan Kota"], skills: ["AC", "Printer"] },
  { name: "Yudi Teknisi", email: "yudi@demo.sigap.local", regions: ["Balikpapan Selatan", "Balikpapan Utara"], skills: ["AC"] },
];

/**
 * Seed 003 on the demo site (post-sale repair): a repair service that opens work orders, a level-2 group
 * of technicians with their regions and skills, and a routing rule sending repair jobs to them,
 * where round-robin hands each job to the next technician of the customer's kecamatan. Anything
 * present is left as it is.
 */
export async function seedWorkOrderDemo(services: Services, siteId: string, actor: AuditActor): Promise<void> {
  const { catalog, catalogAdmin } = services;
  const repairId =
    (await catalog.services(siteId)).find((s) => s.texts.some((t) => t.name === DEMO_REPAIR_SERVICE.en))?.id ??
    (await catalogAdmin.saveService(siteId, { names: [{ language: "id", name: DEMO_REPAIR_SERVICE.id }, { language: "en", name: DEMO_REPAIR_SERVICE.en }], ticketType: TicketType.WORK_ORDER }, actor)).id;
  const groupId =
    (await catalog.groups(siteId)).find((g) => g.name === DEMO_TECHNICIAN_GROUP)?.id ?? (await catalogAdmin.saveGroup(siteId, { name: DEMO_TECHNICIAN_GROUP, level: 2 }, actor)).id;
  const existing = new Set((await services.agents.list(siteId)).map((a) => a.email));
  const admin = { id: null, role: Role.ADMIN, groupId: null, siteId };
  for (const t of TECHNICIANS) {
    if (existing.has(t.email)) continue;
    const agent = await services.agents.create({ siteId, name: t.name, email: t.email, role: Role.SPECIALIST, groupId }, actor);
    await services.agentAdmin.update(admin, agent.id, { regions: t.regions, skills: t.skills }, actor);
  }
  if (!(await services.routing.rules(siteId)).length) {
    await services.routing.setRules(siteId, [{ region: null, serviceId: repairId, categoryId: null, skill: null, groupId }], actor);
  }
}
