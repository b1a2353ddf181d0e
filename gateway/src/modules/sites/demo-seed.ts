import type { Services } from "../../services.js";
import { systemActor } from "../audit/audit-trail.js";
import { Role } from "../agents/role.js";
import type { CatalogItem } from "../catalog/catalog.service.js";
import { seedDemoArticles } from "../knowledge/demo-articles.js";
import { ReportIncidentInput } from "../tickets/report-incident.input.js";
import type { SiteEntity } from "./site.entity.js";
import { ApprovalRule } from "../approvals/approval.rules.js";
import { TicketType } from "../tickets/ticket.enums.js";
import { seedWorkOrderDemo } from "../workorders/work-order.demo.js";

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
  /**
   * Also reports a few incidents of one fault (a counter printer pulling two sheets) when the site
   * is first created, so the workspace shows its "similar incidents" cue and a problem can be
   * raised from them. Off for tests that need an empty queue. @default false
   */
  incidents?: boolean;
}

/** The demo's repeated fault: three counters report the same printer within the hour. */
const SIMILAR_INCIDENTS: ReadonlyArray<{ reporterName: string; reporterEmail: string; location: string }> = [
  { reporterName: "Ratna Sari", reporterEmail: "ratna@contoh.example", location: "Loket 1, KCU Balikpapan" },
  { reporterName: "Agus Salim", reporterEmail: "agus@contoh.example", location: "Loket 3, KCU Balikpapan" },
  { reporterName: "Maya Putri", reporterEmail: "maya@contoh.example", location: "Loket 2, KC Balikpapan Baru" },
];

const SITE = {
  name: "PT Pos Indonesia — Kota Balikpapan (demo)",
  unitCode: "01",
  // Balikpapan is in East Kalimantan: WITA, UTC+8, so ticket codes follow its day, not Jakarta's.
  timeZone: "Asia/Makassar",
};

type Names = { id: string; en: string };

/** Seed 002, table 1: the IT services of PT Pos Indonesia Kota Balikpapan and who uses them, in both languages. */
const SERVICES: ReadonlyArray<{ name: string; help: Names }> = [
  { name: "Ipos", help: { id: "Petugas loket mencatat data pelanggan yang mengirim paket.", en: "Counter staff enter the details of customers sending parcels." } },
  { name: "Pos Giro Mobile (PGM)", help: { id: "Rekening Giropos pelanggan di ponsel dan transaksi keuangan Pos lainnya.", en: "Customers' mobile Giropos account and other Pos financial transactions." } },
  { name: "E-Pod", help: { id: "Kurir melaporkan pengantaran: lokasi, data penerima dan tanda tangan sebagai bukti.", en: "Couriers report deliveries: location, recipient details and signature as proof." } },
  { name: "PosPay", help: { id: "Pelanggan membayar tagihan dan cicilan secara digital.", en: "Customers pay bills and instalments digitally." } },
  { name: "Sistem Informasi Keuangan (SIK)", help: { id: "Bagian akuntansi mencatat uang masuk dan keluar kantor.", en: "Accounting records the office's incoming and outgoing money." } },
  { name: "SIM SDM", help: { id: "Bagian Dukungan Umum mengelola sumber daya manusia.", en: "General Support administers human resources." } },
  { name: "Wahana", help: { id: "Semua bagian mencari informasi dan dokumen perusahaan (wahana.posindonesia).", en: "Every department looks up company information and documents (wahana.posindonesia)." } },
  { name: "Website posindonesia", help: { id: "Masyarakat mengenal layanan yang ditawarkan PT Pos Indonesia.", en: "The public learns about the services PT Pos Indonesia offers." } },
];

/**
 * Seed 004's request item (a data-centre customer service): a client asks for access, a
 * supervisor approves it before anything happens, and the approval document is the work permit.
 */
const REQUEST_ITEM = {
  names: { id: "Akses data center (izin kerja)", en: "Data-centre access (work permit)" },
  help: { id: "Izin berkunjung dan bekerja di data center; disetujui supervisor.", en: "Permission to visit and work in the data centre; a supervisor approves it." },
};

