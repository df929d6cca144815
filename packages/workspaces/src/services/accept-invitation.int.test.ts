import { DAY, manualClock } from "@quarry/core/clock";
import { describe, expect, it } from "vitest";
import { newAddress, ownerOfNewWorkspace, signedIn, signedOut } from "../testing/fixtures.ts";
import { workspacesTestBed } from "../testing/test-bed.ts";

const t = workspacesTestBed();

const SECOND = 1000;

describe("invitations.accept", () => {
  it("accepts once for the invited address (any letter case), making them a member with the invited role", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    const email = newAddress();
    await owner.caller.workspaces.invitations.create({
      workspaceId,
      email: email.toUpperCase(),
      role: "billing_admin",
    });
    const token = await t.tokenMailedTo(email);
    const invitee = await t.signedIn({ email });
    expect(await invitee.caller.workspaces.invitations.accept({ token })).toEqual({
      workspaceId,
      role: "billing_admin",
    });
    expect(await invitee.caller.workspaces.list()).toEqual({
      items: [{ id: workspaceId, name: expect.any(String), role: "billing_admin" }],
    });
    const { items } = await owner.caller.workspaces.invitations.list({ workspaceId });
    expect(items[0]?.status).toBe("used");

    // Second use: refused, even by the same person after leaving.
    await invitee.caller.workspaces.leave({ workspaceId });
    await expect(invitee.caller.workspaces.invitations.accept({ token })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already been used"),
    });
    expect(await invitee.caller.workspaces.list()).toEqual({ items: [] });
  });

  it("refuses a signed-in user with another address, and leaves the invitation pending", async () => {
    const { workspaceId, email, token } = await t.invited("member");
    const intruder = await t.signedIn();
    await expect(intruder.caller.workspaces.invitations.accept({ token })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining(email),
    });
    await expect(intruder.caller.workspaces.get({ workspaceId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await t.signedOut().workspaces.invitations.preview({ token })).status).toBe("pending");
  });

  it("requires sign-in", async () => {
    const { token } = await t.invited("member");
    await expect(t.signedOut().workspaces.invitations.accept({ token })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("works until 7 days have passed and is refused one second after", async () => {
    const local = manualClock();
    const { owner, workspaceId } = await ownerOfNewWorkspace(t.db, local);
    const late = newAddress();
    const onTime = newAddress();
    await owner.caller.workspaces.invitations.create({ workspaceId, email: late, role: "member" });
    await owner.caller.workspaces.invitations.create({ workspaceId, email: onTime, role: "member" });
    const lateUser = await signedIn(t.db, local, { email: late });
    const onTimeUser = await signedIn(t.db, local, { email: onTime });

    local.advance(7 * DAY - SECOND);
    await expect(
      onTimeUser.caller.workspaces.invitations.accept({ token: await t.tokenMailedTo(onTime) }),
    ).resolves.toMatchObject({ workspaceId });

    local.advance(2 * SECOND);
    await expect(
      lateUser.caller.workspaces.invitations.accept({ token: await t.tokenMailedTo(late) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("expired") });
    expect(await lateUser.caller.workspaces.list()).toEqual({ items: [] });
  });

  it("refuses a revoked invitation", async () => {
    const { owner, workspaceId, email, invitation, token } = await t.invited("member");
    expect(await owner.caller.workspaces.invitations.delete({ workspaceId, id: invitation.id })).toEqual({
      ok: true,
    });
    const invitee = await t.signedIn({ email });
    await expect(invitee.caller.workspaces.invitations.accept({ token })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("revoked"),
    });
    expect(await invitee.caller.workspaces.list()).toEqual({ items: [] });
  });

  it("lets only one of two concurrent accepts win", async () => {
    const { owner, workspaceId, email, token } = await t.invited("member");
    const invitee = await t.signedIn({ email });
    const results = await Promise.allSettled([
      invitee.caller.workspaces.invitations.accept({ token }),
      invitee.caller.workspaces.invitations.accept({ token }),
      invitee.caller.workspaces.invitations.accept({ token }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const members = await owner.caller.workspaces.members.list({ workspaceId });
    expect(members.items.filter((m) => m.email === email)).toHaveLength(1);
  });

  it("refuses an existing member without changing their role", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    const admin = await t.memberWithRole(workspaceId, "admin");
    // Invited while not yet a member (e.g. an older invitation), then already joined another way.
    const email = admin.user.email;
    await t.db.deleteFrom("memberships").where("user_id", "=", admin.user.id).execute();
    await owner.caller.workspaces.invitations.create({ workspaceId, email, role: "viewer" });
    await t.db
      .insertInto("memberships")
      .values({ workspace_id: workspaceId, user_id: admin.user.id, role: "admin" })
      .execute();
    await expect(
      admin.caller.workspaces.invitations.accept({ token: await t.tokenMailedTo(email) }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already a member") });
    expect((await admin.caller.workspaces.get({ workspaceId })).role).toBe("admin");
  });

  it("answers NOT_FOUND for a made-up token", async () => {
    const u = await t.signedIn();
    await expect(u.caller.workspaces.invitations.accept({ token: "0".repeat(40) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("invitations.preview", () => {
  it("shows only workspace name, address, role, inviter and status, to anyone holding the link", async () => {
    const { owner, email, token } = await t.invited("viewer");
    const preview = await t.signedOut().workspaces.invitations.preview({ token });
    expect(preview).toEqual({
      workspaceName: expect.stringMatching(/^Workspace /),
      email,
      role: "viewer",
      invitedBy: owner.user.name,
      status: "pending",
    });
  });

  it("reports used, revoked and expired", async () => {
    const anon = t.signedOut();

    const used = await t.invited("member");
    await (await t.signedIn({ email: used.email })).caller.workspaces.invitations.accept({
      token: used.token,
    });
    expect((await anon.workspaces.invitations.preview({ token: used.token })).status).toBe("used");

    const revoked = await t.invited("member");
    await revoked.owner.caller.workspaces.invitations.delete({
      workspaceId: revoked.workspaceId,
      id: revoked.invitation.id,
    });
    expect((await anon.workspaces.invitations.preview({ token: revoked.token })).status).toBe("revoked");

    const local = manualClock();
    const { owner, workspaceId } = await ownerOfNewWorkspace(t.db, local);
    const email = newAddress();
    await owner.caller.workspaces.invitations.create({ workspaceId, email, role: "member" });
    local.advance(7 * DAY + SECOND);
    const token = await t.tokenMailedTo(email);
    expect((await signedOut(t.db, local).workspaces.invitations.preview({ token })).status).toBe("expired");
    expect((await owner.caller.workspaces.invitations.list({ workspaceId })).items[0]?.status).toBe(
      "expired",
    );
  });

  it("answers NOT_FOUND for an unknown token", async () => {
    await expect(t.signedOut().workspaces.invitations.preview({ token: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
