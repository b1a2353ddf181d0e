/** HTTP load with autocannon, with latencies kept per response so any percentile can be read. */
import autocannon from "autocannon";

/** One run's figures. */
export interface LoadResult {
  /** Successful responses per second. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses that were not 2xx, and transport errors. */
  failures: number;
}

/** What to send. */
export interface LoadSpec {
  url: string;
  headers?: Record<string, string>;
  /** The same body for every request, or one chosen per request. */
  body: string | (() => string);
  connections: number;
  seconds: number;
  /** Fixed rate for the whole run (requests per second); unset runs flat out. */
  rate?: number;
}

/** Percentile of sorted numbers. */
export function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs one load and reads its throughput and latency percentiles. */
export async function load(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const { body } = spec;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        method: "POST",
        headers: { "content-type": "application/json", ...spec.headers },
        connections: spec.connections,
        duration: spec.seconds,
        ...(spec.rate ? { overallRate: spec.rate } : {}),
        ...(typeof body === "string" ? { body } : { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }) }] }),
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else failures++;
    });
  });
  failures += result.errors + result.timeouts;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / spec.seconds, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99), failures };
}
