/**
 * What the tracker loads once a ticket shows, in one go (and, for work orders, the way to their part): the reply's attach box
 * (shared/reply-files.ts; its upload code still waits for the first file), taking files dropped or
 * pasted anywhere on the tracker, and the element that shows the thread's attachments as
 * thumbnails with a preview (until it is defined, plain links).
 */
import "../shared/attachment/sigap-attachment.js";
import type { Endpoint } from "../client/http.js";
import { ReplyFiles } from "../shared/reply-files.js";
import type { TrackedWorkOrder, WorkOrderHost } from "./work-order-part.js";

export { ReplyFiles };

/**
 * The tracker's reply box. The reporter does not see the desk's internal files, so the ticket's
 * file count is left to the gateway (its refusal is shown in its words).
 */
export function replyFiles(tracker: HTMLElement & ConstructorParameters<typeof ReplyFiles>[0], part: { readonly endpoint: Endpoint }): ReplyFiles {
  const box = new ReplyFiles(tracker, { target: () => part.endpoint });
  box.listen(tracker);
  return box;
}

/** A work order's part (findings, cost, payment), itself loaded only for work orders; reached through here to keep the tracker's first load small. */
export async function workOrder(host: WorkOrderHost): Promise<TrackedWorkOrder> {
  return new (await import("./work-order-part.js")).TrackedWorkOrder(host);
}
