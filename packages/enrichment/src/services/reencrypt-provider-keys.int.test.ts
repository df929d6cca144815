import { systemClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import { createSecretBox, encryptSecret, secretKeyId } from "@quarry/core/secret-box";
import { systemActor } from "@quarry/core/service-context";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { queuedJobs } from "@quarry/queue/testing/queued-jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reencryptProviderKeysTask } from "../tasks/reencrypt-provider-keys.task.ts";
import { loadProviderCredentials } from "./load-provider-credentials.ts";
import { providerKeyAad } from "./provider-key-secret.ts";
import { reencryptProviderKeyBatch } from "./reencrypt-provider-keys.ts";
import { setProviderKey } from "./set-provider-key.ts";

let t: TestDatabase;
let workspaces: string[];
beforeAll(async () => {
  t = await createTestDatabase();
  const rows = await t.db
    .insertInto("workspaces")
    .values([{ name: "A" }, { name: "B" }, { name: "C" }])
    .returning("id")
    .execute();
  workspaces = rows.map((r) => r.id);
});
afterAll(() => t.drop());

const k1 = { id: "k1", key: Buffer.alloc(32, 1) };
const k2 = { id: "k2", key: Buffer.alloc(32, 2) };
const before = createSecretBox(k1);
const rotated = createSecretBox(k2, [k1]);
const onlyNew = createSecretBox(k2);

function tasksHelpers(db: TestDatabase["db"], logged: { msg?: string | undefined; obj: object }[]) {
  const log = (obj: object, msg?: string) => logged.push({ obj, msg });
  return { db, log: { info: log, error: log }, jobId: "1", attempts: 1, outbound: testOutbound };
}

const keyIds = async () =>
  (await t.db.selectFrom("provider_keys").select(["key_id", "ciphertext"]).orderBy("id").execute()).map(
    (r) => [r.key_id, secretKeyId(r.ciphertext)],
  );

describe("rotation and re-encryption", () => {
  it("old keys still decrypt after rotation; the job moves them, in batches, and is idempotent", async () => {
    for (const [i, ws] of workspaces.entries()) {
      const c = {
        db: t.db,
        workspaceId: ws,
        actor: systemActor("test"),
        log: silentLogger,
        clock: systemClock,
      };
      const outbound = { secretBox: before, allowPrivateNetworks: false, fetch };
      await setProviderKey(c, outbound, { providerId: "hunter", apiKey: `hunter-key-${i}-abcd` });
      await setProviderKey(c, outbound, { providerId: "pdl", apiKey: `pdl-key-${i}-wxyz` });
    }
    expect(new Set((await keyIds()).flat())).toEqual(new Set(["k1"]));
    const [ws0] = workspaces;
    expect((await loadProviderCredentials(t.db, rotated, ws0 ?? "", "hunter"))?.apiKey).toBe(
      "hunter-key-0-abcd",
    );
    await expect(loadProviderCredentials(t.db, onlyNew, ws0 ?? "", "hunter")).rejects.toMatchObject({
      code: "CONFLICT",
    });

    let afterId: string | null = null;
    let batches = 0;
    let moved = 0;
    do {
      const result = await reencryptProviderKeyBatch(t.db, rotated, { afterId, limit: 4 });
      moved += result.reencrypted;
      afterId = result.nextAfterId;
      batches += 1;
    } while (afterId);
    expect(moved).toBe(6);
    expect(batches).toBe(2);
    expect(new Set((await keyIds()).flat())).toEqual(new Set(["k2"]));
    for (const [i, ws] of workspaces.entries()) {
      expect((await loadProviderCredentials(t.db, onlyNew, ws, "pdl"))?.apiKey).toBe(`pdl-key-${i}-wxyz`);
    }
    expect(await reencryptProviderKeyBatch(t.db, rotated, { afterId: null, limit: 10 })).toEqual({
      reencrypted: 0,
      skipped: [],
      nextAfterId: null,
    });
  });

  it("skips and reports a row under a key that is not configured, leaving it as it was", async () => {
    const ws = workspaces[2] ?? "";
    const lost = createSecretBox({ id: "k0", key: Buffer.alloc(32, 9) });
    const ciphertext = encryptSecret(lost, "apollo-lost-key", providerKeyAad(ws, "apollo"));
    await t.db
      .insertInto("provider_keys")
      .values({ workspace_id: ws, provider_id: "apollo", ciphertext, key_id: "k0", last4: "-key" })
      .execute();
    const result = await reencryptProviderKeyBatch(t.db, rotated, { afterId: null, limit: 10 });
    expect(result.reencrypted).toBe(0);
    expect(result.skipped).toEqual([
      {
        id: expect.any(String),
        workspaceId: ws,
        providerId: "apollo",
        reason: expect.stringContaining('key "k0"'),
      },
    ]);
    const stored = await t.db
      .selectFrom("provider_keys")
      .select(["ciphertext", "key_id"])
      .where("workspace_id", "=", ws)
      .where("provider_id", "=", "apollo")
      .executeTakeFirst();
    expect(stored).toEqual({ ciphertext, key_id: "k0" });
  });

  it("the task runs a batch and enqueues the next one when the batch was full", async () => {
    const logged: { msg?: string | undefined; obj: object }[] = [];
    const payload = reencryptProviderKeysTask.payload.parse({ batchSize: 1 });
    expect(payload).toEqual({ batchSize: 1 });
    await reencryptProviderKeysTask.run(payload, tasksHelpers(t.db, logged));
    const jobs = await queuedJobs(t.db, "enrichment/reencrypt-provider-keys");
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload).toMatchObject({ batchSize: 1, afterId: expect.any(String) });
    expect(logged.some((l) => l.msg === "provider keys re-encrypted")).toBe(true);
  });
});
