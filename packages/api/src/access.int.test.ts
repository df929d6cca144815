import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { insertTestUser, type TestUser } from "@quarry/trpc/testing/test-users";
import { accountActions, can, isWorkspaceAction, type Role, roles } from "@quarry/workspaces/permissions";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root.ts";
import { createWorkspaceFixture, type WorkspaceFixture, workspaceDigest } from "./testing/access-fixture.ts";
import { procedureActions } from "./testing/expected-actions.ts";
import { procedureCases } from "./testing/procedure-cases.ts";
import { testCaller } from "./testing/test-context.ts";

/**
 * Every procedure of the app, called as each of the five roles, a non-member and a signed-out
 * visitor, checked against the permission matrix; then every procedure aimed at another
 * workspace's ids. Who may call a procedure comes from the hand-written expected-actions.ts,
 * never from the procedure's own meta (which must equal it). A new procedure without an entry
 * in expected-actions.ts and procedure-cases.ts fails here.
 */

interface ProcedureInfo {
  path: string;
  /** The action the table says the procedure must have: what the tests below enforce. */
  action: string;
  /** What the procedure declares in `.meta({ action })`: must equal `action`. */
  declared: string;
}

const procedures: ProcedureInfo[] = Object.entries(appRouter._def.procedures).map(([path, proc]) => {
  const def = (proc as unknown as { _def: { meta?: { action?: string } } })._def;
  return { path, action: procedureActions[path] ?? "", declared: def.meta?.action ?? "" };
});

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

async function call(user: TestUser | null, path: string, input: unknown, t: TestDatabase): Promise<Outcome> {
  let target: unknown = testCaller(t.db, user ?? {});
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    return { ok: true, value: await (target as (i: unknown) => Promise<unknown>)(input) };
  } catch (e) {
    if (e instanceof TRPCError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

/** Calls the matrix allows that a business rule still refuses, with the rule's message. */
const refusedByRule: Record<string, RegExp> = {
  "workspaces.leave as owner": /last owner/,
  "billing.checkout.create as owner": /Billing is not configured/,
  "billing.checkout.create as billing_admin": /Billing is not configured/,
  "billing.portal.create as owner": /Billing is not configured/,
  "billing.portal.create as billing_admin": /Billing is not configured/,
};

const ROLE_DENIED = /^Your role \(\w+\) cannot do this/;
const NOT_A_MEMBER = "Workspace not found.";

let t: TestDatabase;
let outsider: TestUser;
beforeAll(async () => {
  t = await createTestDatabase();
  outsider = await insertTestUser(t.db, { email: "outsider@example.com" });
});
afterAll(() => t.drop());

describe("every procedure", () => {
  it.each(procedures)(
    "$path declares the action the table expects and has a test case",
    ({ path, action, declared }) => {
      expect(action, `add ${path} to packages/api/src/testing/expected-actions.ts`).not.toBe("");
      expect(isWorkspaceAction(action) || (accountActions as readonly string[]).includes(action)).toBe(true);
      expect(declared, `${path} declares ${declared}, expected-actions.ts says ${action}`).toBe(action);
      expect(
        procedureCases[path],
        `add ${path} to packages/api/src/testing/procedure-cases.ts`,
      ).toBeDefined();
    },
  );

  it("has no stale test cases or expected actions", () => {
    const paths = new Set(procedures.map((p) => p.path));
    expect(Object.keys(procedureCases).filter((p) => !paths.has(p))).toEqual([]);
    expect(Object.keys(procedureActions).filter((p) => !paths.has(p))).toEqual([]);
  });
});

const workspaceProcedures = procedures.filter((p) => isWorkspaceAction(p.action));
const matrixRows = workspaceProcedures.flatMap((p) =>
  [...roles, "non-member" as const].map((who) => ({ ...p, who })),
);

describe("permission matrix", () => {
  it.each(matrixRows)("$path as $who", async ({ path, action, who }) => {
    const f = await createWorkspaceFixture(t.db, "pm");
    const input = procedureCases[path]?.(f, f);
    const before = await workspaceDigest(t.db, f.workspaceId);
    const user = who === "non-member" ? outsider : f.users[who as Role];
    const result = await call(user, path, input, t);

    if (who === "non-member") {
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND", message: NOT_A_MEMBER });
    } else if (can(who, action)) {
      // Allowed calls succeed, but for the business rules listed in refusedByRule.
      const rule = refusedByRule[`${path} as ${who}`];
      if (rule) expect(result).toMatchObject({ ok: false, message: expect.stringMatching(rule) });
      else expect(result).toMatchObject({ ok: true });
      return;
    } else {
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(result.ok ? "" : result.message).toMatch(ROLE_DENIED);
    }
    expect(await workspaceDigest(t.db, f.workspaceId)).toBe(before);
  });

  const accountProcedures = procedures.filter((p) => p.action === "account");
  it.each(accountProcedures)("$path refuses a signed-out visitor", async ({ path }) => {
    const f = await createWorkspaceFixture(t.db, "acct");
    const result = await call(null, path, procedureCases[path]?.(f, f), t);
    expect(result).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
  });

  it.each(workspaceProcedures)("$path refuses a signed-out visitor", async ({ path }) => {
    const f = await createWorkspaceFixture(t.db, "anon");
    const before = await workspaceDigest(t.db, f.workspaceId);
    const result = await call(null, path, procedureCases[path]?.(f, f), t);
    expect(result).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    expect(await workspaceDigest(t.db, f.workspaceId)).toBe(before);
  });
});

describe("tenant isolation", () => {
  let a: WorkspaceFixture;
  let b: WorkspaceFixture;
  beforeAll(async () => {
    a = await createWorkspaceFixture(t.db, "tenantA");
    b = await createWorkspaceFixture(t.db, "tenantB");
  });

  // Previewing an invitation shows its workspace's name to whoever holds the token: that is its job.
  const bySecret = new Set(["workspaces.invitations.preview"]);

  it.each(procedures)(
    "$path with B's ids, called by A's owner, returns nothing of B and changes nothing of B",
    async ({ path }) => {
      const before = await workspaceDigest(t.db, b.workspaceId);
      const result = await call(a.users.owner, path, procedureCases[path]?.(a, b), t);
      if (result.ok && !bySecret.has(path)) {
        const text = JSON.stringify(result.value ?? null);
        for (const marker of b.markers) expect(text).not.toContain(marker);
      }
      expect(await workspaceDigest(t.db, b.workspaceId)).toBe(before);
    },
  );

  it.each(workspaceProcedures)("$path naming workspace B is NOT_FOUND for A's owner", async ({ path }) => {
    const before = await workspaceDigest(t.db, b.workspaceId);
    const result = await call(a.users.owner, path, procedureCases[path]?.(b, b), t);
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND", message: NOT_A_MEMBER });
    expect(await workspaceDigest(t.db, b.workspaceId)).toBe(before);
  });
});
