import { AppError } from "@quarry/core/app-error";
import { DAY, manualClock } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { insertTestUser } from "@quarry/trpc/testing/test-users";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCaller } from "../testing/caller.ts";
import { fillContacts, liveRecords, setPlan } from "../testing/limits.ts";
import { planLimits } from "./plan-limits.ts";

const clock = manualClock(new Date("2026-03-01T12:00:00Z"));
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

async function newWorkspace() {
  const owner = await insertTestUser(t.db);
  const { id } = await testCaller(t.db, { ...owner, clock }).workspaces.create({ name: "Limits Co" });
  return id;
}

/** Checks `adding` records in a transaction of its own; the refusal's message, or null when allowed. */
async function refusal(workspaceId: string, resource: "records" | "seats" | "api_keys", adding = 1) {
  return t.db
    .transaction()
    .execute((db) => planLimits.check({ db, workspaceId, clock }, resource, adding))
    .then(
      () => null,
      (e: unknown) => {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe("FORBIDDEN");
        return (e as Error).message;
      },
    );
}

describe("the plan whose limits apply", () => {
  it("is Free without a billing row: 1,000 records, named with the count and the Billing page", async () => {
    const ws = await newWorkspace();
    await setPlan(t.db, ws, "no billing row");
    await fillContacts(t.db, ws, 999);
    expect(await refusal(ws, "records")).toBeNull();
    expect(await refusal(ws, "records", 2)).toBe(
      "Your Free plan allows 1,000 contacts and companies; this workspace has 999 and this would add 2. " +
        "Upgrade on the Billing page to add more.",
    );
    await fillContacts(t.db, ws, 1, "last");
    expect(await refusal(ws, "records")).toBe(
      "Your Free plan allows 1,000 contacts and companies; this workspace has 1,000. Upgrade on the Billing page to add more.",
    );
  });

  it("is the trial's plan (Starter) while trialing, and Free once the trial is over", async () => {
    const ws = await newWorkspace();
    await fillContacts(t.db, ws, 1_500);
    expect(await refusal(ws, "records")).toBeNull();
    const later = manualClock(new Date(clock.now().getTime() + 15 * DAY));
    const over = await t.db
      .transaction()
      .execute((db) => planLimits.check({ db, workspaceId: ws, clock: later }, "records", 1))
      .catch((e: Error) => e.message);
    expect(over).toContain("Your Free plan allows 1,000 contacts and companies; this workspace has 1,500.");
  });

  it("counts seats as members plus open invitations, and API keys not revoked", async () => {
    const ws = await newWorkspace();
    await setPlan(t.db, ws, "free");
    expect(await refusal(ws, "seats")).toBe(
      "Your Free plan allows 1 seat (members and open invitations); this workspace has 1. Upgrade on the Billing page to invite more.",
    );
    await setPlan(t.db, ws, "starter");
    await t.db
      .insertInto("invitations")
      .values([
        {
          workspace_id: ws,
          email: "open@x.test",
          role: "member",
          token_hash: "a",
          expires_at: new Date(clock.now().getTime() + DAY),
        },
        {
          workspace_id: ws,
          email: "gone@x.test",
          role: "member",
          token_hash: "b",
          expires_at: new Date(clock.now().getTime() - DAY),
        },
        {
          workspace_id: ws,
          email: "revoked@x.test",
          role: "member",
          token_hash: "c",
          expires_at: new Date(clock.now().getTime() + DAY),
          revoked_at: clock.now(),
        },
      ])
      .execute();
    expect(await refusal(ws, "seats")).toBeNull(); // owner + one open invitation = 2 of 3
    expect(await refusal(ws, "seats", 2)).toContain(
      "allows 3 seats (members and open invitations); this workspace has 2",
    );
    await setPlan(t.db, ws, "free");
    expect(await refusal(ws, "api_keys")).toBeNull();
  });

  it("does not limit Enterprise", async () => {
    const ws = await newWorkspace();
    await setPlan(t.db, ws, "enterprise");
    await fillContacts(t.db, ws, 300);
    expect(await refusal(ws, "records", 1_000_000)).toBeNull();
    const room = await t.db
      .transaction()
      .execute((db) => planLimits.room({ db, workspaceId: ws, clock }, "records"));
    expect(room).toBeNull();
  });

  it("keeps what a downgraded workspace has: over the limit it only cannot add", async () => {
    const ws = await newWorkspace();
    await fillContacts(t.db, ws, 1_200);
    await setPlan(t.db, ws, "free");
    expect(await refusal(ws, "records")).toContain("this workspace has 1,200");
    expect(await liveRecords(t.db, ws)).toBe(1_200);
  });

  it("is checked only inside the inserting transaction", async () => {
    const ws = await newWorkspace();
    await expect(planLimits.check({ db: t.db, workspaceId: ws, clock }, "records", 1)).rejects.toThrow(
      "inside the transaction",
    );
  });
});

describe("two creates at the limit at once", () => {
  /** Waits (on the database's state, not a timer) until a transaction is queued on an advisory lock. */
  async function untilWaitingOnAdvisoryLock(db: Database, orDone: () => boolean) {
    for (;;) {
      if (orDone()) return;
      const r = await sql<{ n: number }>`
        select count(*)::int as n from pg_locks
        where locktype = 'advisory' and not granted
          and database = (select oid from pg_database where datname = current_database())
      `.execute(db);
      if ((r.rows[0]?.n ?? 0) > 0) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it("lets one through: the second waits for the first's commit, counts its row and is refused", async () => {
    const ws = await newWorkspace();
    await setPlan(t.db, ws, "free");
    await fillContacts(t.db, ws, 999);
    let second: Promise<string | null> | undefined;
    let secondDone = false;
    await t.db.transaction().execute(async (db) => {
      await planLimits.check({ db, workspaceId: ws, clock }, "records", 1);
      await fillContacts(db, ws, 1, "first");
      second = t.db
        .transaction()
        .execute(async (db2) => {
          await planLimits.check({ db: db2, workspaceId: ws, clock }, "records", 1);
          await fillContacts(db2, ws, 1, "second");
          return null;
        })
        .catch((e: Error) => e.message)
        .finally(() => {
          secondDone = true;
        });
      await untilWaitingOnAdvisoryLock(t.db, () => secondDone);
    });
    expect(await second).toContain("this workspace has 1,000");
    expect(await liveRecords(t.db, ws)).toBe(1_000);
  });
});

describe("room for what is created on the side", () => {
  it("does not wait for a create holding the lock (callers may hold row locks it wants): it counts what is committed", async () => {
    const ws = await newWorkspace();
    await setPlan(t.db, ws, "free");
    await fillContacts(t.db, ws, 990);
    const room = await t.db.transaction().execute(async (db) => {
      await planLimits.check({ db, workspaceId: ws, clock }, "records", 1);
      await fillContacts(db, ws, 1, "holding");
      return t.db
        .transaction()
        .execute((db2) => planLimits.room({ db: db2, workspaceId: ws, clock }, "records"));
    });
    expect(room).toBe(10);
  });
});
