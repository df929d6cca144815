import { AppError } from "@quarry/core/app-error";
import { systemClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import type { Outbound } from "@quarry/core/outbound";
import { createSecretBox, type SecretBox } from "@quarry/core/secret-box";
import { systemActor } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeServer } from "../testing/fakes/fake-http.ts";
import { startHunterFake } from "../testing/fakes/hunter.fake.ts";
import { deleteProviderKey } from "./delete-provider-key.ts";
import { listProviderKeys } from "./list-provider-keys.ts";
import { loadProviderCredentials } from "./load-provider-credentials.ts";
import { markProviderKeyUsed } from "./mark-provider-key-used.ts";
import { setProviderKey } from "./set-provider-key.ts";
import { testProviderKey } from "./test-provider-key.ts";

let t: TestDatabase;
let hunter: FakeServer;
const box: SecretBox = createSecretBox({ id: "k1", key: Buffer.alloc(32, 7) });
let ws1: string;
let ws2: string;

beforeAll(async () => {
  t = await createTestDatabase();
  hunter = await startHunterFake();
  const rows = await t.db
    .insertInto("workspaces")
    .values([{ name: "One" }, { name: "Two" }])
    .returning("id")
    .execute();
  [ws1, ws2] = rows.map((r) => r.id) as [string, string];
});
afterAll(async () => {
  await hunter.close();
  await t.drop();
});

const ctx = (workspaceId: string): ServiceCtx => ({
  db: t.db,
  workspaceId,
  actor: systemActor("test"),
  log: silentLogger,
  clock: systemClock,
});
const outbound: Outbound = { secretBox: box, allowPrivateNetworks: true, fetch };
const row = (workspaceId: string, providerId: string) =>
  t.db
    .selectFrom("provider_keys")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("provider_id", "=", providerId)
    .executeTakeFirst();

describe("storing a key", () => {
  it("keeps only ciphertext, under the current key id, and shows the last 4 characters", async () => {
    const apiKey = "hunter-secret-0123456789abcdef";
    const shown = await setProviderKey(ctx(ws1), outbound, { providerId: "hunter", apiKey });
    expect(shown).toMatchObject({
      providerId: "hunter",
      configured: true,
      last4: "cdef",
      status: "untested",
      baseUrl: null,
    });
    const stored = await row(ws1, "hunter");
    expect(stored?.key_id).toBe("k1");
    expect(stored?.ciphertext).toMatch(/^v1\.k1\./);
    expect(JSON.stringify(stored)).not.toContain(apiKey);
    expect(JSON.stringify(stored)).not.toContain(Buffer.from(apiKey).toString("base64"));

    const listed = await listProviderKeys(ctx(ws1));
    expect(listed.items.map((i) => [i.providerId, i.configured, i.last4])).toEqual([
      ["hunter", true, "cdef"],
      ["apollo", false, null],
      ["pdl", false, null],
    ]);
    expect(JSON.stringify(listed)).not.toContain(apiKey);
    expect(JSON.stringify(listed)).not.toContain(stored?.ciphertext);
  });

  it("replaces the key, keeps the base URL unless told, and clears it with null", async () => {
    await setProviderKey(ctx(ws1), outbound, {
      providerId: "apollo",
      apiKey: "apollo-one-1111",
      baseUrl: "https://proxy.example/apollo/",
    });
    await setProviderKey(ctx(ws1), outbound, { providerId: "apollo", apiKey: "apollo-two-2222" });
    expect(await row(ws1, "apollo")).toMatchObject({
      last4: "2222",
      base_url: "https://proxy.example/apollo",
    });
    expect(await loadProviderCredentials(t.db, box, ws1, "apollo")).toEqual({
      apiKey: "apollo-two-2222",
      baseUrl: "https://proxy.example/apollo",
    });
    await setProviderKey(ctx(ws1), outbound, {
      providerId: "apollo",
      apiKey: "apollo-two-2222",
      baseUrl: null,
    });
    expect((await row(ws1, "apollo"))?.base_url).toBeNull();
  });

  it("refuses a plain-http base URL to another machine", async () => {
    const attempt = setProviderKey(ctx(ws1), outbound, {
      providerId: "pdl",
      apiKey: "pdl-key-12345",
      baseUrl: "http://10.0.0.5/",
    });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST", field: "baseUrl" });
    expect(await row(ws1, "pdl")).toBeUndefined();
  });

  it("deletes, and deleting again is a no-op", async () => {
    await setProviderKey(ctx(ws2), outbound, { providerId: "pdl", apiKey: "pdl-key-to-delete" });
    expect(await deleteProviderKey(ctx(ws2), { providerId: "pdl" })).toEqual({ deleted: true });
    expect(await deleteProviderKey(ctx(ws2), { providerId: "pdl" })).toEqual({ deleted: false });
    expect(await row(ws2, "pdl")).toBeUndefined();
  });
});

