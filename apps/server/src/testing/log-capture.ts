import { Writable } from "node:stream";
import { type Logger, pino } from "pino";

export interface LogCapture {
  logger: Logger;
  lines: Array<Record<string, unknown>>;
  /** The lines logged for one request id. */
  forRequest(id: string | null | undefined): Array<Record<string, unknown>>;
}

/** A JSON logger at info whose lines a test can read back. */
export function captureLogs(): LogCapture {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return {
    logger: pino({ level: "info" }, sink),
    lines,
    forRequest: (id) => lines.filter((l) => l.reqId === id),
  };
}
