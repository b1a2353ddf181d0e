/**
 * A small request/response protocol over Node's IPC channel, between the benchmark runner and
 * the servers and clients it spawns as child processes.
 */
import { fork, type ChildProcess } from "node:child_process";

type Handler = (args: Record<string, unknown>) => unknown;
interface Request {
  id: number;
  cmd: string;
  args: Record<string, unknown>;
}
interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/** In a child: answers the runner's commands. */
export function serve(handlers: Record<string, Handler>): void {
  process.on("message", (msg: Request) => {
    void (async () => {
      const handler = handlers[msg.cmd];
      try {
        if (!handler) throw new Error(`unknown command ${msg.cmd}`);
        process.send!({ id: msg.id, ok: true, result: await handler(msg.args) } satisfies Reply);
      } catch (e) {
        process.send!({ id: msg.id, ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies Reply);
      }
    })();
  });
  // Leaving by exit (not a signal) lets --cpu-prof write its profile.
  handlers["exit"] ??= () => void setImmediate(() => process.exit(0));
  // The runner going away ends the child.
  process.on("disconnect", () => process.exit(0));
}

/** In the runner: a child process to send commands to. */
export interface Child {
  call<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  kill(): Promise<void>;
  proc: ChildProcess;
}

const TSX = new URL("../node_modules/tsx/dist/esm/index.mjs", import.meta.url).pathname;
// The gateway's sources need its compiler options (legacy decorators); tsx reads them from here.
const GATEWAY_TSCONFIG = new URL("../../gateway/tsconfig.json", import.meta.url).pathname;

/** Forks a TypeScript entry under tsx with extra Node flags and environment. */
export function spawnChild(entry: string, env: Record<string, string> = {}, nodeFlags: string[] = []): Child {
  const proc = fork(new URL(entry, import.meta.url).pathname, [], {
    execArgv: ["--import", TSX, ...nodeFlags],
    env: { ...process.env, TSX_TSCONFIG_PATH: GATEWAY_TSCONFIG, ...env },
    cwd: new URL("..", import.meta.url).pathname,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  proc.on("message", (r: Reply) => {
    const p = pending.get(r.id);
    if (!p) return;
    pending.delete(r.id);
    if (r.ok) p.resolve(r.result);
    else p.reject(new Error(r.error));
  });
  proc.on("exit", (code) => {
    for (const p of pending.values()) p.reject(new Error(`${entry} exited with ${code}`));
    pending.clear();
  });
  return {
    proc,
    call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        proc.send({ id, cmd, args } satisfies Request);
      });
    },
    kill: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
      }),
  };
}

/** Memory of this process after two full collections (needs --expose-gc). */
export function settledMemory(): { rss: number; heapUsed: number; external: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}