/** Seed 002, table 2: incident categories, parents with their children, in both languages. */
const CATEGORIES: ReadonlyArray<{ name: Names; children: readonly Names[] }> = [
  {
    name: { id: "Perangkat Keras", en: "Hardware" },
    children: [
      { id: "Komputer", en: "Computer" },
      { id: "Server", en: "Server" },
      { id: "Kabel", en: "Cable" },
    ],
  },
  { name: { id: "Infrastruktur", en: "Infrastructure" }, children: [{ id: "Jaringan", en: "Network" }] },
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
    site = await services.sites.create({ ...SITE, allowedOrigins: origins, siteKey: DEMO_SITE_KEY }, systemActor("demo:seed"));
  } else {
    for (const origin of origins) {
      if (!site.allowedOrigins.includes(origin.replace(/\/$/, ""))) site = await services.sites.allowOrigin(site.id, origin, systemActor("demo:seed"));
    }
  }
  const siteId = site.id;

  // Seeding is the system's doing, audited like any other change to the catalogue.
  const actor = systemActor("demo-seed");
  const { catalog, catalogAdmin } = services;
  const named = (items: CatalogItem[], name: string) => items.find((i) => i.texts.some((t) => t.name === name));
  const services0 = await catalog.services(siteId);
  for (const s of SERVICES) {
    if (!named(services0, s.name)) {
      await catalogAdmin.saveService(siteId, { names: [{ language: "id", name: s.name, help: s.help.id }, { language: "en", name: s.name, help: s.help.en }] }, actor);
    }
  }

  if (!named(services0, REQUEST_ITEM.names.en)) {
    const n = REQUEST_ITEM;
    const item = await catalogAdmin.saveService(
      siteId,
      { names: [{ language: "id", name: n.names.id, help: n.help.id }, { language: "en", name: n.names.en, help: n.help.en }], ticketType: TicketType.SERVICE_REQUEST },
      actor,
    );
    await services.approvals.configure(siteId, item.id, [{ rule: ApprovalRule.ANY_OF, role: Role.SUPERVISOR, groupId: null, agentIds: [] }], 3, actor);
    // The demo's report form offers it beside "report a problem".
    await services.siteAdmin.update(siteId, { offersRequests: true }, actor);
  }
  const serviceIds = new Map<string, string>();
  for (const s of await catalog.services(siteId)) for (const t of s.texts) serviceIds.set(t.name, s.id);
  await seedDemoArticles(services, siteId, serviceIds);

  const both = (n: Names) => [{ language: "id", name: n.id }, { language: "en", name: n.en }];
  const categories = await catalog.categories(siteId);
  for (const parent of CATEGORIES) {
    const parentId = named(categories, parent.name.en)?.id ?? (await catalogAdmin.saveCategory(siteId, { names: both(parent.name) }, actor)).id;
    for (const child of parent.children) {
      if (!named(categories, child.en)) await catalogAdmin.saveCategory(siteId, { parentId, names: both(child) }, actor);
    }
  }

  const groupIds = new Map((await catalog.groups(siteId)).map((g) => [g.name, g.id]));
  for (const g of GROUPS) {
    if (!groupIds.has(g.name)) groupIds.set(g.name, (await catalogAdmin.saveGroup(siteId, g, actor)).id);
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

  if (created && opts.incidents) {
    const policies = await services.sites.policies(siteId);
    for (const r of SIMILAR_INCIDENTS) {
      const input = Object.assign(new ReportIncidentInput(), {
        ...r,
        problemType: "Printer loket menarik dua lembar",
        description: "Printer resi di loket menarik dua lembar kertas sekaligus; resi tercetak setengah.",
      });
      await services.intake.report(site, policies, input);
    }
  }

  await seedWorkOrderDemo(services, siteId, actor);
  return { site, created, agents };
}
