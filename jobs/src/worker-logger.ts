import type { Logger } from "@quarry/core/logger";
import { Logger as GraphileLogger } from "graphile-worker";

/** Routes graphile-worker's log lines (and the tasks' `helpers.log`) into our JSON logger. */
export function graphileLogger(log: Logger): GraphileLogger {
  return new GraphileLogger((scope) => (level, message, meta) => {
    const fields = { ...scope, ...meta };
    if (level === "error") log.error(fields, message);
    else if (level === "warning") log.warn(fields, message);
    else if (level === "info") log.info(fields, message);
    else log.debug(fields, message);
  });
}
