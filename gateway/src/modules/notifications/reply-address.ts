/**
 * STUB for compilation (owned by the "inbound" helper, whose version the lead keeps): the
 * ticket's reply address `reply+<ticketId>.<hmac>@<SMTP_REPLY_DOMAIN>`, or null when replies
 * by mail are not received.
 */
export function replyAddress(_ticketId: string): string | null {
  return null;
}
