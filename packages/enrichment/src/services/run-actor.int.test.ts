import { randomUUID } from "node:crypto";
import { type Actor, apiKeyActor, systemActor, userActor } from "@quarry/core/service-context";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, expect, it } from "vitest";
import { enrichmentWorkspace, insertContacts, runDueJobs } from "../testing/fixtures.ts";
import { type ProviderCall, testDeps, testProvider } from "../testing/test-providers.ts";
import { createRun } from "./create-run.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/**
 * The engine works a run in the task's context (the system "enrichment") but acts for whoever
 * started the run: the values it writes show source "enrichment" and the starter as actor (an API
 * key's creator), nobody when the system started it.
 */
const cases: Array<{ startedBy: string; actor: (ownerId: string) => Actor; expected: "owner" | null }> = [
  { startedBy: "a member in the app", actor: (ownerId) => userActor(ownerId), expected: "owner" },
  {
    startedBy: "an API key",
    actor: (ownerId) => apiKeyActor({ keyId: randomUUID(), createdBy: ownerId }),
    expected: "owner",
  },
  { startedBy: "the system", actor: () => systemActor("import"), expected: null },
];

it.each(cases)(
  "a run started by $startedBy writes its values as that actor, source enrichment",
  async (c) => {
    const calls: ProviderCall[] = [];
    const deps = testDeps([
      testProvider(
        {
          id: "titles",
          contact: ["title"],
          cost: 1,
          answer: () => ({
            status: "found",
            values: [{ field: "title", value: "VP Sales", confidence: 90, verification: "valid" }],
          }),
        },
        calls,
      ),
    ]);
    const w = await enrichmentWorkspace(t.db, 100);
    const [id = ""] = await insertContacts(t.db, w.workspaceId, [{ email: "ada@example.com" }]);
    const run = await createRun({ ...w.ctx, actor: c.actor(w.owner.user.id) }, deps, {
      entity: "contact",
      selection: { id },
      fields: ["title"],
      overwrite: false,
    });
    await runDueJobs(t.url, t.db, deps);

    const expected = c.expected === "owner" ? w.owner.user.id : null;
    const row = await t.db
      .selectFrom("enrichment_runs")
      .select("created_by")
      .where("id", "=", run.id)
      .executeTakeFirst();
    expect(row).toEqual({ created_by: expected });
    const activity = await t.db
      .selectFrom("record_activity")
      .select(["source", "actor_id"])
      .where("record_id", "=", id)
      .execute();
    expect(activity).toEqual([{ source: "enrichment", actor_id: expected }]);
    expect(calls).toHaveLength(1);
  },
);
