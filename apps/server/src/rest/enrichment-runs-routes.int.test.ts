import { testCaller } from "@quarry/api/testing/test-context";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { createRun } from "@quarry/enrichment/services/create-run";
import { enrichmentWorkspace, insertContacts, runDueJobs } from "@quarry/enrichment/testing/fixtures";
import { gatedProvider, testDeps, testProvider } from "@quarry/enrichment/testing/test-providers";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app.ts";
import { apiClient } from "./testing/rest-fixture.ts";

/**
 * GET /enrichment/runs/{id} while a paid run is mid-call and after it ends: `credits` says what it
 * spent and what it still holds.
 * Its own database: the run's jobs are worked here with test providers, and nothing else queued.
 */
let t: TestDatabase;
let server: TestApp;
beforeAll(async () => {
  t = await createTestDatabase();
  server = await startTestApp({ db: t.db });
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

it("reports a run's credits spent and held while it runs, and what it spent once it ends", async () => {
  const w = await enrichmentWorkspace(t.db, 50);
  const { key } = await testCaller(t.db, w.owner).workspaces.apiKeys.create({
    workspaceId: w.workspaceId,
    name: "status",
    scope: "read",
  });
  const ids = await insertContacts(t.db, w.workspaceId, [
    { email: "ann@example.com" },
    { email: "bob@example.com" },
  ]);
  // 3 credits a title, found for both; the call waits until the test opens it.
  const gated = gatedProvider(
    testProvider(
      {
        id: "titles",
        contact: ["title"],
        cost: 3,
        answer: () => ({ status: "found", values: [{ field: "title", value: "CTO", confidence: 95 }] }),
      },
      [],
    ),
  );
  const deps = testDeps([gated.provider]);
  const run = await createRun(w.ctx, deps, {
    entity: "contact",
    selection: { ids },
    fields: ["title"],
    overwrite: false,
  });
  const client = apiClient(server.url, key);

  const working = runDueJobs(t.url, t.db, deps);
  try {
    await gated.entered;
    const mid = await client.get(`/enrichment/runs/${run.id}`);
    expect(mid.status).toBe(200);
    expect(mid.body).toMatchObject({ status: "running", credits: { spent: 0, held: 6 } });
  } finally {
    gated.open();
    await working;
  }

  const done = await client.get(`/enrichment/runs/${run.id}`);
  expect(done.body).toMatchObject({
    status: "completed",
    counts: { found: 2 },
    credits: { spent: 6, held: 0 },
  });
  expect(done.body).not.toHaveProperty("creditsSpent");
});

it("documents credits and the run in snake_case, without the old creditsSpent, in the OpenAPI document", async () => {
  const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
    components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
  };
  const run = doc.components.schemas.EnrichmentRun?.properties ?? {};
  expect(run.credits).toMatchObject({
    type: "object",
    properties: { spent: { type: "integer" }, held: { type: "integer" } },
    description: expect.stringContaining("held"),
  });
  expect(Object.keys(run)).toEqual(
    expect.arrayContaining([
      "record_count",
      "stop_reason",
      "by_field",
      "by_provider",
      "created_at",
      "finished_at",
    ]),
  );
  expect(Object.keys(run).filter((k) => /[A-Z]/.test(k))).toEqual([]);
});