describe("loadProviderCredentials", () => {
  it("resolves a provider id to its vendor's key, with the default base URL, and only reads", async () => {
    await setProviderKey(ctx(ws2), outbound, { providerId: "hunter", apiKey: "hunter-of-ws2-9999" });
    expect((await row(ws2, "hunter"))?.last_used_at).toBeNull();
    expect(await loadProviderCredentials(t.db, box, ws2, "hunter-email-verifier")).toEqual({
      apiKey: "hunter-of-ws2-9999",
      baseUrl: "https://api.hunter.io",
    });
    expect((await row(ws2, "hunter"))?.last_used_at).toBeNull();
  });

  it("is null without a key, for providers that take none, and never crosses workspaces", async () => {
    expect(await loadProviderCredentials(t.db, box, ws2, "pdl-person-enrich")).toBeNull();
    expect(await loadProviderCredentials(t.db, box, ws2, "email-check")).toBeNull();
    expect((await loadProviderCredentials(t.db, box, ws1, "hunter"))?.apiKey).toBe(
      "hunter-secret-0123456789abcdef",
    );
  });

  it("refuses a ciphertext copied from another workspace's row", async () => {
    const other = await row(ws1, "hunter");
    await t.db
      .updateTable("provider_keys")
      .set({ ciphertext: other?.ciphertext ?? "" })
      .where("workspace_id", "=", ws2)
      .where("provider_id", "=", "hunter")
      .execute();
    const attempt = loadProviderCredentials(t.db, box, ws2, "hunter");
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Set the key again"),
    });
  });
});

describe("markProviderKeyUsed", () => {
  it("marks the vendor's key of a provider used, in its workspace only; keyless providers are a no-op", async () => {
    // Both workspaces hold a Hunter key (set above), neither used yet.
    await markProviderKeyUsed(t.db, ws1, "email-check");
    await markProviderKeyUsed(t.db, ws1, "sandbox");
    expect((await row(ws1, "hunter"))?.last_used_at).toBeNull();

    await markProviderKeyUsed(t.db, ws1, "hunter-email-finder");
    const used = (await row(ws1, "hunter"))?.last_used_at;
    expect(used).toBeInstanceOf(Date);
    expect((await row(ws2, "hunter"))?.last_used_at).toBeNull();
    const listed = await listProviderKeys(ctx(ws1));
    expect(listed.items.find((i) => i.providerId === "hunter")?.lastUsedAt).toBe(used?.toISOString());
  });
});

describe("testProviderKey", () => {
  it("checks the stored key against the vendor and records the answer", async () => {
    await setProviderKey(ctx(ws1), outbound, {
      providerId: "hunter",
      apiKey: "good-hunter-key",
      baseUrl: hunter.url,
    });
    await t.db
      .updateTable("provider_keys")
      .set({ last_used_at: null })
      .where("workspace_id", "=", ws1)
      .execute();
    expect(await testProviderKey(ctx(ws1), outbound, { providerId: "hunter" })).toEqual({
      providerId: "hunter",
      status: "valid",
      message: "Key works (Free plan: 38 of 50 searches left)",
    });
    expect(hunter.requests.at(-1)?.headers["x-api-key"]).toBe("good-hunter-key");
    // The key was sent to Hunter: it counts as used.
    expect((await row(ws1, "hunter"))?.last_used_at).toBeInstanceOf(Date);
    const listed = await listProviderKeys(ctx(ws1));
    expect(listed.items[0]).toMatchObject({
      status: "valid",
      statusMessage: expect.stringContaining("Key works"),
    });

    await setProviderKey(ctx(ws1), outbound, { providerId: "hunter", apiKey: "bad-key" });
    expect(await testProviderKey(ctx(ws1), outbound, { providerId: "hunter" })).toMatchObject({
      status: "invalid",
    });
    await setProviderKey(ctx(ws1), outbound, { providerId: "hunter", apiKey: "no-credits" });
    expect(await testProviderKey(ctx(ws1), outbound, { providerId: "hunter" })).toMatchObject({
      status: "quota_exceeded",
    });
    expect((await row(ws1, "hunter"))?.status).toBe("quota_exceeded");
  });

  it("says when no key is set, without calling anyone", async () => {
    const before = hunter.requests.length;
    expect(await testProviderKey(ctx(ws2), outbound, { providerId: "pdl" })).toEqual({
      providerId: "pdl",
      status: "not_configured",
      message: "No People Data Labs key is set",
    });
    expect(hunter.requests.length).toBe(before);
  });
});
