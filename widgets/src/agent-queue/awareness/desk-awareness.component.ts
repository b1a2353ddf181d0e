import { html, LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { MarkTicketRead, UnreadCount } from "../../client/awareness.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { coalesced } from "../../shared/coalesce.js";
import { defaultEndpoint } from "../../shared/endpoint.js";
import { LocaleController } from "../../shared/locale.js";
import type { QueueEvent, Row } from "../desk-parts.js";
import { awarenessMessages, indonesian } from "./awareness.messages.js";
import { deskAwarenessStyles } from "./desk-awareness.styles.js";
import { beep, keepSoundChoice, soundChoice, wantsTone } from "./sound.js";
import { TitleCountController } from "./title-count.controller.js";

/** What the part reads of the queue that holds it: its gateway, and its `title-count` and `sound` attributes. */
export interface AwarenessHost extends HTMLElement {
  token: string;
  endpoint: string;
}

/**
 * The queue's awareness, loaded on demand by `<sigap-agent-queue>` and given the queue as `queue`:
 * the count of unread tickets in the document title (the queue's `title-count` attribute), a short
 * tone for a new ticket or a reporter's message (the toolbar toggle, remembered per agent; the
 * queue's `sound` attribute turns it on for agents who never chose), and the read marks of the
 * tickets the agent opens. It reads the queue's attributes itself, so the queue's first load
 * carries none of this (the size budget).
 *
 * @summary Title count, sound and read marks of the agent queue.
 * @tagname sigap-desk-awareness
 *
 * @csspart sound - The sound toggle.
 */
export class SigapDeskAwareness extends LitElement {
  static override styles = deskAwarenessStyles;

  static override properties: PropertyDeclarations = {
    on: { state: true, attribute: false },
    queue: { attribute: false },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private readonly counter = new TitleCountController(this);
  private readonly watcher = new MutationObserver(() => this.settle());

  /** Whether the tone plays now: the agent's choice, else the queue's `sound`. */
  private on = false;
  private agentId = "";

  /** The queue this part serves. */
  queue: AwarenessHost | null = null;

  /** Reads the count (and who is signed in) again; calls made meanwhile fold into one more read. */
  private readonly recount = coalesced(async () => {
    const q = this.queue;
    if (!q?.token) return;
    const { unreadCount, me } = await request(this.target(q), UnreadCount, {});
    if (me.id !== this.agentId) {
      this.agentId = me.id;
      this.on = soundChoice(localStorage, me.id) ?? q.hasAttribute("sound");
    }
    if (q.hasAttribute("title-count") && this.isConnected) this.counter.show(unreadCount);
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watcher.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("queue")) this.follow();
  }

  /** Takes a push of the live queue: a tone for news, and the count read again. */
  heard(event: QueueEvent): void {
    if (this.on && wantsTone(event)) beep();
    this.recount();
  }

  /** The agent opened (or is looking at) a ticket: an unread one is marked read at the gateway, and the count follows. */
  async read(t: Pick<Row, "id" | "unread">): Promise<void> {
    if (!t.unread || !this.queue) return;
    try {
      await request(this.target(this.queue), MarkTicketRead, { id: t.id });
    } catch {
      // The marker is cleared on screen already; the next read of the queue says what the gateway kept.
    }
    this.recount();
  }

  private target(q: AwarenessHost): Endpoint {
    return { url: q.endpoint || defaultEndpoint(import.meta.url), token: q.token };
  }

  /** Watches the queue's attributes, and applies them now. */
  private follow(): void {
    this.watcher.disconnect();
    if (this.queue) this.watcher.observe(this.queue, { attributes: true, attributeFilter: ["title-count", "sound", "token"] });
    this.settle();
  }

  /** The queue's attributes changed (or the part arrived): the title and the tone follow. */
  private settle(): void {
    if (!this.queue?.hasAttribute("title-count")) this.counter.restore();
    this.agentId = "";
    this.recount();
  }

  private handleToggle(): void {
    this.on = !this.on;
    keepSoundChoice(localStorage, this.agentId, this.on);
    if (this.on) beep();
  }

  override render(): TemplateResult {
    return html`<button part="sound" type="button" aria-pressed=${this.on ? "true" : "false"} title=${this.lc.t(awarenessMessages, "soundHint")}
      @click=${this.handleToggle}>${this.lc.t(awarenessMessages, "sound")}</button>`;
  }
}
