import { manualClock } from "@quarry/core/clock";
import { expect, it } from "vitest";
import { workspacesTestBed } from "../testing/test-bed.ts";
import { insertApiKey } from "./api-keys.queries.ts";

const t = workspacesTestBed(manualClock(new Date("2026-03-01T10:00:00Z")));

it("a prefix already taken inserts nothing and leaves the transaction usable (createApiKey draws a new key)", async () => {
  const { workspaceId } = await t.ownerOfNewWorkspace("Clash Inc");
  const key = {
    name: "k",
    prefix: "qk_live_clashclash",
    secretHash: Buffer.from("x"),
    scope: "read",
    createdBy: null,
  };
  const after = await t.db.transaction().execute(async (db) => {
    expect(await insertApiKey(db, workspaceId, key)).toBeDefined();
    expect(await insertApiKey(db, workspaceId, { ...key, name: "again" })).toBeUndefined();
    return insertApiKey(db, workspaceId, { ...key, prefix: "qk_live_otherother" });
  });
  expect(after?.prefix).toBe("qk_live_otherother");
});
