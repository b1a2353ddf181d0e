/**
 * Reads shared while in flight: callers asking for the same key while a read is under way get
 * that read's answer; the next caller after it settles reads afresh, so nothing goes stale.
 */
export function sharedWhileInFlight<K, V>(read: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const reading = new Map<K, Promise<V>>();
  return (key) => {
    let pending = reading.get(key);
    if (!pending) {
      pending = read(key);
      reading.set(key, pending);
      const done = () => void reading.delete(key);
      pending.then(done, done);
    }
    return pending;
  };
}
