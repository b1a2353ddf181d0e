/**
 * The tracker's approval part, loaded on demand once a ticket's timeline shows it waited for
 * approval: the request's chain, read again whenever the tracker's view changes (each decision is
 * a public change the tracker hears live), and the approval document's link once approved.
 */
import type { TemplateResult } from "lit";
import { nothing } from "lit";
import type { ApprovalChainFieldsFragment } from "../client/generated.js";
import { request } from "../client/http.js";
import { TrackedApproval } from "../client/approval.operations.js";
import { renderApprovalChain } from "../shared/approval/approval-chain.js";
import type { MyTicketsHost } from "./my-tickets.js";

/** The ticket the tracker shows. */
export interface TrackedTicket {
  readonly code: string;
  readonly token: string;
  readonly siteKey: string;
}

/** Follows one tracked request's chain. */
export class ApprovalPart {
  private chain: ApprovalChainFieldsFragment | null = null;
  /** The view (code and update time) the chain was last read for. */
  private seen = "";

  constructor(
    private readonly host: MyTicketsHost,
    private readonly ticket: TrackedTicket,
  ) {
    // Made after the tracker's render that asked for it: draw again to start reading the chain.
    host.requestUpdate();
  }

  /** The chain of the tracker's view; reads it again when the view has changed since. */
  render(view: { code: string; updatedAt: string }): TemplateResult | typeof nothing {
    const key = `${view.code} ${view.updatedAt}`;
    if (key !== this.seen) {
      this.seen = key;
      void this.load(key);
    }
    const chain = this.chain;
    if (!chain) return nothing;
    return renderApprovalChain(this.host.lc, chain, chain.documentUrl ? this.documentHref(chain.documentUrl) : null);
  }

  private async load(key: string): Promise<void> {
    const { code, token } = this.ticket;
    try {
      const data = await request(this.host.endpoint, TrackedApproval, { code, token: token || null });
      if (key !== this.seen) return;
      this.chain = data.trackTicket?.approval ?? null;
    } catch {
      // The tracker shows the ticket's own problems; the chain stays as last read.
      return;
    }
    this.host.requestUpdate();
  }

  private documentHref(path: string): string {
    return approvalDocumentHref(path, new URL(this.host.endpoint.url, document.baseURI).href, this.ticket);
  }
}

/** The document's link on the gateway (beside its GraphQL URL) with what lets the requester in: the site key and the tracking token. */
export function approvalDocumentHref(path: string, graphqlUrl: string, ticket: Pick<TrackedTicket, "siteKey" | "token">): string {
  const url = new URL(path, graphqlUrl);
  url.search = new URLSearchParams({ siteKey: ticket.siteKey, token: ticket.token }).toString();
  return url.href;
}
