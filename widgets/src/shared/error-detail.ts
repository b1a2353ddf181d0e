/** The detail of a widget's `sigap-error` event: the gateway's error code (or NETWORK_ERROR) and a message. */
export interface SigapErrorDetail {
  code: string;
  message: string;
}
