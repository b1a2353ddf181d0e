/** Where the gateway reads the time; tests pass a clock they can move forward. */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };
