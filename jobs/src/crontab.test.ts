import { describe, expect, it } from "vitest";
import { parsedCronItems } from "./crontab.ts";
import { allTasks } from "./task-list.ts";

describe("crontab", () => {
  const items = parsedCronItems({ activityRetentionMonths: 18 });

  it("maintains activity partitions daily with the configured retention", () => {
    const item = items.find((i) => i.task === "records/maintain-activity-partitions");
    expect(item?.payload).toEqual({ monthsAhead: 3, retentionMonths: 18 });
    expect(item?.options.backfillPeriod).toBe(86_400_000);
  });

  it("prunes expired sessions daily", () => {
    expect(items.map((i) => i.task)).toContain("auth/prune-expired");
  });

  it("keeps enrichment lookup partitions ahead daily and reaps dead workers' claims every minute", () => {
    const partitions = items.find((i) => i.task === "enrichment/maintain-lookup-partitions");
    expect(partitions?.payload).toEqual({ monthsAhead: 3, retentionMonths: 24 });
    expect(items.map((i) => i.task)).toContain("enrichment/reap-stale-claims");
  });

  it("prunes REST idempotency keys past their 24 hours every hour", () => {
    expect(items.filter((i) => i.task === "rest/prune-idempotency-keys")).toHaveLength(1);
  });

  it("links contacts without a company nightly", () => {
    const sweep = items.find((i) => i.task === "records/link-contacts-sweep");
    expect(sweep?.options.backfillPeriod).toBe(86_400_000);
  });

  it("names only tasks that exist", () => {
    const names = new Set(allTasks.map((t) => t.name));
    for (const item of items) expect(names, item.task).toContain(item.task);
  });
});
