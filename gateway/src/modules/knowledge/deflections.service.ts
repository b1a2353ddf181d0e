import type { Clock } from "../../clock.js";
import { isUniqueViolation, type Transactor } from "../../db/transactions.js";
import { notFound } from "../../errors.js";
import type { SiteEntity } from "../sites/site.entity.js";
import { ArticleDeflectionEntity } from "./article-deflection.entity.js";
import { ArticleEntity } from "./article.entity.js";
import { publiclyReadable } from "./article.rules.js";
import { localDay } from "./deflection-days.js";

/**
 * What reporters tell about published articles: "this solved it" (a report that never became a
 * ticket, counted per article and per day of the site's calendar for recaps) and "was this
 * helpful?". Each is one counter increment; the front door's feedback budget limits them.
 */
export class ArticleFeedback {
  constructor(
    private readonly tx: Transactor,
    private readonly clock: Clock,
  ) {}

  /** Counts one report an article ended; no ticket is made. */
  async solved(site: SiteEntity, articleId: string): Promise<void> {
    const day = localDay(this.clock.now(), site.timeZone);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.tx(async (em) => {
          await this.readable(em.getRepository(ArticleEntity), site.id, articleId);
          await em.getRepository(ArticleEntity).increment({ id: articleId }, "deflections", 1);
          const days = em.getRepository(ArticleDeflectionEntity);
          const r = await days.increment({ articleId, day }, "count", 1);
          if (!r.affected) await days.insert({ articleId, day, siteId: site.id, count: 1 });
        });
        return;
      } catch (error) {
        // Two first deflections of one day at once: the second finds the row on its retry.
        if (attempt > 1 || !isUniqueViolation(error)) throw error;
      }
    }
  }

  /** Counts one "was this helpful?" answer. */
  async rate(site: SiteEntity, articleId: string, helpful: boolean): Promise<void> {
    await this.tx(async (em) => {
      const repo = em.getRepository(ArticleEntity);
      await this.readable(repo, site.id, articleId);
      await repo.increment({ id: articleId }, helpful ? "helpfulYes" : "helpfulNo", 1);
    });
  }

  private async readable(repo: { findOneBy(where: { siteId: string; id: string }): Promise<ArticleEntity | null> }, siteId: string, id: string): Promise<void> {
    const a = await repo.findOneBy({ siteId, id });
    if (!a || !publiclyReadable(a)) throw notFound("No such article in this help centre.");
  }
}
