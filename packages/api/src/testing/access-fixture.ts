import { randomUUID } from "node:crypto";
import type { Database } from "@quarry/db/client";
import { listMail } from "@quarry/mail/services/list-mail";
import { insertTestUser, type TestUser } from "@quarry/trpc/testing/test-users";
import { type Role, roles } from "@quarry/workspaces/permissions";
import { sql } from "kysely";
import { testCaller } from "./test-context.ts";

/** One workspace with a user in every role, and one record of every kind to aim procedures at. */
export interface WorkspaceFixture {
  workspaceId: string;
  name: string;
  users: Record<Role, TestUser>;
  contactId: string;
  companyId: string;
  fieldId: string;
  invitationId: string;
  inviteToken: string;
  inviteEmail: string;
  apiKeyId: string;
  /** An enrichment run over the contact (built-in provider, no credits). */
  enrichmentRunId: string;
  /** Strings that appear only in this workspace's data: a response containing one leaks it. */
  markers: string[];
}

export async function createWorkspaceFixture(db: Database, label: string): Promise<WorkspaceFixture> {
  const tag = `${label}${randomUUID().slice(0, 8)}`;
  const owner = await insertTestUser(db, { email: `owner-${tag}@example.com`, name: `Owner ${tag}` });
  const asOwner = testCaller(db, owner);
  const name = `Workspace ${tag}`;
  const { id: workspaceId } = await asOwner.workspaces.create({ name });
  const users = { owner } as Record<Role, TestUser>;
  for (const role of roles) {
    if (role === "owner") continue;
    const u = await insertTestUser(db, { email: `${role}-${tag}@example.com`, name: `${role} ${tag}` });
    await db
      .insertInto("memberships")
      .values({ workspace_id: workspaceId, user_id: u.user.id, role })
      .execute();
    users[role] = u;
  }
  const company = await asOwner.records.companies.create({
    workspaceId,
    data: { name: `Company ${tag}`, domain: `${tag.toLowerCase()}.example.org` },
  });
  const contact = await asOwner.records.contacts.create({
    workspaceId,
    data: {
      first_name: "Contact",
      last_name: tag,
      email: `contact-${tag}@example.org`,
      company_id: company.id,
    },
  });
  const field = await asOwner.records.fields.create({
    workspaceId,
    entity: "contact",
    key: "tier",
    label: "Tier",
    type: "text",
  });
  const inviteEmail = `invitee-${tag}@example.com`;
  const invitation = await asOwner.workspaces.invitations.create({
    workspaceId,
    email: inviteEmail,
    role: "member",
  });
  const apiKey = await asOwner.workspaces.apiKeys.create({ workspaceId, name: `Key ${tag}`, scope: "read" });
  const enrichmentRun = await asOwner.enrichment.runs.create({
    workspaceId,
    entity: "contact",
    selection: { id: contact.id },
    fields: ["full_name"],
    overwrite: false,
  });
  const [mail] = await listMail(db, { to: inviteEmail, limit: 1 });
  const inviteToken = mail?.text_body.match(/\/invite\/([0-9a-z]+)/)?.[1] ?? "";
  return {
    workspaceId,
    name,
    users,
    contactId: contact.id,
    companyId: company.id,
    fieldId: field.id,
    invitationId: invitation.id,
    inviteToken,
    inviteEmail,
    apiKeyId: apiKey.id,
    enrichmentRunId: enrichmentRun.id,
    markers: [
      workspaceId,
      contact.id,
      company.id,
      field.id,
      invitation.id,
      apiKey.id,
      apiKey.prefix,
      enrichmentRun.id,
      tag,
    ],
  };
}

/** A digest of every row the workspace owns: equal digests mean nothing of it changed. */
export async function workspaceDigest(db: Database, workspaceId: string): Promise<string> {
  const { rows } = await sql<{ digest: string }>`
    select md5(concat_ws('|',
      (select string_agg(w::text, ',') from workspaces w where w.id = ${workspaceId}),
      (select string_agg(m::text, ',' order by m.id) from memberships m where m.workspace_id = ${workspaceId}),
      (select string_agg(i::text, ',' order by i.id) from invitations i where i.workspace_id = ${workspaceId}),
      (select string_agg(c::text, ',' order by c.id) from contacts c where c.workspace_id = ${workspaceId}),
      (select string_agg(c::text, ',' order by c.id) from companies c where c.workspace_id = ${workspaceId}),
      (select string_agg(f::text, ',' order by f.id) from custom_field_definitions f where f.workspace_id = ${workspaceId}),
      -- API keys, but not when they were last used (an API request records that, and changes nothing).
      (select string_agg((to_jsonb(k) - 'last_used_at' - 'updated_at')::text, ',' order by k.id)
        from workspace_api_keys k where k.workspace_id = ${workspaceId}),
      (select count(*)::text from record_activity a where a.workspace_id = ${workspaceId})
    )) as digest`.execute(db);
  return rows[0]?.digest ?? "";
}
