/**
 * Delay before retrying a retryable provider error: exponential (base × 2^(attempt−1), capped),
 * with "equal jitter" (half fixed, half random) so workers do not retry in step, and never
 * sooner than the provider's Retry-After.
 */
export function retryDelayMs(
  attempt: number,
  opts: { baseMs: number; maxMs: number; retryAfterMs?: number | undefined },
  random: () => number = Math.random,
): number {
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.round(Math.max(jittered, opts.retryAfterMs ?? 0));
}
