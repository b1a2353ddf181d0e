/**
 * Wraps an async job so that calls made while it runs fold into one more run after it: the
 * latest state is always read once more, and never by several overlapping requests.
 */
export function coalesced(run: () => Promise<void>): () => void {
  let running: Promise<void> | undefined;
  let again = false;
  const trigger = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          trigger();
        }
      });
  };
  return trigger;
}
