/**
 * The client address a request is counted against. Behind a reverse proxy every request comes
 * from the proxy, so `X-Forwarded-For` is believed exactly as far as `TRUST_PROXY` says, the
 * way Express's "trust proxy" setting does (and with the same library, proxy-addr).
 */
import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

/** `TRUST_PROXY`: false (believe no proxy), true (believe every hop), a hop count, or the proxies' addresses/CIDRs. */
export type TrustProxy = boolean | number | string[];

/** Decides, per hop, whether an address is a proxy whose `X-Forwarded-For` is believed. */
export type TrustFn = (addr: string, hop: number) => boolean;

/** Compiles a {@link TrustProxy} setting as Express compiles its "trust proxy". */
export function compileTrust(trust: TrustProxy): TrustFn {
  if (trust === true) return () => true;
  if (trust === false) return () => false;
  if (typeof trust === "number") return (_addr, hop) => hop < trust;
  return proxyAddr.compile(trust);
}

/**
 * The address of the client behind any trusted proxies, without an IPv4-mapped IPv6 prefix;
 * "unknown" when the socket has already closed (its remote address is gone: a WebSocket whose
 * client left while its upgrade completed).
 */
export function clientAddress(req: IncomingMessage, trust: TrustFn): string {
  // proxy-addr's types say string, but it returns the socket's address as is: undefined once closed.
  const addr = proxyAddr(req, trust) as string | undefined;
  if (!addr) return "unknown";
  return addr.startsWith("::ffff:") ? addr.slice(7) : addr;
}

/** Parses the `TRUST_PROXY` text; null when it is not one of the accepted forms. */
export function parseTrustProxy(text: string | undefined): TrustProxy | null {
  const v = (text ?? "").trim();
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true") return true;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const list = v.split(",").map((s) => s.trim()).filter(Boolean);
  try {
    proxyAddr.compile(list);
    return list;
  } catch {
    return null;
  }
}
