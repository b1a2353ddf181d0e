/**
 * The names a recap's rows and CSV headers carry, in the reader's language: catalogue items and
 * groups by the catalogue's own texts, agents by name, priorities, channels and ticket types from here.
 */
import type { DataSource } from "typeorm";
import { AgentEntity } from "../agents/agent.entity.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { MailLanguage } from "../notifications/mail-language.js";
import { PRIORITY_LABEL } from "../tickets/priority.rules.js";
import { Channel, Priority, TicketType } from "../tickets/ticket.enums.js";
import { TICKET_TYPE_LABEL } from "../tickets/ticket-type.labels.js";
import { RecapDimension } from "./recap.types.js";

const CHANNEL_LABEL: Readonly<Record<Channel, { en: string; id: string }>> = {
  [Channel.WEB]: { en: "Web", id: "Web" },
  [Channel.PHONE]: { en: "Phone", id: "Telepon" },
  [Channel.EMAIL]: { en: "E-mail", id: "Surel" },
  [Channel.WALK_IN]: { en: "Walk-in", id: "Datang langsung" },
};

const NONE = { en: "(none)", id: "(tidak ada)" } as const;

/** Reads every label a breakdown by `dimension` may need, once per recap. */
export async function labelsFor(ds: DataSource, catalog: CatalogService, siteId: string, dimension: RecapDimension, lang: MailLanguage): Promise<(key: string | null) => string> {
  const names = new Map<string, string>();
  if (dimension === RecapDimension.SERVICE || dimension === RecapDimension.CATEGORY) {
    const items = dimension === RecapDimension.SERVICE ? await catalog.services(siteId) : await catalog.categories(siteId);
    for (const item of catalog.localized(items, lang)) names.set(item.id, item.name);
  } else if (dimension === RecapDimension.GROUP) {
    for (const g of await catalog.groups(siteId)) names.set(g.id, g.name);
  } else if (dimension === RecapDimension.AGENT) {
    for (const a of await ds.getRepository(AgentEntity).find({ where: { siteId }, select: { id: true, name: true } })) names.set(a.id, a.name);
  } else if (dimension === RecapDimension.PRIORITY) {
    for (const p of Object.values(Priority)) names.set(p, `${p} ${PRIORITY_LABEL[p][lang]}`);
  } else if (dimension === RecapDimension.CHANNEL) {
    for (const c of Object.values(Channel)) names.set(c, CHANNEL_LABEL[c][lang]);
  } else if (dimension === RecapDimension.TYPE) {
    for (const t of Object.values(TicketType)) names.set(t, TICKET_TYPE_LABEL[t][lang]);
  }
  return (key) => (key === null ? NONE[lang] : (names.get(key) ?? key));
}
