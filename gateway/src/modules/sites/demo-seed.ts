import type { Services } from "../../services.js";
import { systemActor } from "../audit/audit-trail.js";
import { Role } from "../agents/role.js";
import type { SiteEntity } from "./site.entity.js";

/** The public key of the demo site; a fixed key lets the demo pages hard-code it. */
export const DEMO_SITE_KEY = "pk_demo_sigap";

/** Origins the demo pages are served from when the gateway runs locally. */
export const DEMO_ORIGINS: readonly string[] = ["http://localhost:4000", "http://127.0.0.1:4000"];

/** How long demo agent tokens stay valid: long enough to explore without re-seeding. */
export const DEMO_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

/** One demo desk member and a bearer token to act as them. */
export interface DemoAgent {
  name: string;
  email: string;
  role: Role;
  token: string;
}

/** What {@link seedDemo} did: the demo site, whether this call created it, and agent tokens. */
export interface DemoSeed {
  site: SiteEntity;
  created: boolean;
  agents: DemoAgent[];
}

/** Options for {@link seedDemo}. */
export interface SeedDemoOptions {
  /** Origins to allow besides {@link DEMO_ORIGINS}, e.g. where the demo is deployed. @default [] */
  origins?: string[];
}

const SITE = {
  name: "PT Pos Indonesia — Kota Balikpapan (demo)",
  unitCode: "01",
  // Balikpapan is in East Kalimantan: WITA, UTC+8, so ticket codes follow its day, not Jakarta's.
  timeZone: "Asia/Makassar",
};

/** Seed 002, table 1: the IT services of PT Pos Indonesia Kota Balikpapan and who uses them. */
const SERVICES: ReadonlyArray<{ name: string; description: string }> = [
  { name: "Ipos", description: "Counter staff enter the details of customers sending parcels." },
  { name: "Pos Giro Mobile (PGM)", description: "Customers' mobile Giropos account and other Pos financial transactions." },
  { name: "E-Pod", description: "Couriers report deliveries: location, recipient details and signature as proof." },
  { name: "PosPay", description: "Customers pay bills and instalments digitally." },
  { name: "Sistem Informasi Keuangan (SIK)", description: "Accounting records the office's incoming and outgoing money." },
  { name: "SIM SDM", description: "General Support administers human resources." },
  { name: "Wahana", description: "Every department looks up company information and documents (wahana.posindonesia)." },
  { name: "Website posindonesia", description: "The public learns about the services PT Pos Indonesia offers." },
];

/** Seed 002, table 2: incident categories, parents with their children. */
const CATEGORIES: ReadonlyArray<{ name: string; children: readonly string[] }> = [
  { name: "Hardware", children: ["Computer", "Server", "Cable"] },
  { name: "Infrastructure", children: ["Network"] },
];

/** Seed 002, figure 3: the service desk first, SOLTEK technical support next, specialists last. */
const GROUPS: ReadonlyArray<{ name: string; level: number }> = [
  { name: "Service Desk", level: 1 },
  { name: "SOLTEK Technical Support", level: 2 },
  { name: "Network & Server Specialists", level: 3 },
];

/** One desk member per role, so each surface of the demo can be tried as the right person. */
const AGENTS: ReadonlyArray<{ name: string; email: string; role: Role; group: string | null }> = [
  { name: "Dewi Lestari", email: "dewi@demo.sigap.local", role: Role.AGENT, group: "Service Desk" },
  { name: "Budi Santoso", email: "budi@demo.sigap.local", role: Role.SPECIALIST, group: "SOLTEK Technical Support" },
  // Seed 002's use cases name the head of SOLTEK as the one who handles escalations.
  { name: "Rudi Hartono (Kepala Bagian SOLTEK)", email: "rudi@demo.sigap.local", role: Role.SUPERVISOR, group: null },
  { name: "Sri Wahyuni", email: "sri@demo.sigap.local", role: Role.MANAGER, group: null },
  { name: "Admin Sigap", email: "admin@demo.sigap.local", role: Role.ADMIN, group: null },
];

/**
 * Creates the demo tenant from seed 002 (Pos Indonesia, Kota Balikpapan) once, and on every call
 * mints fresh tokens for its agents. Anything missing is added by name, so a run that stopped
 * half-way is completed rather than duplicated.
 */
export async function seedDemo(services: Services, opts: SeedDemoOptions = {}): Promise<DemoSeed> {
  const origins = [...new Set([...DEMO_ORIGINS, ...(opts.origins ?? [])])];
  let site = (await services.sites.list()).find((s) => s.siteKey === DEMO_SITE_KEY);
  const created = !site;
  if (!site) {
    site = await services.sites.create({ ...SITE, allowedOrigins: origins, siteKey: DEMO_SITE_KEY });
  } else {
    for (const origin of origins) {
      if (!site.allowedOrigins.includes(origin.replace(/\/$/, ""))) site = await services.sites.allowOrigin(site.id, origin, systemActor("demo:seed"));
    }
  }
  const siteId = site.id;

  const serviceNames = new Set((await services.catalog.services(siteId)).map((s) => s.name));
  for (const s of SERVICES) {
    if (!serviceNames.has(s.name)) await services.catalog.addService(siteId, s.name, s.description);
  }

  const categoryIds = new Map((await services.catalog.categories(siteId)).map((c) => [c.name, c.id]));
  for (const parent of CATEGORIES) {
    let parentId = categoryIds.get(parent.name);
    if (!parentId) parentId = (await services.catalog.addCategory(siteId, parent.name)).id;
    for (const child of parent.children) {
      if (!categoryIds.has(child)) await services.catalog.addCategory(siteId, child, parentId);
    }
  }

  const groupIds = new Map((await services.catalog.groups(siteId)).map((g) => [g.name, g.id]));
  for (const g of GROUPS) {
    if (!groupIds.has(g.name)) groupIds.set(g.name, (await services.catalog.addGroup(siteId, g.name, g.level)).id);
  }

  const existing = new Map((await services.agents.list(siteId)).map((a) => [a.email, a]));
  const agents: DemoAgent[] = [];
  for (const a of AGENTS) {
    const agent =
      existing.get(a.email) ??
      (await services.agents.create({ siteId, name: a.name, email: a.email, role: a.role, groupId: a.group ? groupIds.get(a.group) : null }, systemActor("demo:seed")));
    const token = await services.agents.mintToken(agent, DEMO_TOKEN_TTL_SECONDS);
    // Report the role the database holds: an admin may have changed it since the first seed.
    agents.push({ name: agent.name, email: agent.email, role: agent.role, token });
  }

  return { site, created, agents };
}
