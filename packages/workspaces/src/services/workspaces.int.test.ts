import { describe, expect, it } from "vitest";
import { permissionMatrix } from "../permissions.ts";
import { insertMembership } from "../queries/memberships.queries.ts";
import { signedOut } from "../testing/fixtures.ts";
import { workspacesTestBed } from "../testing/test-bed.ts";

const t = workspacesTestBed();

describe("workspaces.create / list / get", () => {
  it("makes the creator owner and lists every workspace the user belongs to with their role", async () => {
    const ada = await t.signedIn();
    const created = await ada.caller.workspaces.create({ name: "  Zeta Corp " });
    expect(created).toEqual({ id: expect.any(String), name: "Zeta Corp", role: "owner" });

    const { owner: bob, workspaceId: other } = await t.ownerOfNewWorkspace("Alpha Inc");
    expect(await bob.caller.workspaces.list()).toEqual({
      items: [{ id: other, name: "Alpha Inc", role: "owner" }],
    });

    // Ada joins Alpha as a viewer.
    await insertMembership(t.db, other, ada.user.id, "viewer");
    expect(await ada.caller.workspaces.list()).toEqual({
      items: [
        { id: other, name: "Alpha Inc", role: "viewer" },
        { id: created.id, name: "Zeta Corp", role: "owner" },
      ],
    });
  });

  it("returns the caller's role and what it allows", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace("Get Co");
    const asOwner = await owner.caller.workspaces.get({ workspaceId });
    expect(asOwner).toMatchObject({ id: workspaceId, name: "Get Co", role: "owner" });
    expect(asOwner.permissions.sort()).toEqual(Object.keys(permissionMatrix).sort());

    const viewer = await t.memberWithRole(workspaceId, "viewer");
    const asViewer = await viewer.caller.workspaces.get({ workspaceId });
    expect(asViewer.role).toBe("viewer");
    expect(asViewer.permissions).toContain("records.read");
    expect(asViewer.permissions).not.toContain("records.write");
    expect(asViewer.permissions).not.toContain("members.manage");
  });

  it("hides a workspace from non-members (NOT_FOUND) and refuses signed-out callers", async () => {
    const { workspaceId } = await t.ownerOfNewWorkspace();
    const stranger = await t.signedIn();
    await expect(stranger.caller.workspaces.get({ workspaceId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(signedOut(t.db).workspaces.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("rejects an empty name with a field message", async () => {
    const ada = await t.signedIn();
    await expect(ada.caller.workspaces.create({ name: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await ada.caller.workspaces.list()).toEqual({ items: [] });
  });
});

describe("workspaces.update", () => {
  it("lets an admin rename the workspace, but not a member", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace("Old");
    const admin = await t.memberWithRole(workspaceId, "admin");
    const member = await t.memberWithRole(workspaceId, "member");
    expect(await admin.caller.workspaces.update({ workspaceId, data: { name: "New" } })).toEqual({
      id: workspaceId,
      name: "New",
    });
    await expect(
      member.caller.workspaces.update({ workspaceId, data: { name: "Mine" } }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await owner.caller.workspaces.get({ workspaceId })).name).toBe("New");
  });
});

describe("workspaces.leave", () => {
  it("lets a member leave: the workspace disappears from their list and they lose access", async () => {
    const { workspaceId } = await t.ownerOfNewWorkspace();
    const member = await t.memberWithRole(workspaceId, "billing_admin");
    expect(await member.caller.workspaces.leave({ workspaceId })).toMatchObject({ ok: true });
    expect(await member.caller.workspaces.list()).toEqual({ items: [] });
    await expect(member.caller.workspaces.get({ workspaceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses the last owner, telling them to transfer ownership first", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    await t.memberWithRole(workspaceId, "admin");
    await expect(owner.caller.workspaces.leave({ workspaceId })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("transfer ownership first"),
    });
    expect((await owner.caller.workspaces.get({ workspaceId })).role).toBe("owner");
  });

  it("lets one of two owners leave", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    const second = await t.memberWithRole(workspaceId, "owner");
    expect(await owner.caller.workspaces.leave({ workspaceId })).toMatchObject({ ok: true });
    await expect(second.caller.workspaces.leave({ workspaceId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
