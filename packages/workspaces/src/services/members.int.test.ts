import { describe, expect, it } from "vitest";
import { workspacesTestBed } from "../testing/test-bed.ts";

const t = workspacesTestBed();

async function roleOf(workspaceId: string, userId: string) {
  const row = await t.db
    .selectFrom("memberships")
    .select("role")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

describe("members.list", () => {
  it("shows each member's address, name, role and join date to readers, not to billing admins", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    const viewer = await t.memberWithRole(workspaceId, "viewer");
    const billing = await t.memberWithRole(workspaceId, "billing_admin");
    const { items } = await viewer.caller.workspaces.members.list({ workspaceId });
    expect(items).toEqual([
      {
        userId: owner.user.id,
        email: owner.user.email,
        name: owner.user.name,
        role: "owner",
        joinedAt: expect.any(String),
      },
      {
        userId: viewer.user.id,
        email: viewer.user.email,
        name: viewer.user.name,
        role: "viewer",
        joinedAt: expect.any(String),
      },
      {
        userId: billing.user.id,
        email: billing.user.email,
        name: billing.user.name,
        role: "billing_admin",
        joinedAt: expect.any(String),
      },
    ]);
    await expect(billing.caller.workspaces.members.list({ workspaceId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("members.update", () => {
  it("lets an admin change a member's role up to admin, never to owner", async () => {
    const { workspaceId } = await t.ownerOfNewWorkspace();
    const admin = await t.memberWithRole(workspaceId, "admin");
    const member = await t.memberWithRole(workspaceId, "member");
    expect(
      await admin.caller.workspaces.members.update({
        workspaceId,
        id: member.user.id,
        data: { role: "viewer" },
      }),
    ).toEqual({ userId: member.user.id, role: "viewer" });
    expect(await roleOf(workspaceId, member.user.id)).toBe("viewer");

    await expect(
      admin.caller.workspaces.members.update({ workspaceId, id: member.user.id, data: { role: "owner" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", cause: { field: "role" } });
    await expect(
      admin.caller.workspaces.members.update({ workspaceId, id: admin.user.id, data: { role: "owner" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await roleOf(workspaceId, member.user.id)).toBe("viewer");
    expect(await roleOf(workspaceId, admin.user.id)).toBe("admin");
  });

  it("lets an admin neither demote nor remove an owner", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    await t.memberWithRole(workspaceId, "owner"); // not the last owner: the refusal is about rank
    const admin = await t.memberWithRole(workspaceId, "admin");
    await expect(
      admin.caller.workspaces.members.update({ workspaceId, id: owner.user.id, data: { role: "viewer" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      admin.caller.workspaces.members.delete({ workspaceId, id: owner.user.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await roleOf(workspaceId, owner.user.id)).toBe("owner");
  });

  it("lets no member, viewer or billing admin change roles", async () => {
    const { workspaceId } = await t.ownerOfNewWorkspace();
    const target = await t.memberWithRole(workspaceId, "viewer");
    for (const role of ["member", "viewer", "billing_admin"] as const) {
      const u = await t.memberWithRole(workspaceId, role);
      await expect(
        u.caller.workspaces.members.update({ workspaceId, id: target.user.id, data: { role: "member" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        u.caller.workspaces.members.delete({ workspaceId, id: target.user.id }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await roleOf(workspaceId, target.user.id)).toBe("viewer");
  });

  it("refuses to demote the last owner, even by themselves", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    await expect(
      owner.caller.workspaces.members.update({ workspaceId, id: owner.user.id, data: { role: "admin" } }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("transfer ownership first"),
    });
    await expect(
      owner.caller.workspaces.members.delete({ workspaceId, id: owner.user.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("transfer ownership first"),
    });
    expect(await roleOf(workspaceId, owner.user.id)).toBe("owner");
  });

  it("lets an owner demote another owner while one remains", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    const second = await t.memberWithRole(workspaceId, "owner");
    await owner.caller.workspaces.members.update({
      workspaceId,
      id: second.user.id,
      data: { role: "member" },
    });
    expect(await roleOf(workspaceId, second.user.id)).toBe("member");
  });

  it("never leaves a workspace without an owner when two owners demote each other at once", async () => {
    const pairs = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const { owner, workspaceId } = await t.ownerOfNewWorkspace();
        const second = await t.memberWithRole(workspaceId, "owner");
        return { owner, second, workspaceId };
      }),
    );
    await Promise.allSettled(
      pairs.flatMap(({ owner, second, workspaceId }) => [
        owner.caller.workspaces.members.update({ workspaceId, id: second.user.id, data: { role: "admin" } }),
        second.caller.workspaces.members.update({ workspaceId, id: owner.user.id, data: { role: "admin" } }),
      ]),
    );
    for (const { workspaceId } of pairs) {
      const owners = await t.db
        .selectFrom("memberships")
        .select("user_id")
        .where("workspace_id", "=", workspaceId)
        .where("role", "=", "owner")
        .execute();
      expect(owners).toHaveLength(1);
    }
  });
});

describe("members.delete", () => {
  it("removes a member, who then loses access", async () => {
    const { workspaceId } = await t.ownerOfNewWorkspace();
    const admin = await t.memberWithRole(workspaceId, "admin");
    const member = await t.memberWithRole(workspaceId, "member");
    expect(await admin.caller.workspaces.members.delete({ workspaceId, id: member.user.id })).toEqual({
      ok: true,
      revoked: { apiKeys: 0, invitations: 0 },
    });
    await expect(member.caller.workspaces.get({ workspaceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("workspaces.transferOwnership", () => {
  it("makes the target owner and the caller admin", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    const member = await t.memberWithRole(workspaceId, "member");
    expect(await owner.caller.workspaces.transferOwnership({ workspaceId, userId: member.user.id })).toEqual({
      ok: true,
    });
    expect((await member.caller.workspaces.get({ workspaceId })).role).toBe("owner");
    expect((await owner.caller.workspaces.get({ workspaceId })).role).toBe("admin");
    // The former owner is now an ordinary admin: they cannot take it back.
    await expect(
      owner.caller.workspaces.transferOwnership({ workspaceId, userId: owner.user.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // And the new owner can now leave only after handing it on.
    await expect(member.caller.workspaces.leave({ workspaceId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("is for owners only", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    const admin = await t.memberWithRole(workspaceId, "admin");
    await expect(
      admin.caller.workspaces.transferOwnership({ workspaceId, userId: admin.user.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await roleOf(workspaceId, owner.user.id)).toBe("owner");
    expect(await roleOf(workspaceId, admin.user.id)).toBe("admin");
  });
});

describe("ids from another workspace", () => {
  it("answer NOT_FOUND and change nothing", async () => {
    const mine = await t.ownerOfNewWorkspace("Mine");
    const theirs = await t.ownerOfNewWorkspace("Theirs");
    const outsider = await t.memberWithRole(theirs.workspaceId, "member");
    const ws = mine.workspaceId;
    const caller = mine.owner.caller.workspaces;

    await expect(
      caller.members.update({ workspaceId: ws, id: outsider.user.id, data: { role: "viewer" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.members.delete({ workspaceId: ws, id: outsider.user.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      caller.transferOwnership({ workspaceId: ws, userId: theirs.owner.user.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // The other workspace's owner id, used against the other workspace without being a member: NOT_FOUND too.
    await expect(
      caller.members.delete({ workspaceId: theirs.workspaceId, id: outsider.user.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await roleOf(theirs.workspaceId, outsider.user.id)).toBe("member");
    expect(await roleOf(theirs.workspaceId, theirs.owner.user.id)).toBe("owner");
    expect(await roleOf(ws, theirs.owner.user.id)).toBeNull();
    expect(await roleOf(ws, mine.owner.user.id)).toBe("owner");
  });
});
