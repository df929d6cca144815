import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";

/** The message an HTTP process drains and exits on (a signal may not reach it: only the primary's pid is known). */
export const DRAIN_MESSAGE = "quarry:drain";

export interface HttpProcesses {
  /** Resolves with the port once the first process listens. */
  listening: Promise<number>;
  /** Tells every process to drain and waits until all have exited. */
  stop(): Promise<void>;
}

/**
 * Forks `count` HTTP processes of this entry point (node:cluster: they share the listening port,
 * the primary hands each new connection to the next one) with `env` added to their environment.
 * A process that dies on its own is replaced; on stop() each finishes its requests and exits.
 */
export function forkHttpProcesses(count: number, env: Record<string, string>, log: Logger): HttpProcesses {
  let stopping = false;
  const workers = new Set<Worker>();
  const fork = () => {
    const worker = cluster.fork(env);
    workers.add(worker);
    worker.on("exit", (code, signal) => {
      workers.delete(worker);
      if (stopping) return;
      log.error({ pid: worker.process.pid, code, signal }, "HTTP process exited; starting another");
      fork();
    });
  };
  const listening = new Promise<number>((resolve) => {
    cluster.once("listening", (_worker, address) => resolve(address.port));
  });
  for (let i = 0; i < count; i++) fork();
  return {
    listening,
    async stop() {
      stopping = true;
      await Promise.all(
        [...workers].map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once("exit", () => resolve());
              worker.send(DRAIN_MESSAGE);
            }),
        ),
      );
    },
  };
}
