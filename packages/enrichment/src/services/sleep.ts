/**
 * Waits `ms`, or less when `signal` aborts first. Adds one abort listener and removes it however
 * the wait ends, so a loop sleeping on one long-lived signal does not pile listeners onto it.
 */
export function sleep(ms: number, signal?: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
