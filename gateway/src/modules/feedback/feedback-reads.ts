import type { DataSource } from "typeorm";
import { selectRows } from "../../db/rows.js";
import { FeedbackEntity } from "./feedback.entity.js";

/** Reads of the reporter's answers, for both views; nothing here writes. */
export class FeedbackReads {
  constructor(private readonly ds: DataSource) {}

  /** The answers given on a ticket, if any. */
  async ofTicket(ticketId: string): Promise<FeedbackEntity | null> {
    return (await selectRows(this.ds.manager, FeedbackEntity, { ticketId }, { limit: 1 }))[0] ?? null;
  }
}
