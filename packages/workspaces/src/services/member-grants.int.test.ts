import { expect, it } from "vitest";
import { newAddress } from "../testing/fixtures.ts";
import { workspacesTestBed } from "../testing/test-bed.ts";
import { authenticateApiKey } from "./authenticate-api-key.ts";

const t = workspacesTestBed();

/** An admin who made two API keys and sent two invitations, plus an owner's key and invitation. */
async function adminWithGrants() {
  const { owner, workspaceId } = await t.ownerOfNewWorkspace();
  const admin = await t.memberWithRole(workspaceId, "admin");
  const keys = [];
  for (const name of ["CI", "BI"]) {
    keys.push(await admin.caller.workspaces.apiKeys.create({ workspaceId, name, scope: "read_write" }));
  }
  const invited = [newAddress(), newAddress()];
  for (const email of invited) {
    await admin.caller.workspaces.invitations.create({ workspaceId, email, role: "member" });
  }
  const ownersKey = await owner.caller.workspaces.apiKeys.create({
    workspaceId,
    name: "Owner",
    scope: "read",
  });
  const ownersInvite = newAddress();
  await owner.caller.workspaces.invitations.create({ workspaceId, email: ownersInvite, role: "viewer" });
  return { owner, admin, workspaceId, keys, invited, ownersKey, ownersInvite };
}

const works = async (key: string) => (await authenticateApiKey(t.db, t.clock, key)) !== null;

it.each([
  ["removed by the owner", "delete"],
  ["leaving", "leave"],
] as const)(
  "revokes the API keys and cancels the invitations of a member %s, with the membership",
  async (_, how) => {
    const { owner, admin, workspaceId, keys, invited, ownersKey, ownersInvite } = await adminWithGrants();
    expect(await owner.caller.workspaces.members.removalPreview({ workspaceId, id: admin.user.id })).toEqual({
      apiKeys: 2,
      invitations: 2,
    });
    const tokens = await Promise.all(invited.map((email) => t.tokenMailedTo(email)));

    const removed =
      how === "delete"
        ? await owner.caller.workspaces.members.delete({ workspaceId, id: admin.user.id })
        : await admin.caller.workspaces.leave({ workspaceId });
    expect(removed).toEqual({ ok: true, revoked: { apiKeys: 2, invitations: 2 } });

    for (const key of keys) expect(await works(key.key)).toBe(false);
    for (const [i, token] of tokens.entries()) {
      expect(await t.signedOut().workspaces.invitations.preview({ token })).toMatchObject({
        status: "revoked",
      });
      const invitee = await t.signedIn({ email: invited[i] });
      await expect(invitee.caller.workspaces.invitations.accept({ token })).rejects.toThrow();
      await expect(invitee.caller.workspaces.get({ workspaceId })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    const open = await owner.caller.workspaces.invitations.list({ workspaceId });
    expect(open.items.filter((i) => i.status === "pending").map((i) => i.email)).toEqual([ownersInvite]);
    // what others handed out stays
    expect(await works(ownersKey.key)).toBe(true);
  },
);

it("previews nothing for a member who handed out nothing, and NOT_FOUND for a non-member", async () => {
  const { owner, workspaceId } = await t.ownerOfNewWorkspace();
  const viewer = await t.memberWithRole(workspaceId, "viewer");
  expect(await owner.caller.workspaces.members.removalPreview({ workspaceId, id: viewer.user.id })).toEqual({
    apiKeys: 0,
    invitations: 0,
  });
  const stranger = await t.memberWithRole((await t.ownerOfNewWorkspace()).workspaceId, "admin");
  await expect(
    owner.caller.workspaces.members.removalPreview({ workspaceId, id: stranger.user.id }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
});
