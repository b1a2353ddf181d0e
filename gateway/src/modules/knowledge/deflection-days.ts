import { type DataSource, Between } from "typeorm";
import { civilDayOf } from "../sla/business-time.rules.js";
import { ArticleDeflectionEntity } from "./article-deflection.entity.js";

const DAY_MS = 86_400_000;

/** The site's local date of an instant, YYYY-MM-DD: the day a deflection is counted on. */
export function localDay(at: Date, timeZone: string): string {
  return new Date(civilDayOf(at.getTime(), timeZone) * DAY_MS).toISOString().slice(0, 10);
}

/** Reports a site's articles ended ("this solved it") on the local days of [from, to), recaps' bounds at local midnights. */
export async function deflectionsBetween(ds: DataSource, siteId: string, from: Date, to: Date, timeZone: string): Promise<number> {
  const last = localDay(new Date(to.getTime() - 1), timeZone);
  const rows = await ds.getRepository(ArticleDeflectionEntity).find({ where: { siteId, day: Between(localDay(from, timeZone), last) } });
  return rows.reduce((n, r) => n + r.count, 0);
}
