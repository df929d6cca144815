import { testOutbound } from "@quarry/core/testing/test-outbound";
import { getBalance } from "@quarry/credits/services/get-balance";
import { contactEntity } from "@quarry/records/schemas/entities";
import { getRecord } from "@quarry/records/services/get-record";
import { describe, expect, it } from "vitest";
import { sandbox } from "../providers/sandbox/sandbox.ts";
import {
  createContactRun,
  enrichmentWorkspace,
  insertContacts,
  itemCounts,
  runDueJobs,
  startContactRun,
} from "../testing/fixtures.ts";
import { useTestDatabase } from "../testing/test-database.ts";
import { foundTitle, type ProviderCall, testDeps, testProvider } from "../testing/test-providers.ts";
import { cancelRun } from "./cancel-run.ts";
import { defaultDeps } from "./default-deps.ts";
import { getRun } from "./get-run.ts";
import { listRuns } from "./list-runs.ts";
import { getEnrichmentSettings, updateEnrichmentSettings } from "./settings.ts";

const t = useTestDatabase();

describe("test mode", () => {
  it("puts the sandbox in every waterfall it can fill, and switching it off restores the saved orders exactly", async () => {
    const deps = defaultDeps(testOutbound);
    const { ctx } = await enrichmentWorkspace(t.db, 0);
    // A customised order (a vendor before the built-in) and the rest at their defaults.
    await updateEnrichmentSettings(ctx, deps, {
      data: {
        waterfalls: [
          { entity: "contact", field: "title", providers: ["pdl-person-enrich", "apollo-people-match"] },
        ],
      },
    });
    const before = await getEnrichmentSettings(ctx, deps);
    expect(before.testMode).toBe(false);

    const on = await updateEnrichmentSettings(ctx, deps, { data: { testMode: true } });
    expect(on.testMode).toBe(true);
    for (const w of on.waterfalls) {
      const saved = before.waterfalls.find((b) => b.entity === w.entity && b.field === w.field);
      expect(w.configured).toEqual(saved?.providers);
      expect(w.isDefault).toBe(saved?.isDefault);
      expect(
        w.providers.some((id) => id.startsWith("hunter") || id.startsWith("apollo") || id.startsWith("pdl")),
      ).toBe(false);
      const sandboxFills = (sandbox.fields[w.entity] as readonly string[]).includes(w.field);
      expect(w.providers.at(-1) === "sandbox").toBe(sandboxFills);
    }
    expect(on.waterfalls.find((w) => w.field === "title")?.providers).toEqual(["sandbox"]);
    const email = on.waterfalls.find((w) => w.entity === "contact" && w.field === "email");
    expect(email?.providers).toEqual(["email-check", "sandbox"]);
    expect(email?.unavailable).toBeNull();

    const off = await updateEnrichmentSettings(ctx, deps, { data: { testMode: false } });
    expect(off).toEqual(before);
  });

  it("a run started in test mode is a test run: the sandbox fills it, marked, charging what the sandbox charges", async () => {
    const calls: ProviderCall[] = [];
    const vendor = testProvider(
      { id: "vendor", contact: ["title"], cost: 5, answer: () => foundTitle("CTO", 95) },
      calls,
    );
    const deps = testDeps([vendor, sandbox]);
    const w = await enrichmentWorkspace(t.db, 50);
    const ids = await insertContacts(t.db, w.workspaceId, [
      { email: "ada@lovelace.example", full_name: "Ada Lovelace" },
    ]);
    await updateEnrichmentSettings(w.ctx, deps, { data: { testMode: true } });
    const run = await createContactRun(w.ctx, deps, ids, { fields: ["title"] });
    expect(run.testMode).toBe(true);
    // Switched off while the run waits: the run keeps the waterfalls it started with.
    await updateEnrichmentSettings(w.ctx, deps, { data: { testMode: false } });
    await runDueJobs(t.url, t.db, deps);

    const done = await getRun(w.ctx, run.id);
    expect(done.status).toBe("completed");
    expect(done.counts.found).toBe(1);
    expect(done.byProvider.map((p) => p.provider)).toEqual(["sandbox"]);
    expect(calls).toHaveLength(0);
    expect(done.credits.spent).toBe(sandbox.costCredits);
    expect((await getBalance(w.ctx)).available).toBe(50);
    const record = await getRecord(w.ctx, contactEntity, ids[0] ?? "");
    expect(record.sources.title?.sandbox).toBe(true);
    expect((await listRuns(w.ctx, { limit: 5 })).items[0]?.testMode).toBe(true);
  });
});

