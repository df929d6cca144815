import { manualClock } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll } from "vitest";
import type { Role } from "../permissions.ts";
import {
  inviteNewAddress,
  memberWithRole,
  ownerOfNewWorkspace,
  signedIn,
  signedOut,
  tokenMailedTo,
} from "./fixtures.ts";

/**
 * A test file's database (created before its tests, dropped after them), its manual clock, and the
 * fixtures over both. Call it once at the top of the file.
 */
export function workspacesTestBed(clock = manualClock()) {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());
  const db = (): Database => {
    if (!t) throw new Error("The test database is made in beforeAll: use it inside a test");
    return t.db;
  };
  return {
    clock,
    get db() {
      return db();
    },
    signedIn: (opts?: { email?: string }) => signedIn(db(), clock, opts),
    signedOut: () => signedOut(db(), clock),
    memberWithRole: (workspaceId: string, role: Role) => memberWithRole(db(), clock, workspaceId, role),
    ownerOfNewWorkspace: (name?: string) => ownerOfNewWorkspace(db(), clock, name),
    /** An owner of a fresh workspace who has invited a new address as `role`; with the mailed token. */
    invited: (role: Role = "member") => inviteNewAddress(db(), clock, role),
    tokenMailedTo: (to: string) => tokenMailedTo(db(), to),
  };
}
