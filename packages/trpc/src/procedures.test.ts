import { manualClock } from "@quarry/core/clock";
import { createDb } from "@quarry/db/client";
import type { Access } from "@quarry/db/service-context";
import { afterAll, describe, expect, it } from "vitest";
import { createCallerFactory, router } from "./init.ts";
import { authedProcedure, requirePermission, workspaceProcedure } from "./procedures.ts";
import { testContext } from "./testing/test-context.ts";

// Never connects: the access below answers without the database.
const db = createDb("postgres://nobody@127.0.0.1:1/unused");
afterAll(() => db.destroy());

const workspaceId = "0b6f3c1e-4a8d-4f3e-9d2a-6c1b2a3d4e5f";
const user = { id: "5d1c7e2a-9b3f-4c6d-8e1a-2b3c4d5e6f70", email: "ada@example.com", name: "Ada" };
const session = { id: "s1", userId: user.id, expiresAt: new Date("2026-02-01T00:00:00Z") };
const asMember: Access = { roleIn: async () => "member", can: (_role, action) => action === "records.read" };

const echo = router({
  read: workspaceProcedure.meta(requirePermission("records.read")).query(({ ctx }) => ctx.svc),
  write: workspaceProcedure.meta(requirePermission("records.write")).query(({ ctx }) => ctx.svc),
  account: authedProcedure.meta(requirePermission("account")).query(({ ctx }) => ctx.svc),
});
const caller = (clock = manualClock()) =>
  createCallerFactory(echo)(testContext(db, { user, session, clock, access: asMember }));

describe("the service context the builders make", () => {
  it("gives a workspace procedure's service the member as actor, the checked workspace, and the request's clock", async () => {
    const clock = manualClock(new Date("2026-03-04T05:06:07Z"));
    const svc = await caller(clock).read({ workspaceId });
    expect(svc.actor).toEqual({ kind: "user", id: user.id });
    expect(svc.workspaceId).toBe(workspaceId);
    expect(svc.db).toBe(db);
    expect(svc.clock.now()).toEqual(new Date("2026-03-04T05:06:07Z"));
    clock.advance(1000);
    expect(svc.clock.now()).toEqual(new Date("2026-03-04T05:06:08Z"));
  });

  it("gives an account procedure's service the user as actor and no workspace", async () => {
    const svc = await caller().account();
    expect(svc.actor).toEqual({ kind: "user", id: user.id });
    expect("workspaceId" in svc).toBe(false);
  });

  it("refuses the action the role lacks before any service runs", async () => {
    await expect(caller().write({ workspaceId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("accepts only action names of the matrix, at compile time", () => {
    // @ts-expect-error "records.raed" is not an action
    expect(requirePermission("records.raed")).toEqual({ action: "records.raed" });
    // @ts-expect-error a typo in a literal meta is caught too
    workspaceProcedure.meta({ action: "record.write" });
    expect(requirePermission("records.read")).toEqual({ action: "records.read" });
  });
});
