import { defineTask } from "@quarry/queue/define-task";
import { z } from "zod";
import { maintainLookupPartitions } from "../queries/lookups.queries.ts";

/** Daily: keeps monthly enrichment_records partitions ahead of time and drops those past retention. */
export const maintainLookupPartitionsTask = defineTask({
  name: "enrichment/maintain-lookup-partitions",
  payload: z.object({
    monthsAhead: z.number().int().min(0).max(24).default(3),
    retentionMonths: z.number().int().min(1).max(600).default(24),
  }),
  async run({ monthsAhead, retentionMonths }, { db, log }) {
    const { created, dropped } = await maintainLookupPartitions(db, monthsAhead, retentionMonths);
    if (created.length || dropped.length)
      log.info({ created, dropped }, "enrichment_records partitions maintained");
  },
});
