import { describe, expect, it } from "vitest";
import {
  apiKeyScopeActions,
  can,
  canGrant,
  canManageMember,
  keyCan,
  permissionMatrix,
  permissionsFor,
  type Role,
  roleGuide,
  roles,
} from "./permissions.ts";

describe("permission matrix", () => {
  it("lets a viewer read but change nothing", () => {
    expect(permissionsFor("viewer").sort()).toEqual(
      [
        "enrichment.read",
        "fields.read",
        "members.read",
        "records.read",
        "workspace.leave",
        "workspace.read",
      ].sort(),
    );
  });

  it("gives a billing admin billing and credits and nothing else (beyond seeing and leaving the workspace)", () => {
    expect(permissionsFor("billing_admin").sort()).toEqual(
      [
        "billing.manage",
        "billing.read",
        "credits.manage",
        "credits.read",
        "workspace.leave",
        "workspace.read",
      ].sort(),
    );
  });

  it("lets members write records but not manage people", () => {
    expect(can("member", "records.write")).toBe(true);
    expect(can("member", "members.manage")).toBe(false);
    expect(can("member", "invitations.manage")).toBe(false);
    expect(can("member", "billing.read")).toBe(false);
  });

  it("keeps transfer of ownership and deletion of the workspace to owners", () => {
    for (const role of roles) {
      expect(can(role, "ownership.transfer")).toBe(role === "owner");
      expect(can(role, "workspace.delete")).toBe(role === "owner");
    }
  });

  it("gives the owner every action", () => {
    expect(permissionsFor("owner").sort()).toEqual(Object.keys(permissionMatrix).sort());
  });

  it("fails closed on unknown roles and actions, and on account-level actions", () => {
    expect(can("superuser", "workspace.read")).toBe(false);
    expect(can("owner", "workspace.explode")).toBe(false);
    expect(can("owner", "account")).toBe(false);
    expect(can("owner", "public")).toBe(false);
    expect(permissionsFor("superuser")).toEqual([]);
  });
});

describe("canGrant", () => {
  const grantable = (granter: Role) => roles.filter((r) => canGrant(granter, r)).sort();

  it("lets only owners grant owner", () => {
    expect(grantable("owner")).toEqual([...roles].sort());
  });

  it("lets admins grant only roles within their own permissions: not owner, not billing admin", () => {
    expect(grantable("admin")).toEqual(["admin", "member", "viewer"]);
  });

  it("lets no one without members.manage grant anything", () => {
    expect(grantable("member")).toEqual([]);
    expect(grantable("viewer")).toEqual([]);
    expect(grantable("billing_admin")).toEqual([]);
  });
});

describe("canManageMember", () => {
  it("keeps owners out of admins' reach", () => {
    expect(canManageMember("admin", "owner")).toBe(false);
    expect(canManageMember("owner", "owner")).toBe(true);
    expect(canManageMember("admin", "admin")).toBe(true);
    expect(canManageMember("admin", "viewer")).toBe(true);
    expect(canManageMember("member", "viewer")).toBe(false);
  });
});

describe("API key scopes", () => {
  const cases: Array<{ scope: string; action: string; allowed: boolean }> = [
    { scope: "read", action: "records.read", allowed: true },
    { scope: "read", action: "enrichment.read", allowed: true },
    { scope: "read", action: "credits.read", allowed: true },
    { scope: "read", action: "records.write", allowed: false },
    { scope: "read", action: "records.delete", allowed: false },
    { scope: "read", action: "enrichment.run", allowed: false },
    { scope: "read", action: "invitations.read", allowed: false },
    { scope: "read", action: "billing.read", allowed: false },
    { scope: "read_write", action: "records.read", allowed: true },
    { scope: "read_write", action: "records.write", allowed: true },
    { scope: "read_write", action: "records.delete", allowed: true },
    { scope: "read_write", action: "enrichment.run", allowed: true },
    { scope: "read_write", action: "fields.manage", allowed: false },
    { scope: "read_write", action: "apikeys.manage", allowed: false },
    { scope: "read_write", action: "members.manage", allowed: false },
    { scope: "read_write", action: "billing.manage", allowed: false },
    { scope: "read_write", action: "workspace.leave", allowed: false },
    { scope: "admin", action: "records.read", allowed: false },
    { scope: "read", action: "records.nope", allowed: false },
  ];
  it.each(cases)("$scope key, $action → $allowed", ({ scope, action, allowed }) => {
    expect(keyCan(scope, action)).toBe(allowed);
  });

  it("never gives a key more than a member may do, and a read key only *.read actions", () => {
    for (const action of apiKeyScopeActions.read_write) expect(can("member", action)).toBe(true);
    for (const action of apiKeyScopeActions.read) expect(action.endsWith(".read")).toBe(true);
  });
});

describe("role guide", () => {
  it("lists, for each role, what the matrix allows it in words", () => {
    const guide = Object.fromEntries(roleGuide().map((r) => [r.role, r.allows.map((a) => a.description)]));
    expect(guide.viewer).toContain("See contacts and companies");
    expect(guide.viewer).not.toContain("Add and edit contacts and companies");
    expect(guide.member).toContain("Start and stop enrichment runs");
    expect(guide.admin).toContain("Create and revoke API keys");
    expect(guide.admin).not.toContain("Delete the workspace");
    expect(guide.owner).toContain("Delete the workspace");
    expect(guide.billing_admin).toContain("Set spend caps");
    expect(guide.billing_admin).not.toContain("See contacts and companies");
    for (const role of roles) expect(guide[role]).toHaveLength(permissionsFor(role).length);
  });
});
