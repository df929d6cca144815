import { MINUTE, manualClock } from "@quarry/core/clock";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { workspacesTestBed } from "../testing/test-bed.ts";
import { consumeApiKeyRateLimit } from "./api-key-rate-limit.ts";
import { hashApiKey } from "./api-key-token.ts";
import { authenticateApiKey } from "./authenticate-api-key.ts";

/** Field → first message, as the error formatter shows them. */
function firstMessages(error: ZodError): Record<string, string> {
  return Object.fromEntries([...error.issues].reverse().map((i) => [i.path.join("."), i.message]));
}

const t = workspacesTestBed(manualClock(new Date("2026-03-01T10:00:30Z")));

async function storedKey(id: string) {
  return t.db.selectFrom("workspace_api_keys").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

describe("workspaces.apiKeys", () => {
  it("shows a new key once, stores only its hash, and lists keys without it", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace("Keys Inc");
    const created = await owner.caller.workspaces.apiKeys.create({
      workspaceId,
      name: " Zapier ",
      scope: "read",
    });
    expect(created).toEqual({
      id: expect.any(String),
      name: "Zapier",
      prefix: expect.stringMatching(/^qk_live_[a-z2-7]{8}$/),
      scope: "read",
      createdAt: expect.any(String),
      key: expect.stringMatching(/^qk_live_[a-z2-7]{8}_[a-z2-7]{32}$/),
    });
    expect(created.key.startsWith(`${created.prefix}_`)).toBe(true);

    const row = await storedKey(created.id);
    expect(Buffer.from(row.secret_hash).equals(hashApiKey(created.key))).toBe(true);
    expect(JSON.stringify(row)).not.toContain(created.key.slice(created.prefix.length + 1));
    expect(row.created_by).toBe(owner.user.id);

    const list = await owner.caller.workspaces.apiKeys.list({ workspaceId });
    expect(list.items).toEqual([
      {
        id: created.id,
        name: "Zapier",
        prefix: created.prefix,
        scope: "read",
        createdBy: owner.user.name,
        createdAt: created.createdAt,
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(list)).not.toContain(created.key);
  });

  it("names the field of bad input", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    for (const [input, field, message] of [
      [{ name: "x", scope: "write" }, "scope", 'must be "read" or "read_write"'],
      [{ name: "  ", scope: "read" }, "name", "is required"],
    ] as const) {
      const error = await owner.caller.workspaces.apiKeys
        .create({ workspaceId, ...(input as { name: string; scope: "read" }) })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      const cause = (error as TRPCError).cause;
      expect(cause).toBeInstanceOf(ZodError);
      expect(firstMessages(cause as ZodError)).toEqual({ [field]: message });
    }
    expect((await owner.caller.workspaces.apiKeys.list({ workspaceId })).items).toEqual([]);
  });

  it("lets only owners and admins manage keys", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    const admin = await t.memberWithRole(workspaceId, "admin");
    const member = await t.memberWithRole(workspaceId, "member");
    const key = await admin.caller.workspaces.apiKeys.create({
      workspaceId,
      name: "CI",
      scope: "read_write",
    });
    await expect(member.caller.workspaces.apiKeys.list({ workspaceId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(member.caller.workspaces.apiKeys.revoke({ workspaceId, id: key.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await storedKey(key.id)).revoked_at).toBeNull();
    expect(await owner.caller.workspaces.apiKeys.revoke({ workspaceId, id: key.id })).toEqual({ ok: true });
  });

  it("revokes: the key stops authenticating; revoking twice is fine; another workspace's key is not found", async () => {
    const a = await t.ownerOfNewWorkspace("A");
    const b = await t.ownerOfNewWorkspace("B");
    const keyA = await a.owner.caller.workspaces.apiKeys.create({
      workspaceId: a.workspaceId,
      name: "A",
      scope: "read_write",
    });
    const keyB = await b.owner.caller.workspaces.apiKeys.create({
      workspaceId: b.workspaceId,
      name: "B",
      scope: "read",
    });
    await expect(
      a.owner.caller.workspaces.apiKeys.revoke({ workspaceId: a.workspaceId, id: keyB.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "API key not found" });
    expect(await authenticateApiKey(t.db, t.clock, keyB.key)).toMatchObject({ workspaceId: b.workspaceId });

    expect(await authenticateApiKey(t.db, t.clock, keyA.key)).toEqual({
      workspaceId: a.workspaceId,
      keyId: keyA.id,
      scope: "read_write",
      createdBy: a.owner.user.id,
    });
    await a.owner.caller.workspaces.apiKeys.revoke({ workspaceId: a.workspaceId, id: keyA.id });
    expect(await authenticateApiKey(t.db, t.clock, keyA.key)).toBeNull();
    expect(
      await a.owner.caller.workspaces.apiKeys.revoke({ workspaceId: a.workspaceId, id: keyA.id }),
    ).toEqual({
      ok: true,
    });
    const [listed] = (await a.owner.caller.workspaces.apiKeys.list({ workspaceId: a.workspaceId })).items;
    expect(listed?.revokedAt).not.toBeNull();
  });
});

describe("authenticateApiKey", () => {
  it("refuses malformed, unknown and wrong keys", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    const { key, prefix } = await owner.caller.workspaces.apiKeys.create({
      workspaceId,
      name: "k",
      scope: "read",
    });
    const wrongSecret = `${prefix}_${"a".repeat(32)}`;
    for (const bad of ["", "garbage", wrongSecret, `qk_live_aaaaaaaa_${"b".repeat(32)}`, `${key}x`]) {
      expect(await authenticateApiKey(t.db, t.clock, bad)).toBeNull();
    }
  });

  it("records the last use at most once a minute", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    const { key, id } = await owner.caller.workspaces.apiKeys.create({
      workspaceId,
      name: "k",
      scope: "read",
    });
    const first = t.clock.now();
    await authenticateApiKey(t.db, t.clock, key);
    expect((await storedKey(id)).last_used_at).toEqual(first);
    t.clock.advance(30_000);
    await authenticateApiKey(t.db, t.clock, key);
    expect((await storedKey(id)).last_used_at).toEqual(first);
    t.clock.advance(MINUTE);
    await authenticateApiKey(t.db, t.clock, key);
    expect((await storedKey(id)).last_used_at).toEqual(t.clock.now());
  });
});

describe("consumeApiKeyRateLimit", () => {
  it("counts per key in fixed windows, across concurrent requests, and starts over in the next window", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    const k1 = await owner.caller.workspaces.apiKeys.create({ workspaceId, name: "1", scope: "read" });
    const k2 = await owner.caller.workspaces.apiKeys.create({ workspaceId, name: "2", scope: "read" });
    const policy = { limit: 5, windowMs: MINUTE };
    t.clock.set(new Date("2026-03-01T11:00:45Z"));
    const states = await Promise.all(
      Array.from({ length: 7 }, () =>
        consumeApiKeyRateLimit(t.db, t.clock, { workspaceId, keyId: k1.id }, policy),
      ),
    );
    expect(states.filter((s) => s.allowed)).toHaveLength(5);
    expect(states.map((s) => s.remaining).sort()).toEqual([0, 0, 0, 1, 2, 3, 4]);
    expect(states.every((s) => s.resetSeconds === 15 && s.limit === 5)).toBe(true);

    // Another key has its own budget.
    expect(await consumeApiKeyRateLimit(t.db, t.clock, { workspaceId, keyId: k2.id }, policy)).toMatchObject({
      allowed: true,
      remaining: 4,
    });

    t.clock.advance(15_000);
    expect(await consumeApiKeyRateLimit(t.db, t.clock, { workspaceId, keyId: k1.id }, policy)).toEqual({
      allowed: true,
      limit: 5,
      remaining: 4,
      resetSeconds: 60,
    });
    // The finished window's counter is gone: each key keeps one row.
    const rows = await t.db.selectFrom("api_rate_limits").selectAll().where("key_id", "=", k1.id).execute();
    expect(rows).toHaveLength(1);
  });
});