describe("a run that can fill nothing", () => {
  it("is refused with the reason when no enabled provider can fill its fields, and no run is made", async () => {
    const keyed = testProvider(
      { id: "keyed", contact: ["title"], needsApiKey: true, cost: 1, answer: () => foundTitle("CTO", 90) },
      [],
    );
    const deps = testDeps([keyed, sandbox]);
    const w = await enrichmentWorkspace(t.db, 10);
    const ids = await insertContacts(t.db, w.workspaceId, [{ email: "ada@example.com" }]);
    await updateEnrichmentSettings(w.ctx, deps, {
      data: { waterfalls: [{ entity: "contact", field: "title", providers: ["keyed"] }] },
    });
    await expect(createContactRun(w.ctx, deps, ids, { fields: ["title"] })).rejects.toThrow(
      "No enabled provider can fill title. Add an API key on the Providers page, or turn on test mode to try it with made-up data.",
    );
    expect((await listRuns(w.ctx, { limit: 5 })).items).toEqual([]);
    // Test mode gives the field a provider: the same run starts.
    await updateEnrichmentSettings(w.ctx, deps, { data: { testMode: true } });
    expect((await createContactRun(w.ctx, deps, ids, { fields: ["title"] })).status).toBe("queued");
  });

  it("is refused when every selected record already has the value", async () => {
    const p = testProvider({ id: "p", contact: ["title"], answer: () => foundTitle("CTO", 90) }, []);
    const deps = testDeps([p]);
    const w = await enrichmentWorkspace(t.db, 10);
    const ids = await insertContacts(t.db, w.workspaceId, [{ email: "ada@example.com", title: "CEO" }]);
    await expect(createContactRun(w.ctx, deps, ids, { fields: ["title"] })).rejects.toThrow(
      /^Nothing to fill: the selected records already have a value for title\./,
    );
    expect((await createContactRun(w.ctx, deps, ids, { fields: ["title"], overwrite: true })).status).toBe(
      "queued",
    );
  });
});

it("a run stopped midway reports what was done and what was cancelled, not 100 % done", async () => {
  // w… records wait on a retryable error (a long back-off) until the run is stopped.
  const vendor = testProvider(
    {
      id: "vendor",
      contact: ["title"],
      answer: (input) =>
        String(input.values.email).startsWith("f")
          ? foundTitle("CTO", 90)
          : { status: "error", retryable: true, code: "unavailable", message: "503" },
    },
    [],
  );
  const deps = testDeps([vendor], { backoffBaseMs: 3_600_000, backoffMaxMs: 3_600_000 });
  const { w, run } = await startContactRun(t.db, deps, {
    credits: 10,
    contacts: [
      { email: "f0@example.com" },
      { email: "f1@example.com" },
      ...Array.from({ length: 5 }, (_, i) => ({ email: `w${i}@example.com` })),
    ],
  });
  await runDueJobs(t.url, t.db, deps);
  expect(await itemCounts(t.db, run.id)).toEqual({ found: 2, pending: 5 });
  const stopped = await cancelRun(w.ctx, run.id);
  expect(stopped.status).toBe("cancelled");
  expect(stopped.counts).toMatchObject({ total: 7, done: 2, found: 2, cancelled: 5 });
  expect(stopped.byField[0]).toMatchObject({ field: "title", total: 7, done: 2, cancelled: 5 });
});
