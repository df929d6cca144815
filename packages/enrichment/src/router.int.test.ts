import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { contactEntity } from "@quarry/records/schemas/entities";
import { getRecord } from "@quarry/records/services/get-record";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Run } from "./schemas/runs.ts";
import { appDeps } from "./services/default-deps.ts";
import { recordsContext } from "./services/run-selection.ts";
import { testCaller } from "./testing/caller.ts";
import { enrichmentWorkspace, insertContacts, runDueJobs } from "./testing/fixtures.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it("creates a run with the registry's built-ins, streams its progress until done, and shows provenance", async () => {
  const w = await enrichmentWorkspace(t.db, 0);
  const caller = testCaller(t.db, w.owner);
  const ids = await insertContacts(t.db, w.workspaceId, [
    { first_name: "Ada", last_name: "Lovelace", email: "ada@example.com" },
    { first_name: "Alan", last_name: "Turing", email: "alan@example.com" },
  ]);
  const preview = await caller.enrichment.runs.preview({
    workspaceId: w.workspaceId,
    entity: "contact",
    selection: { ids },
    fields: ["full_name"],
  });
  expect(preview).toMatchObject({ recordCount: 2, worstCaseCost: 0, covered: true });
  expect(preview.fields[0]?.providers[0]).toMatchObject({
    provider: "name-parts",
    eligible: 2,
    costPerValue: 0,
  });

  const run = await caller.enrichment.runs.create({
    workspaceId: w.workspaceId,
    entity: "contact",
    selection: {
      filter: {
        op: "and",
        conditions: [{ field: "last_name", operator: "in", value: ["Lovelace", "Turing"] }],
      },
    },
    fields: ["full_name"],
  });
  expect(run).toMatchObject({ status: "queued", recordCount: 2, counts: { pending: 2 } });

  const stream = await caller.enrichment.runs.watch({ workspaceId: w.workspaceId, id: run.id });
  const seen: Run[] = [];
  const watching = (async () => {
    for await (const snapshot of stream) seen.push(snapshot);
  })();
  await new Promise((r) => setTimeout(r, 100));
  await runDueJobs(t.url, t.db, appDeps());
  await watching;
  expect(seen[0]?.status).toBe("queued");
  expect(seen.at(-1)).toMatchObject({ status: "completed", counts: { found: 2, pending: 0 } });
  expect(seen.at(-1)?.byProvider).toEqual([
    { provider: "name-parts", lookups: 2, found: 2, notFound: 0, errors: 0, valuesFound: 2, credits: 0 },
  ]);

  const ada = await getRecord(recordsContext(w.ctx), contactEntity, ids[0] ?? "");
  expect(ada.full_name).toBe("Ada Lovelace");
  expect(ada.sources.full_name).toMatchObject({ provider: "name-parts", sandbox: false });
  expect(ada.quality).toBeGreaterThan(0);

  const list = await caller.enrichment.runs.list({ workspaceId: w.workspaceId, limit: 10 });
  expect(list.items.map((r) => [r.id, r.status])).toEqual([[run.id, "completed"]]);
  const cancelled = await caller.enrichment.runs.cancel({ workspaceId: w.workspaceId, id: run.id });
  expect(cancelled.status).toBe("completed"); // a finished run stays as it is
});

it("validates settings with the field named, and shows a paused provider as degraded", async () => {
  const w = await enrichmentWorkspace(t.db, 0);
  const caller = testCaller(t.db, w.owner);
  const error = await caller.enrichment.settings
    .update({
      workspaceId: w.workspaceId,
      data: { waterfalls: [{ entity: "contact", field: "full_name", providers: ["email-check"] }] },
    })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  expect((error as TRPCError).message).toMatch(/^data\.waterfalls\.0\.providers: .* cannot fill full_name/);

  const settings = await caller.enrichment.settings.update({
    workspaceId: w.workspaceId,
    data: { confidenceThreshold: 85 },
  });
  expect(settings.confidenceThreshold).toBe(85);
  const fullName = settings.waterfalls.find((x) => x.entity === "contact" && x.field === "full_name");
  expect(fullName).toMatchObject({ isDefault: true, providers: expect.arrayContaining(["name-parts"]) });
  expect(fullName?.providers[0]).toBe("name-parts"); // free built-ins first

  await t.db
    .insertInto("provider_health")
    .values({
      workspace_id: w.workspaceId,
      provider: "name-parts",
      consecutive_failures: 6,
      paused_until: new Date(Date.now() + 60_000),
      last_error: "server_error: 503",
    })
    .execute();
  const { items } = await caller.enrichment.providers.list({ workspaceId: w.workspaceId });
  expect(items.find((p) => p.id === "name-parts")?.health).toMatchObject({
    status: "degraded",
    consecutiveFailures: 6,
    lastError: "server_error: 503",
  });
  expect(items.find((p) => p.id === "sandbox")).toMatchObject({ sandbox: true, keyStatus: "not_needed" });
  const preview = await caller.enrichment.runs.preview({
    workspaceId: w.workspaceId,
    entity: "contact",
    selection: { filter: { op: "and", conditions: [] } },
    fields: ["full_name"],
  });
  expect(preview.recordCount).toBe(0);
});
