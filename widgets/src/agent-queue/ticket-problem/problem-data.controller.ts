import type { ReactiveControllerHost } from "lit";
import type { SimilarIncidentListQuery, TicketProblemQuery } from "../../client/generated.js";
import { coalesced } from "../../shared/coalesce.js";

/** What the problem part knows of its ticket. */
export type ProblemState = TicketProblemQuery;
/** The similar incidents, once listed. */
export type SimilarList = SimilarIncidentListQuery["similarIncidents"];

/** What a {@link ProblemDataController} asks of its host. */
export interface ProblemDataOptions {
  /** Reads the ticket's problem, similar count, the agent's desk actions and the open problems. */
  load(ticketId: string): Promise<ProblemState>;
  /** Lists the ticket's similar incidents. */
  similar(ticketId: string): Promise<SimilarList>;
  /** A failed read: returns the text to show. */
  failed(error: unknown): string;
}

/**
 * The problem side of one ticket: read when the ticket opens and again whenever the view shows a
 * newer state of it (a live change, someone linking it elsewhere); reads asked for meanwhile fold
 * into one more. The similar list is read on demand and forgotten with the ticket.
 */
export class ProblemDataController {
  /** The last answer for the current ticket, or null. */
  state: ProblemState | null = null;
  /** The similar incidents, once asked for. */
  list: SimilarList | null = null;
  /** The last failure, in words; "" when it worked. */
  problem = "";
  private ticketId = "";
  /** Reads again; calls made meanwhile fold into one more read. */
  readonly refresh = coalesced(() => this.read());

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ProblemDataOptions,
  ) {}

  /** Follows a ticket: another one from scratch, the same one read again. */
  follow(ticketId: string): void {
    if (ticketId !== this.ticketId) {
      this.ticketId = ticketId;
      this.state = null;
      this.list = null;
      this.problem = "";
      this.host.requestUpdate();
    }
    if (ticketId) this.refresh();
  }

  /** Lists the similar incidents (once per ticket, unless `again`). */
  async listSimilar(again = false): Promise<SimilarList | null> {
    if (this.list && !again) return this.list;
    const id = this.ticketId;
    try {
      const list = await this.options.similar(id);
      if (id === this.ticketId) this.list = list;
    } catch (error) {
      this.problem = this.options.failed(error);
    }
    this.host.requestUpdate();
    return this.list;
  }

  private async read(): Promise<void> {
    const id = this.ticketId;
    if (!id) return;
    try {
      const state = await this.options.load(id);
      if (id !== this.ticketId) return;
      this.state = state;
      this.problem = "";
    } catch (error) {
      if (id === this.ticketId) this.problem = this.options.failed(error);
    }
    this.host.requestUpdate();
  }
}
