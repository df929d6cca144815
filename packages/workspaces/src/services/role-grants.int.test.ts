import { manualClock } from "@quarry/core/clock";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../permissions.ts";
import { memberWithRole, newAddress, ownerOfNewWorkspace, type SignedIn } from "../testing/fixtures.ts";

let t: TestDatabase;
const clock = manualClock();
let workspaceId: string;
const granters = new Map<Role, SignedIn>();
beforeAll(async () => {
  t = await createTestDatabase();
  const made = await ownerOfNewWorkspace(t.db, clock, "Grants");
  workspaceId = made.workspaceId;
  granters.set("owner", made.owner);
  for (const role of ["admin", "member", "viewer", "billing_admin"] as const) {
    granters.set(role, await memberWithRole(t.db, clock, workspaceId, role));
  }
});
afterAll(() => t.drop());

/**
 * Who may hand out which role, written out by hand (not computed from the matrix): a role grants
 * only roles whose every permission it holds. Admins lack credits.manage and billing.manage, so
 * they cannot make billing admins; roles without members.manage grant nothing.
 */
const Y = "allowed" as const;
const N = "refused" as const;
const expected: Record<Role, Record<Role, typeof Y | typeof N>> = {
  //             owner  admin  member  viewer  billing_admin
  owner: { owner: Y, admin: Y, member: Y, viewer: Y, billing_admin: Y },
  admin: { owner: N, admin: Y, member: Y, viewer: Y, billing_admin: N },
  member: { owner: N, admin: N, member: N, viewer: N, billing_admin: N },
  viewer: { owner: N, admin: N, member: N, viewer: N, billing_admin: N },
  billing_admin: { owner: N, admin: N, member: N, viewer: N, billing_admin: N },
};
const cases = Object.entries(expected).flatMap(([granter, row]) =>
  Object.entries(row).map(([granted, outcome]) => ({
    granter: granter as Role,
    granted: granted as Role,
    outcome,
  })),
);

function granter(role: Role): SignedIn {
  const g = granters.get(role);
  if (!g) throw new Error(`no ${role} set up`);
  return g;
}

describe("invitations.create", () => {
  it.each(cases)("$granter inviting as $granted: $outcome", async ({ granter: by, granted, outcome }) => {
    const email = newAddress();
    const call = granter(by).caller.workspaces.invitations.create({ workspaceId, email, role: granted });
    if (outcome === Y) {
      await expect(call).resolves.toMatchObject({ email, role: granted });
    } else {
      await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
      const rows = await t.db.selectFrom("invitations").select("id").where("email", "=", email).execute();
      expect(rows).toEqual([]);
    }
  });

  it("says which permissions the refused role has beyond the granter's", async () => {
    await expect(
      granter("admin").caller.workspaces.invitations.create({
        workspaceId,
        email: newAddress(),
        role: "billing_admin",
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message:
        "You cannot invite someone as billing_admin: it can credits.manage, billing.manage, which your role cannot.",
      cause: { field: "role" },
    });
  });
});

describe("members.update", () => {
  it.each(cases)(
    "$granter changing a viewer to $granted: $outcome",
    async ({ granter: by, granted, outcome }) => {
      const target = await memberWithRole(t.db, clock, workspaceId, "viewer");
      const call = granter(by).caller.workspaces.members.update({
        workspaceId,
        id: target.user.id,
        data: { role: granted },
      });
      if (outcome === Y) await expect(call).resolves.toEqual({ userId: target.user.id, role: granted });
      else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
      const row = await t.db
        .selectFrom("memberships")
        .select("role")
        .where("workspace_id", "=", workspaceId)
        .where("user_id", "=", target.user.id)
        .executeTakeFirstOrThrow();
      expect(row.role).toBe(outcome === Y ? granted : "viewer");
    },
  );
});
