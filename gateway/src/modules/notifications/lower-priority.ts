import { readdirSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/**
 * Lowers this process's CPU priority by `nice` (NOTIFY_DISPATCH_NICE), so a gateway started only
 * to dispatch gives the CPU to the gateways serving reports and the database on the same machine.
 * Linux keeps a nice value per thread (setpriority on the process id reaches only the main
 * thread): every thread listed in /proc/self/task is lowered, so V8's and libuv's helpers are too,
 * and threads started later inherit it. Elsewhere the process's priority is set. Raising the nice
 * value needs no privilege. Returns the nice value now in force.
 */
export function lowerPriority(nice: number): number {
  if (nice <= 0) return getPriority();
  const target = Math.min(19, getPriority() + nice);
  let threads: number[] = [];
  try {
    threads = readdirSync("/proc/self/task").map(Number).filter(Number.isInteger);
  } catch {
    // Not Linux: the process's priority below is all there is.
  }
  for (const tid of threads) {
    try {
      setPriority(tid, target);
    } catch {
      // A thread that ended meanwhile.
    }
  }
  if (!threads.length) setPriority(target);
  return getPriority();
}
