import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { AnnouncePresence, LeaveTicket, TicketPresence } from "../../client/awareness.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { subscribe } from "../../client/live.js";
import { defaultEndpoint } from "../../shared/endpoint.js";
import { LocaleController } from "../../shared/locale.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { awarenessMessages, indonesian } from "../awareness/awareness.messages.js";
import { PresenceController } from "./presence.controller.js";
import { ticketPresenceStyles } from "./ticket-presence.styles.js";

/**
 * Who else is on a ticket: "Sari is viewing", "Budi is typing…", live. While it is on the page it
 * announces the agent on the ticket (a heartbeat every 10 s) and, through {@link typed}, when they
 * type; the ticket view loads it on demand and calls `typed()` from the composer's input.
 *
 * @summary The other agents viewing or typing on a ticket.
 * @tagname sigap-ticket-presence
 *
 * @csspart presence - The line naming the others.
 */
export class SigapTicketPresence extends LitElement {
  static override styles = [themeStyles, ticketPresenceStyles];

  static override properties: PropertyDeclarations = {
    ticketId: { attribute: "ticket-id" },
    token: {},
    endpoint: {},
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private readonly presence = new PresenceController(this, {
    announce: (ticketId, typing) => request(this.target, AnnouncePresence, { ticketId, typing }),
    leave: (ticketId) => request(this.target, LeaveTicket, { ticketId }),
    watch: (ticketId, seen) =>
      subscribe(this.target, TicketPresence, { ticketId }, { next: (d) => seen(d.ticketPresence), error: () => seen([]) }),
  });

  /** The id of the open ticket. */
  ticketId = "";
  /** The agent's bearer token. */
  token = "";
  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";
  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("ticketId") || changed.has("token")) this.presence.follow(this.token ? this.ticketId : "");
  }

  /** A keystroke in the composer. */
  typed(): void {
    this.presence.typed();
  }

  override render(): TemplateResult | typeof nothing {
    const viewers = this.presence.viewers;
    if (!viewers.length) return nothing;
    return html`<p part="presence" role="status">
      ${viewers.map(
        (v, i) => html`${i ? " · " : ""}<span class=${v.typing ? "typing" : ""}>${this.lc.t(awarenessMessages, v.typing ? "typing" : "viewing", { name: v.name })}</span>`,
      )}
    </p>`;
  }
}
