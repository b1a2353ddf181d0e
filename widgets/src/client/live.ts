import { createClient, type Client } from "graphql-ws";
import { toRequestError, SigapRequestError } from "./graphql-error.js";
import { wsUrl, type Endpoint } from "./http.js";
import type { Operation } from "./operation.js";

/** Callbacks of a live subscription. */
export interface LiveHandlers<R> {
  next(data: R): void;
  /** The subscription was refused (bad token…) or failed for good. */
  error(error: SigapRequestError): void;
  /** The socket (re)connected: refetch so nothing that happened while away is missed. */
  connected?(reconnected: boolean): void;
  /** The socket dropped; it retries by itself. */
  disconnected?(): void;
}

/**
 * Subscribes over graphql-ws and keeps the subscription alive across dropped connections
 * (retrying with backoff forever). Returns a function that ends it.
 */
export function subscribe<R, V>(endpoint: Endpoint, op: Operation<R, V>, variables: V, handlers: LiveHandlers<R>): () => void {
  let everConnected = false;
  const client: Client = createClient({
    url: wsUrl(endpoint.url),
    connectionParams: {
      ...(endpoint.siteKey ? { siteKey: endpoint.siteKey } : {}),
      ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}),
    },
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connected: () => {
        handlers.connected?.(everConnected);
        everConnected = true;
      },
      closed: () => handlers.disconnected?.(),
    },
  });
  const stop = client.subscribe<R>(
    { query: op.query, variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.errors?.length) handlers.error(toRequestError(result.errors as never));
        else if (result.data) handlers.next(result.data as R);
      },
      error: (error) => {
        handlers.error(
          Array.isArray(error) ? toRequestError(error as never) : new SigapRequestError("The live connection to the service desk failed.", "NETWORK_ERROR"),
        );
      },
      complete: () => undefined,
    },
  );
  return () => {
    stop();
    void client.dispose();
  };
}
