import type { Env } from "@quarry/core/env";
import { type Logger, pino } from "pino";

/** The process's root JSON logger; requests and the worker log through children of it. */
export function createLogger(env: Pick<Env, "LOG_LEVEL">): Logger {
  return pino({
    level: env.LOG_LEVEL,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
  });
}
