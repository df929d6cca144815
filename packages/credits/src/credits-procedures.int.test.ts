import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { fieldErrors } from "@quarry/trpc/init";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { captureHold } from "./services/capture-hold.ts";
import { grantCredits } from "./services/grant-credits.ts";
import { placeHold } from "./services/place-hold.ts";
import {
  insertWorkspace,
  ledgerCtx,
  type Member,
  memberOf,
  workspaceWithCredits,
} from "./testing/fixtures.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** The tRPC code and the fields a failed call names, as the web app sees them. */
async function failure(call: Promise<unknown>): Promise<{ code: string; fields: string[]; message: string }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  const fields = error.cause instanceof ZodError ? Object.keys(fieldErrors(error.cause)) : [];
  return { code: error.code, fields, message: error.message };
}

/** Calls a procedure by path even when the router has none (a removed one must stay removed). */
function callPath(caller: Member["caller"], path: string[], input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

describe("credits.balance.get, and no credits.grant", () => {
  let owner: Member;
  let ws: { workspaceId: string };
  beforeAll(async () => {
    owner = await memberOf(t.db, await insertWorkspace(t.db), "owner");
    ws = { workspaceId: owner.workspaceId };
  });

  it("shows the operator's grants and adjustments in the balance", async () => {
    expect(await owner.caller.credits.balance.get(ws)).toEqual({ available: 0, held: 0, spent: 0 });
    const ctx = ledgerCtx(t.db, ws.workspaceId);
    const grant = { memo: "Welcome credits" } as const;
    await grantCredits(ctx, { ...grant, amount: 500, kind: "grant", idempotencyKey: "welcome" });
    await grantCredits(ctx, { ...grant, amount: -120, kind: "adjustment", idempotencyKey: "fix" });
    expect(await owner.caller.credits.balance.get(ws)).toEqual({ available: 380, held: 0, spent: 0 });
  });

  // Roles never mint credits: grants are `npm run admin -- grant-credits` (apps/server/src/admin).
  it.each(["owner", "billing_admin", "admin", "member"] as const)(
    "gives a %s calling credits.grant NOT_FOUND and changes no balance",
    async (role) => {
      const caller = role === "owner" ? owner : await memberOf(t.db, owner.workspaceId, role);
      const before = await owner.caller.credits.balance.get(ws);
      const input = { ...ws, amount: 1_000_000, kind: "grant", memo: "free money", idempotencyKey: role };
      expect(await failure(callPath(caller.caller, ["credits", "grant"], input))).toMatchObject({
        code: "NOT_FOUND",
      });
      expect(await owner.caller.credits.balance.get(ws)).toEqual(before);
    },
  );

  it("lets members read the balance", async () => {
    const member = await memberOf(t.db, owner.workspaceId, "member");
    expect((await member.caller.credits.balance.get(ws)).available).toBe(380);
  });
});

describe("credits.entries.list", () => {
  it("pages through every entry newest first, with amounts signed on available", async () => {
    const workspaceId = await workspaceWithCredits(t.db, 100);
    const owner = await memberOf(t.db, workspaceId, "owner");
    const runId = randomUUID();
    const recordId = randomUUID();
    const { holdId } = await placeHold(ledgerCtx(t.db, workspaceId), {
      amount: 30,
      idempotencyKey: "h",
      runId,
      memo: "Batch 1",
    });
    await captureHold(ledgerCtx(t.db, workspaceId), {
      holdId,
      amount: 7,
      idempotencyKey: "c",
      runId,
      recordId,
      field: "email",
      provider: "hunter",
    });
    for (let i = 0; i < 4; i++) {
      await grantCredits(ledgerCtx(t.db, workspaceId), {
        amount: i + 1,
        kind: "grant",
        memo: `g${i}`,
        idempotencyKey: `g${i}`,
      });
    }

    const seen = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof owner.caller.credits.entries.list>> =
        await owner.caller.credits.entries.list({ workspaceId, limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen.map((e) => [e.kind, e.amount, e.memo])).toEqual([
      ["grant", 4, "g3"],
      ["grant", 3, "g2"],
      ["grant", 2, "g1"],
      ["grant", 1, "g0"],
      ["capture", 0, "Batch 1"],
      ["hold", -30, "Batch 1"],
      ["grant", 100, "Test credits"],
    ]);
    expect(seen[4]).toMatchObject({
      held: -7,
      spent: 7,
      runId,
      recordId,
      field: "email",
      provider: "hunter",
    });
    expect(new Set(seen.map((e) => e.id)).size).toBe(7);

    expect(
      await failure(owner.caller.credits.entries.list({ workspaceId, cursor: "nonsense" })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      message: "cursor is not valid: start again from the first page",
    });
  });
});

describe("credits.settings", () => {
  it("starts with no caps, changes only the caps given, and removes one with null", async () => {
    const workspaceId = await insertWorkspace(t.db);
    const billing = await memberOf(t.db, workspaceId, "billing_admin");
    const s = billing.caller.credits.settings;
    expect(await s.get({ workspaceId })).toEqual({ runCap: null, monthlyCap: null });
    expect(await s.update({ workspaceId, data: { runCap: 200 } })).toEqual({ runCap: 200, monthlyCap: null });
    expect(await s.update({ workspaceId, data: { monthlyCap: 5000 } })).toEqual({
      runCap: 200,
      monthlyCap: 5000,
    });
    expect(await s.update({ workspaceId, data: { runCap: null } })).toEqual({
      runCap: null,
      monthlyCap: 5000,
    });
    expect(await s.get({ workspaceId })).toEqual({ runCap: null, monthlyCap: 5000 });
    expect(await failure(s.update({ workspaceId, data: { runCap: 0 } }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["data.runCap"],
    });
    const admin = await memberOf(t.db, workspaceId, "admin");
    expect(
      await failure(admin.caller.credits.settings.update({ workspaceId, data: { runCap: 1 } })),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await s.get({ workspaceId })).toEqual({ runCap: null, monthlyCap: 5000 });
  });
});
