import { defineTask } from "@quarry/queue/define-task";
import { z } from "zod";
import { maintainActivityPartitions } from "../queries/partitions.queries.ts";

/** Daily: keeps monthly record_activity partitions ahead of time and drops those past retention. Safe to re-run. */
export const maintainActivityPartitionsTask = defineTask({
  name: "records/maintain-activity-partitions",
  payload: z.object({
    monthsAhead: z.number().int().min(0).max(24).default(3),
    retentionMonths: z.number().int().min(1).max(600),
  }),
  async run({ monthsAhead, retentionMonths }, { db, log }) {
    const { created, dropped } = await maintainActivityPartitions(db, monthsAhead, retentionMonths);
    if (created.length || dropped.length)
      log.info({ created, dropped }, "record activity partitions maintained");
  },
});
