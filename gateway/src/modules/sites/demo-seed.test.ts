import { pino } from "pino";
import type { DataSource } from "typeorm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "../../clock.js";
import { openDatabase } from "../../db/data-source.js";
import { createSigapPubSub } from "../../realtime/pubsub.js";
import { createServices, type Services } from "../../services.js";
import { Role } from "../agents/role.js";
import { systemActor } from "../audit/audit-trail.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { DEMO_SITE_KEY, seedDemo } from "./demo-seed.js";

describe("seedDemo", () => {
  let ds: DataSource;
  let services: Services;

  beforeEach(async () => {
    const log = pino({ level: "silent" });
    ds = await openDatabase({ kind: "sqlite", file: ":memory:" }, log, 1);
    services = createServices(ds, systemClock, createSigapPubSub(), "test-secret-that-is-at-least-32-characters", log);
  });

  afterEach(async () => {
    await ds.destroy();
  });

  it("creates the seed 002 site once, however often it runs", async () => {
    const first = await seedDemo(services);
    const second = await seedDemo(services);

    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.site.id).toBe(first.site.id);

    const sites = await services.sites.list();
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject({
      siteKey: DEMO_SITE_KEY,
      name: "PT Pos Indonesia — Kota Balikpapan (demo)",
      unitCode: "01",
      timeZone: "Asia/Makassar",
      allowedOrigins: ["http://localhost:4000", "http://127.0.0.1:4000"],
    });

    const siteId = first.site.id;
    const en = (items: Array<{ texts: Array<{ language: string; name: string }> }>) => items.map((i) => i.texts.find((t) => t.language === "en")!.name);
    expect(en(await services.catalog.services(siteId)).sort()).toEqual(
      [
        "Device repair (after-sales)",
        "E-Pod",
        "Ipos",
        "Pos Giro Mobile (PGM)",
        "PosPay",
        "SIM SDM",
        "Sistem Informasi Keuangan (SIK)",
        "Wahana",
        "Website posindonesia",
        "Data-centre access (work permit)",
      ].sort(),
    );

    const categories = services.catalog.localized(await services.catalog.categories(siteId), "en");
    const parentOf = (name: string) => {
      const parentId = categories.find((c) => c.name === name)?.parentId;
      return parentId ? categories.find((c) => c.id === parentId)?.name : null;
    };
    // Both languages: an Indonesian page shows no English catalogue text.
    expect(services.catalog.localized(await services.catalog.categories(siteId), "id").map((c) => c.name)).toEqual(["Perangkat Keras", "Komputer", "Server", "Kabel", "Infrastruktur", "Jaringan"]);
    // Seed 002, table 2: two parents (Hardware, Infrastructure) and four children.
    expect(categories).toHaveLength(6);
    expect(["Hardware", "Computer", "Server", "Cable", "Infrastructure", "Network"].map(parentOf)).toEqual([
      null,
      "Hardware",
      "Hardware",
      "Hardware",
      null,
      "Infrastructure",
    ]);

    expect((await services.catalog.groups(siteId)).map((g) => [g.level, g.name])).toEqual([
      [1, "Service Desk"],
      [2, "SOLTEK Technical Support"],
      [2, "Teknisi Servis"],
      [3, "Network & Server Specialists"],
    ]);

    // Seed 002's five, and seed 003's two technicians.
    expect(await services.agents.list(siteId)).toHaveLength(7);
    expect(second.agents.map((a) => a.role)).toEqual([Role.AGENT, Role.SPECIALIST, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN]);
  });

  it("mints tokens that authenticate as the right agent and role, on every run", async () => {
    const runs = [await seedDemo(services), await seedDemo(services)];
    for (const seed of runs) {
      for (const a of seed.agents) {
        const agent = await services.agents.authenticate(a.token);
        expect({ email: agent.email, role: agent.role, siteId: agent.siteId }).toEqual({ email: a.email, role: a.role, siteId: seed.site.id });
      }
    }
  });

  it("puts the service desk agent in the level 1 group and the specialist in level 2", async () => {
    const seed = await seedDemo(services);
    const groups = new Map((await services.catalog.groups(seed.site.id)).map((g) => [g.id, g.level]));
    const levelOf = new Map((await services.agents.list(seed.site.id)).map((a) => [a.role, a.groupId ? groups.get(a.groupId) : null]));
    expect(levelOf.get(Role.AGENT)).toBe(1);
    expect(levelOf.get(Role.SPECIALIST)).toBe(2);
  });

  it("allows extra origins, and adds new ones when the site already exists", async () => {
    await seedDemo(services, { origins: ["https://demo.example"] });
    const again = await seedDemo(services, { origins: ["https://demo.example", "http://localhost:5173/"] });
    expect(again.site.allowedOrigins).toEqual(["http://localhost:4000", "http://127.0.0.1:4000", "https://demo.example", "http://localhost:5173"]);
    expect((await services.sites.get(again.site.id)).allowedOrigins).toEqual(again.site.allowedOrigins);
  });

  it("reports three similar incidents when asked, once, so the workspace shows its cue", async () => {
    const seed = await seedDemo(services, { incidents: true });
    await seedDemo(services, { incidents: true });
    const tickets = await services.ds.getRepository(TicketEntity).findBy({ siteId: seed.site.id });
    expect(tickets).toHaveLength(3);
    expect(await services.problemReads.similarCount(tickets[0]!, 7)).toBe(2);
  });

  it("completes a seed that stopped half-way instead of duplicating it", async () => {
    const site = await services.sites.create({ name: "partial", unitCode: "01", siteKey: DEMO_SITE_KEY }, systemActor("test"));
    const actor = systemActor("test");
    await services.catalogAdmin.saveService(site.id, { names: [{ language: "id", name: "Ipos" }] }, actor);
    await services.catalogAdmin.saveCategory(site.id, { names: [{ language: "en", name: "Hardware" }] }, actor);
    await services.catalogAdmin.saveGroup(site.id, { name: "Service Desk", level: 1 }, actor);

    const seed = await seedDemo(services);
    expect(seed.created).toBe(false);
    // Seed 002's eight IT services, seed 004's request item (a supervisor approves it) and seed 003's repair service.
    expect(await services.catalog.services(site.id)).toHaveLength(10);
    const item = (await services.catalog.services(site.id)).find((i) => i.ticketType === "SERVICE_REQUEST")!;
    expect((await services.approvals.config(site.id, item.id)).steps).toEqual([{ rule: "ANY_OF", role: Role.SUPERVISOR, groupId: null, agentIds: [] }]);
    expect(await services.catalog.categories(site.id)).toHaveLength(6);
    expect(await services.catalog.groups(site.id)).toHaveLength(4);
    expect(await services.agents.list(site.id)).toHaveLength(7);
  });
});
