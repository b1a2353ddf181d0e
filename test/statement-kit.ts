/**
 * Counts the statements a gateway sends to its database while some work runs, through the data
 * source's logger (which sees every statement): how tests show that a read is cached or that a
 * path sends no statement it need not.
 */
import type { TestGateway } from "./harness.js";

/** How many statements containing `fragment` (e.g. a table name) the gateway sends while `run` runs. */
export async function statementsWith(gw: TestGateway, fragment: string, run: () => Promise<unknown>): Promise<number> {
  const ds = gw.services.ds;
  const logger = ds.logger;
  let count = 0;
  ds.logger = new Proxy(logger, {
    get: (target, key) =>
      key === "logQuery"
        ? (query: string, ...rest: unknown[]) => {
            if (query.includes(fragment)) count++;
            return (target.logQuery as (...args: unknown[]) => unknown).call(target, query, ...rest);
          }
        : Reflect.get(target, key),
  });
  try {
    await run();
  } finally {
    ds.logger = logger;
  }
  return count;
}
