import { DAY } from "@quarry/core/clock";
import { listMail } from "@quarry/mail/services/list-mail";
import { describe, expect, it } from "vitest";
import { newAddress } from "../testing/fixtures.ts";
import { workspacesTestBed } from "../testing/test-bed.ts";
import { hashInvitationToken } from "./invitation-token.ts";

const t = workspacesTestBed();

async function invitationRow(id: string) {
  return t.db.selectFrom("invitations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

describe("invitations.create", () => {
  it("mails the invitee a single-use link naming workspace, inviter and role, and stores only the token's hash", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace("Globex");
    const created = await owner.caller.workspaces.invitations.create({
      workspaceId,
      email: "  New.Person@Example.COM ",
      role: "viewer",
    });
    expect(created).toEqual({
      id: expect.any(String),
      email: "new.person@example.com",
      role: "viewer",
      expiresAt: new Date(t.clock.now().getTime() + 7 * DAY).toISOString(),
    });

    const [mail] = await listMail(t.db, { to: "new.person@example.com" });
    expect(mail?.subject).toBe(`${owner.user.name} invited you to Globex on Quarry`);
    expect(mail?.text_body).toContain("viewer");
    const token = await t.tokenMailedTo("new.person@example.com");
    expect(mail?.text_body).toContain(`http://localhost:3000/invite/${token}`);
    expect(token.length * 4).toBeGreaterThanOrEqual(128);

    const row = await invitationRow(created.id);
    expect(row.token_hash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("lists the invitation as pending with its inviter", async () => {
    const { owner, workspaceId, email, invitation } = await t.invited("member");
    const { items } = await owner.caller.workspaces.invitations.list({ workspaceId });
    expect(items).toEqual([
      {
        id: invitation.id,
        email,
        role: "member",
        invitedBy: owner.user.name,
        expiresAt: invitation.expiresAt,
        createdAt: expect.any(String),
        status: "pending",
      },
    ]);
  });

  it("replaces an open invitation to the same address: the old link stops working", async () => {
    const { owner, workspaceId, email, invitation, token: oldToken } = await t.invited("member");
    const again = await owner.caller.workspaces.invitations.create({ workspaceId, email, role: "admin" });
    const newToken = await t.tokenMailedTo(email);
    expect(newToken).not.toBe(oldToken);

    const { items } = await owner.caller.workspaces.invitations.list({ workspaceId });
    expect(items.map((i) => [i.id, i.status])).toEqual(
      expect.arrayContaining([
        [invitation.id, "revoked"],
        [again.id, "pending"],
      ]),
    );
    const invitee = await t.signedIn({ email });
    await expect(invitee.caller.workspaces.invitations.accept({ token: oldToken })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await invitee.caller.workspaces.invitations.accept({ token: newToken })).toEqual({
      workspaceId,
      role: "admin",
    });
  });

  it("refuses to invite an existing member (CONFLICT on email) and mails nothing", async () => {
    const { owner, workspaceId } = await t.ownerOfNewWorkspace();
    const member = await t.memberWithRole(workspaceId, "member");
    await expect(
      owner.caller.workspaces.invitations.create({
        workspaceId,
        email: member.user.email.toUpperCase(),
        role: "admin",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "email" } });
    expect(await listMail(t.db, { to: member.user.email })).toEqual([]);
  });

  it("keeps invitations within the inviter's own rank", async () => {
    const { workspaceId } = await t.ownerOfNewWorkspace();
    const admin = await t.memberWithRole(workspaceId, "admin");
    const email = newAddress();
    await expect(
      admin.caller.workspaces.invitations.create({ workspaceId, email, role: "owner" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", cause: { field: "role" } });
    expect(await listMail(t.db, { to: email })).toEqual([]);
    // An admin may invite up to admin.
    await expect(
      admin.caller.workspaces.invitations.create({ workspaceId, email, role: "admin" }),
    ).resolves.toMatchObject({ role: "admin" });
  });

  it("lets no member, viewer or billing admin invite anyone", async () => {
    const { workspaceId } = await t.ownerOfNewWorkspace();
    for (const role of ["member", "viewer", "billing_admin"] as const) {
      const u = await t.memberWithRole(workspaceId, role);
      const email = newAddress();
      await expect(
        u.caller.workspaces.invitations.create({ workspaceId, email, role: "viewer" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(u.caller.workspaces.invitations.list({ workspaceId })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await listMail(t.db, { to: email })).toEqual([]);
    }
  });
});

describe("invitations.delete", () => {
  it("answers NOT_FOUND for an invitation of another workspace and leaves it pending", async () => {
    const theirs = await t.invited("member");
    const { owner: mine, workspaceId: myWorkspace } = await t.ownerOfNewWorkspace();
    await expect(
      mine.caller.workspaces.invitations.delete({ workspaceId: myWorkspace, id: theirs.invitation.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await invitationRow(theirs.invitation.id)).revoked_at).toBeNull();
    const invitee = await t.signedIn({ email: theirs.email });
    await expect(
      invitee.caller.workspaces.invitations.accept({ token: theirs.token }),
    ).resolves.toMatchObject({
      workspaceId: theirs.workspaceId,
    });
  });

  it("cannot revoke an accepted invitation", async () => {
    const { owner, workspaceId, email, invitation, token } = await t.invited("member");
    await (await t.signedIn({ email })).caller.workspaces.invitations.accept({ token });
    await expect(
      owner.caller.workspaces.invitations.delete({ workspaceId, id: invitation.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
