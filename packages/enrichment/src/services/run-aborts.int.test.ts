import { expect, it } from "vitest";
import { runDueJobs, startContactRun, waitFor } from "../testing/fixtures.ts";
import { useTestDatabase } from "../testing/test-database.ts";
import { type ProviderCall, testDeps, testProvider } from "../testing/test-providers.ts";
import { cancelRun } from "./cancel-run.ts";
import { getRun } from "./get-run.ts";

const t = useTestDatabase();

it("a vendor call cut by cancel is logged in the lookup log as aborted", async () => {
  const calls: ProviderCall[] = [];
  // Answers only when its signal aborts it first: the cancel is what ends the call.
  const slow = testProvider(
    { id: "slow", contact: ["title"], latencyMs: 600_000, answer: () => ({ status: "not_found" }) },
    calls,
  );
  const deps = testDeps([slow]);
  const { w, ids, run } = await startContactRun(t.db, deps, {
    credits: 10,
    contacts: [{ email: "a1@example.com" }, { email: "a2@example.com" }],
  });
  const working = runDueJobs(t.url, t.db, deps);
  await waitFor(async () => calls.length > 0);
  await cancelRun(w.ctx, run.id);
  await working;

  expect(calls.map((c) => c.aborted)).toEqual([true]);
  expect((await getRun(w.ctx, run.id)).status).toBe("cancelled");
  const logged = await t.db
    .selectFrom("enrichment_records")
    .select(["record_id", "provider", "status", "error_code", "cost"])
    .where("run_id", "=", run.id)
    .execute();
  expect(logged.sort((a, b) => a.record_id.localeCompare(b.record_id))).toEqual(
    [...ids]
      .sort()
      .map((id) => ({ record_id: id, provider: "slow", status: "error", error_code: "aborted", cost: 0 })),
  );
});

it.each([
  { code: "private_address", counted: 1 },
  { code: "unauthorized", counted: 1 },
  { code: "invalid_input", counted: 0 },
])(
  "a call refused with $code counts toward the provider's circuit breaker: $counted",
  async ({ code, counted }) => {
    const calls: ProviderCall[] = [];
    const refused = testProvider(
      {
        id: `refused-${code}`,
        contact: ["title"],
        answer: () => ({ status: "error", retryable: false, code, message: `refused: ${code}` }),
      },
      calls,
    );
    const deps = testDeps([refused]);
    const { w } = await startContactRun(t.db, deps, {
      credits: 10,
      contacts: [{ email: `${code}@example.com` }],
    });
    await runDueJobs(t.url, t.db, deps);

    expect(calls).toHaveLength(1);
    const health = await t.db
      .selectFrom("provider_health")
      .select(["provider", "consecutive_failures"])
      .where("workspace_id", "=", w.workspaceId)
      .execute();
    expect(health).toEqual(counted ? [{ provider: `refused-${code}`, consecutive_failures: 1 }] : []);
  },
);
