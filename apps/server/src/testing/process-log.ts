import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

/** One JSON log line of a server process, as far as the process tests read it. */
export interface LogLine {
  msg?: string;
  url?: string;
  req?: { url?: string };
}

/**
 * The JSON lines a spawned server process writes to stdout, kept as they arrive, with a way to
 * wait for one: tests order their steps by what the server says it did, never by sleeps.
 */
export function processLog(stdout: Readable) {
  const lines: LogLine[] = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: stdout }).on("line", (line) => {
    lines.push(JSON.parse(line) as LogLine);
    for (const wake of waiters) wake();
  });
  /** Resolves once a line that `matches` has been logged (already, or later). */
  function logged(matches: (l: LogLine) => boolean): Promise<LogLine> {
    return new Promise((resolve) => {
      const check = () => {
        const found = lines.find(matches);
        if (found) resolve(found);
      };
      check();
      waiters.push(check);
    });
  }
  return { lines, logged };
}
