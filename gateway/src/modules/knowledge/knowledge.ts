import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import type { Transactor } from "../../db/transactions.js";
import type { TicketReads } from "../tickets/ticket-reads.js";
import { ArticleWords } from "./article-words.js";
import { Articles } from "./articles.service.js";
import { ArticleFeedback } from "./deflections.service.js";
import { KnowledgeReads } from "./knowledge-reads.js";
import { KnowledgeSearch } from "./knowledge-search.js";

/** The knowledge base's services: the desk's changes, the reads, the reporters' feedback. */
export interface Knowledge {
  articles: Articles;
  reads: KnowledgeReads;
  feedback: ArticleFeedback;
}

/** Wires the knowledge base over one data source. */
export function createKnowledge(ds: DataSource, tx: Transactor, clock: Clock, reads: TicketReads): Knowledge {
  const words = new ArticleWords(ds);
  return { articles: new Articles(ds, tx, clock, reads, words), reads: new KnowledgeReads(ds, new KnowledgeSearch(ds, words)), feedback: new ArticleFeedback(tx, clock) };
}
