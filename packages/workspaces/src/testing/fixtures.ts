import { randomUUID } from "node:crypto";
import type { Clock } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { listMail } from "@quarry/mail/services/list-mail";
import { insertTestUser, type TestUser } from "@quarry/trpc/testing/test-users";
import type { Role } from "../permissions.ts";
import { insertMembership } from "../queries/memberships.queries.ts";
import { testCaller } from "./caller.ts";

export type Caller = ReturnType<typeof testCaller>;

export interface SignedIn extends TestUser {
  caller: Caller;
}

/** A new user and a caller acting as them. */
export async function signedIn(db: Database, clock: Clock, opts: { email?: string } = {}): Promise<SignedIn> {
  const email = opts.email ?? `u-${randomUUID().slice(0, 8)}@example.com`;
  const u = await insertTestUser(db, { email, name: `Name of ${email.split("@")[0]}` });
  return { ...u, caller: testCaller(db, { ...u, clock }) };
}

/** A caller with nobody signed in. */
export function signedOut(db: Database, clock?: Clock): Caller {
  return testCaller(db, { clock });
}

/** A new user who already holds `role` in the workspace (set up directly, not through an invitation). */
export async function memberWithRole(db: Database, clock: Clock, workspaceId: string, role: Role) {
  const u = await signedIn(db, clock);
  await insertMembership(db, workspaceId, u.user.id, role);
  return u;
}

/** A signed-in owner of a fresh workspace. */
export async function ownerOfNewWorkspace(db: Database, clock: Clock, name = "Acme") {
  const owner = await signedIn(db, clock);
  const workspace = await owner.caller.workspaces.create({ name });
  return { owner, workspaceId: workspace.id };
}

let seq = 0;
/** A fresh address nobody uses yet. */
export function newAddress(): string {
  return `invitee-${++seq}-${randomUUID().slice(0, 8)}@example.com`;
}

/** An owner of a fresh workspace who has invited a new address as `role`; with the mailed token. */
export async function inviteNewAddress(db: Database, clock: Clock, role: Role) {
  const { owner, workspaceId } = await ownerOfNewWorkspace(db, clock, `Workspace ${++seq}`);
  const email = newAddress();
  const invitation = await owner.caller.workspaces.invitations.create({ workspaceId, email, role });
  return { owner, workspaceId, email, invitation, token: await tokenMailedTo(db, email) };
}

/** The invitation token from the newest mail to `to`, read from the link in its text. */
export async function tokenMailedTo(db: Database, to: string): Promise<string> {
  const [mail] = await listMail(db, { to, limit: 1 });
  const token = mail?.text_body.match(/\/invite\/([0-9a-f]+)/)?.[1];
  if (!token) throw new Error(`No invitation link mailed to ${to}`);
  return token;
}
