/** Counts the subscriptions listening right now: for /readyz-style introspection and for tests. */
export class LiveSubscriptions {
  private count = 0;

  /** How many subscriptions are attached to the bus. */
  get active(): number {
    return this.count;
  }

  /** Wraps a bus iterator so it is counted from the moment it listens until it ends. */
  track<T>(source: AsyncIterable<T>): AsyncIterable<T> {
    const self = this;
    return {
      [Symbol.asyncIterator]() {
        const inner = source[Symbol.asyncIterator]();
        let counted = false;
        const stop = () => {
          if (counted) {
            counted = false;
            self.count--;
          }
        };
        return {
          next() {
            if (!counted) {
              counted = true;
              self.count++;
            }
            return inner.next().then((r) => {
              if (r.done) stop();
              return r;
            });
          },
          return(value?: unknown) {
            stop();
            return inner.return ? inner.return(value) : Promise.resolve({ done: true as const, value: undefined as T });
          },
          throw(error?: unknown) {
            stop();
            return inner.throw ? inner.throw(error) : Promise.reject(error);
          },
        };
      },
    };
  }
}
