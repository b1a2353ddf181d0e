import type { ReactiveControllerHost } from "lit";

/** What a {@link ReplyController} asks of its host. */
export interface ReplyOptions {
  /** Sends the reply with the files attached, shows the ticket it answers with and clears the files. */
  post(body: string): Promise<void>;
  /** The reply box's words: an empty reply refused, a reply sent. */
  text(key: "empty" | "sent"): string;
  /** A failed send, in words. */
  problem(error: unknown): string;
}

/**
 * The reporter's reply: refuses an empty one, sends it once at a time, and keeps what the line
 * beside the send button says (sent, or why not).
 */
export class ReplyController {
  /** Whether a reply is on its way. */
  sending = false;
  /** Why the last reply was not sent; "" when it was. */
  problem = "";
  /** "Sent" after a reply went through; "" otherwise. */
  note = "";

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ReplyOptions,
  ) {}

  /** Sends a reply; true when it went through (the host then empties the box). */
  async send(body: string): Promise<boolean> {
    this.note = "";
    body = body.trim();
    if (!body) return this.done(this.options.text("empty"));
    this.sending = true;
    this.problem = "";
    this.host.requestUpdate();
    try {
      await this.options.post(body);
      this.note = this.options.text("sent");
      return this.done("");
    } catch (error) {
      return this.done(this.options.problem(error));
    }
  }

  private done(problem: string): boolean {
    this.sending = false;
    this.problem = problem;
    this.host.requestUpdate();
    return !problem;
  }
}
