import { cpus } from "node:os";
import { performance } from "node:perf_hooks";

/**
 * How busy serving kept this gateway and its machine over a window, 0–1: the larger of the
 * event loop's utilisation (the process's own serving) and the machine's CPU utilisation at
 * normal priority. The second catches what the first cannot see: a gateway waiting on a database
 * that saturates the machine they share, or a dispatcher in a process of its own, which serves
 * nothing. CPU time at a lowered priority (nice) does not count, so a dispatcher run with
 * NOTIFY_DISPATCH_NICE does not take its own delivery for the machine being busy.
 */
export interface BusyMeter {
  /** Utilisation since the last {@link BusyMeter.restart} (or since the meter was made). */
  read(): number;
  /** Starts a new window now. */
  restart(): void;
}

/** CPU time of all cores in ms: spent at normal priority, and in all. */
function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times: t } of cpus()) {
    busy += t.user + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.idle + t.irq;
  }
  return { busy, total };
}

/** A meter over the event loop of this process and the machine's CPUs. */
export function createBusyMeter(): BusyMeter {
  let loop = performance.eventLoopUtilization();
  let cpu = cpuTimes();
  return {
    read() {
      const now = cpuTimes();
      const total = now.total - cpu.total;
      const machine = total > 0 ? (now.busy - cpu.busy) / total : 0;
      return Math.max(performance.eventLoopUtilization(loop).utilization, machine);
    },
    restart() {
      loop = performance.eventLoopUtilization();
      cpu = cpuTimes();
    },
  };
}
