import { expect, it } from "vitest";
import { itemCounts, runDueJobs, startContactRun } from "../testing/fixtures.ts";
import { useTestDatabase } from "../testing/test-database.ts";
import { type ProviderCall, testDeps, testProvider } from "../testing/test-providers.ts";
import { getRun } from "./get-run.ts";

const t = useTestDatabase();

it("a batch that always throws ends after maxAttempts: its items fail with the reason and the run fails", async () => {
  const calls: ProviderCall[] = [];
  const vendor = testProvider(
    { id: "vendor", contact: ["title"], answer: () => ({ status: "not_found" }) },
    calls,
  );
  let tries = 0;
  const base = testDeps([vendor], { maxAttempts: 4, backoffBaseMs: 0, backoffMaxMs: 0 });
  const deps = {
    ...base,
    defaultWaterfall: () => {
      tries += 1;
      throw new Error("waterfall unreadable");
    },
  };
  const { w, run } = await startContactRun(t.db, base, {
    credits: 10,
    contacts: [{ email: "t1@example.com" }, { email: "t2@example.com" }],
  });

  await runDueJobs(t.url, t.db, deps);

  expect(tries).toBe(4);
  expect(calls).toEqual([]);
  expect(await itemCounts(t.db, run.id)).toEqual({ failed: 2 });
  const done = await getRun(w.ctx, run.id);
  expect(done.status).toBe("failed");
  expect(done.reasons).toEqual([
    {
      status: "failed",
      reason: "The batch failed: waterfall unreadable (gave up after 4 attempts)",
      count: 2,
    },
  ]);
});

it("a run with one item answered and one failed still completes", async () => {
  const calls: ProviderCall[] = [];
  const vendor = testProvider(
    {
      id: "vendor",
      contact: ["title"],
      answer: (input) =>
        input.values.email === "ok@example.com"
          ? { status: "not_found" }
          : { status: "error", retryable: false, code: "bad_request", message: "400" },
    },
    calls,
  );
  const deps = testDeps([vendor]);
  const { w, run } = await startContactRun(t.db, deps, {
    credits: 10,
    contacts: [{ email: "ok@example.com" }, { email: "bad@example.com" }],
  });
  await runDueJobs(t.url, t.db, deps);
  expect(await itemCounts(t.db, run.id)).toEqual({ failed: 1, not_found: 1 });
  expect((await getRun(w.ctx, run.id)).status).toBe("completed");
});
