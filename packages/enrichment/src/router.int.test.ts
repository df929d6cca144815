import { testOutbound } from "@quarry/core/testing/test-outbound";
import { getBalance } from "@quarry/credits/services/get-balance";
import { refundCapture } from "@quarry/credits/services/refund-capture";
import { ledgerCtx } from "@quarry/credits/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { contactEntity } from "@quarry/records/schemas/entities";
import { getRecord } from "@quarry/records/services/get-record";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Run } from "./schemas/runs.ts";
import { createRun } from "./services/create-run.ts";
import { defaultDeps } from "./services/default-deps.ts";
import { testCaller } from "./testing/caller.ts";
import { capturesOf, enrichmentWorkspace, insertContacts, runDueJobs, waitFor } from "./testing/fixtures.ts";
import { gatedProvider, type ProviderCall, testDeps, testProvider } from "./testing/test-providers.ts";

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
  // The first snapshot arrives before the jobs run, however long subscribing takes.
  await waitFor(async () => seen.length > 0);
  await runDueJobs(t.url, t.db, defaultDeps(testOutbound));
  await watching;
  expect(seen[0]?.status).toBe("queued");
  expect(seen.at(-1)).toMatchObject({ status: "completed", counts: { found: 2, pending: 0 } });
  expect(seen.at(-1)?.byProvider).toEqual([
    { provider: "name-parts", lookups: 2, found: 2, notFound: 0, errors: 0, valuesFound: 2, credits: 0 },
  ]);

  const ada = await getRecord(w.ctx, contactEntity, ids[0] ?? "");
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

it("listing providers and previewing a run leave a vendor key's last use alone; providers name their key's vendor", async () => {
  const w = await enrichmentWorkspace(t.db, 100);
  const caller = testCaller(t.db, w.owner);
  await caller.enrichment.providerKeys.set({
    workspaceId: w.workspaceId,
    providerId: "hunter",
    apiKey: "hunter-key-never-sent-1234",
  });
  const lastUsedAt = async () =>
    (await caller.enrichment.providerKeys.list({ workspaceId: w.workspaceId })).items.find(
      (k) => k.providerId === "hunter",
    )?.lastUsedAt;
  expect(await lastUsedAt()).toBeNull();

  const { items } = await caller.enrichment.providers.list({ workspaceId: w.workspaceId });
  const vendorOf = (id: string) => items.find((p) => p.id === id)?.vendor;
  expect(items.find((p) => p.id === "hunter-email-finder")).toMatchObject({
    vendor: "hunter",
    keyStatus: "configured",
  });
  expect(items.find((p) => p.id === "hunter-email-verifier")?.vendor).toBe("hunter");
  expect(items.find((p) => p.id === "apollo-people-match")).toMatchObject({
    vendor: "apollo",
    keyStatus: "missing",
  });
  expect([vendorOf("name-parts"), vendorOf("sandbox")]).toEqual([null, null]);
  expect(await lastUsedAt()).toBeNull();

  const ids = await insertContacts(t.db, w.workspaceId, [
    { first_name: "Vera", last_name: "Sales", company_domain: "example.com" },
  ]);
  const preview = await caller.enrichment.runs.preview({
    workspaceId: w.workspaceId,
    entity: "contact",
    selection: { ids },
    fields: ["linkedin_url"],
  });
  // The preview read the key (Hunter is available, Apollo is not) and sent nothing with it.
  const providers = preview.fields[0]?.providers ?? [];
  expect(providers.find((p) => p.provider === "hunter-email-finder")).toMatchObject({
    unavailable: null,
    eligible: 1,
  });
  expect(providers.find((p) => p.provider.startsWith("apollo"))?.unavailable).toMatch(/^No API key/);
  expect(await lastUsedAt()).toBeNull();
});

it("reports what a run has spent and what it still holds, while it runs and after it ends", async () => {
  const w = await enrichmentWorkspace(t.db, 100);
  const caller = testCaller(t.db, w.owner);
  const ids = await insertContacts(t.db, w.workspaceId, [
    { email: "ann@example.com" },
    { email: "bob@example.com" },
    { email: "cy@example.com" },
  ]);
  // 2 credits a title; the call waits until the test lets it answer (found for all but Cy).
  const calls: ProviderCall[] = [];
  const titles = testProvider(
    {
      id: "titles",
      contact: ["title"],
      cost: 2,
      answer: (input) =>
        input.recordId === ids[2]
          ? { status: "not_found" }
          : { status: "found", values: [{ field: "title", value: "VP Sales", confidence: 95 }] },
    },
    calls,
  );
  const gated = gatedProvider(titles);
  const deps = testDeps([gated.provider]);
  const run = await createRun(w.ctx, deps, {
    entity: "contact",
    selection: { ids },
    fields: ["title"],
    overwrite: false,
  });
  const get = () => caller.enrichment.runs.get({ workspaceId: w.workspaceId, id: run.id });
  expect((await get()).credits).toEqual({ spent: 0, held: 0 });

  const working = runDueJobs(t.url, t.db, deps);
  try {
    await gated.entered;
    const running = await get();
    // The worst case of the call in flight is held: 3 titles at 2 credits.
    expect(running).toMatchObject({ status: "running", credits: { spent: 0, held: 6 } });
    expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toMatchObject({ held: 6 });
  } finally {
    gated.open();
    await working;
  }

  const done = await get();
  expect(done).toMatchObject({ status: "completed", counts: { found: 2, notFound: 1 } });
  const captures = await capturesOf(t.db, run.id);
  expect(captures.reduce((sum, c) => sum + c.amount, 0)).toBe(4);
  expect(done.credits).toEqual({ spent: 4, held: 0 });
  expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toEqual({ available: 96, held: 0, spent: 4 });

  // Spent is the captures less their refunds.
  await refundCapture(ledgerCtx(t.db, w.workspaceId), {
    captureIdempotencyKey: `capture:${run.id}:${ids[0]}:title`,
    idempotencyKey: `refund:${run.id}:${ids[0]}`,
    memo: "wrong title",
  });
  expect((await get()).credits).toEqual({ spent: 2, held: 0 });
});
