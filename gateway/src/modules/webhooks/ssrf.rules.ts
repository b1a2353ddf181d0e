/**
 * Which addresses a webhook may not reach: a webhook URL is typed by an admin but fetched by the
 * gateway from inside the company's network, so without this rule it could read the cloud
 * metadata service, the database or anything else only the gateway can reach (SSRF). Checked on
 * the URL at creation and on every address its host resolves to at delivery.
 */

/** Why an address is refused, or null when it is a public unicast address. */
export type AddressClass = "loopback" | "private" | "link-local" | "multicast" | "unspecified" | "reserved";

/** The class of a refused IPv4 or IPv6 address, null for a public one; an unparsable address is "reserved". */
export function classifyAddress(address: string): AddressClass | null {
  const v4 = parseIpv4(address);
  if (v4) return classifyIpv4(v4);
  const v6 = parseIpv6(address.replace(/^\[|\]$/g, "").replace(/%.*$/, ""));
  return v6 ? classifyIpv6(v6) : "reserved";
}

/** Whether a string is an IP literal (v4, or v6 with or without brackets), as URL hosts may be. */
export function isIpLiteral(host: string): boolean {
  return parseIpv4(host) !== null || parseIpv6(host.replace(/^\[|\]$/g, "")) !== null;
}

/** The problem with a webhook URL's form (scheme, credentials, host), or null; addresses are checked apart. */
export function urlFormProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a URL; give one like https://hooks.example.com/sigap`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `a webhook URL must start with https:// or http://, got "${url.protocol}"`;
  if (url.username || url.password) return "a webhook URL may not carry a user name or password; the signature authenticates Sigap";
  if (!url.hostname) return "a webhook URL needs a host";
  if (raw.length > 2000) return "a webhook URL may be at most 2000 characters";
  return null;
}

/** The sentence for a refused address. */
export function refusalMessage(host: string, address: string, cls: AddressClass): string {
  const shown = host === address ? address : `${host} (${address})`;
  return `${shown} is a ${cls} address; webhooks may only reach public addresses (WEBHOOK_ALLOW_PRIVATE=1 lifts this for development)`;
}

function parseIpv4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function classifyIpv4([a, b]: number[]): AddressClass | null {
  const x = a!;
  const y = b!;
  if (x === 0) return "unspecified";
  if (x === 127) return "loopback";
  if (x === 10 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168) || (x === 100 && y >= 64 && y <= 127)) return "private";
  if (x === 169 && y === 254) return "link-local";
  if (x >= 224 && x <= 239) return "multicast";
  if (x >= 240 || (x === 192 && y === 0) || (x === 198 && (y === 18 || y === 19))) return "reserved";
  return null;
}

/** Eight 16-bit groups, or null. Accepts `::` and a trailing dotted quad. */
function parseIpv6(s: string): number[] | null {
  if (!s.includes(":") || !/^[0-9a-fA-F:.]+$/.test(s)) return null;
  let tail: number[] = [];
  let text = s;
  const quad = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (quad) {
    const v4 = parseIpv4(quad[1]!);
    if (!v4) return null;
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!];
    const prefix = s.slice(0, quad.index + 1);
    text = prefix.endsWith("::") ? prefix : prefix.slice(0, -1);
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === "" ? [] : h.split(":"));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros = Array<number>(8 - known).fill(0);
  return [...head.map((g) => Number.parseInt(g, 16)), ...zeros, ...rest.map((g) => Number.parseInt(g, 16)), ...tail];
}

function classifyIpv6(g: number[]): AddressClass | null {
  const embedded = (hi: number, lo: number) => classifyIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  const first5Zero = g.slice(0, 5).every((x) => x === 0);
  // IPv4-mapped (::ffff:a.b.c.d) reaches the IPv4 address itself.
  if (first5Zero && g[5] === 0xffff) return embedded(g[6]!, g[7]!);
  if (g.every((x) => x === 0)) return "unspecified";
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "loopback";
  // NAT64 (64:ff9b::/96) reaches the embedded IPv4 address through the gateway's translator.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return embedded(g[6]!, g[7]!);
  const top = g[0]!;
  if ((top & 0xffc0) === 0xfe80) return "link-local";
  if ((top & 0xfe00) === 0xfc00 || (top & 0xffc0) === 0xfec0) return "private";
  if ((top & 0xff00) === 0xff00) return "multicast";
  // IPv4-compatible (::a.b.c.d, deprecated) and the rest of ::/96 are not public unicast.
  if (first5Zero && g[5] === 0) return "reserved";
  return null;
}
