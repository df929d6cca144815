import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

/** Whether contacts whose domain matches no company get one created (record_settings; default on). */
export async function findAutoCreateCompanies(db: Database, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom("record_settings")
    .select("auto_create_companies")
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return row?.auto_create_companies ?? true;
}

export async function upsertRecordSettings(
  db: Database,
  workspaceId: string,
  values: { auto_create_companies: boolean },
  actorId: string | null,
): Promise<void> {
  await db
    .insertInto("record_settings")
    .values({ workspace_id: workspaceId, ...values, updated_by: actorId })
    .onConflict((oc) => oc.column("workspace_id").doUpdateSet({ ...values, updated_by: actorId }))
    .execute();
}

/** Live companies holding these domains: domain → id. */
export async function findCompanyIdsByDomain(
  db: Database,
  workspaceId: string,
  domains: readonly string[],
): Promise<Map<string, string>> {
  if (domains.length === 0) return new Map();
  const { rows } = await sql<{ id: string; domain: string }>`
    select id, domain from companies
    where workspace_id = ${workspaceId} and deleted_at is null
      and domain = any(cast(${[...domains]} as text[]))`.execute(db);
  return new Map(rows.map((r) => [r.domain, r.id]));
}

/**
 * Creates a company for each domain no live company holds. A domain another transaction is
 * creating at the same moment waits for it and is skipped (on conflict with the unique index of
 * live domains): only the companies this statement created come back.
 */
export async function insertCompaniesForDomains(
  db: Database,
  workspaceId: string,
  companies: ReadonlyArray<{ domain: string; name: string | null }>,
  actorId: string | null,
): Promise<Array<{ id: string; domain: string; name: string | null }>> {
  if (companies.length === 0) return [];
  const { rows } = await sql<{ id: string; domain: string; name: string | null }>`
    insert into companies (workspace_id, domain, name, created_by, updated_by)
    select ${workspaceId}, c.domain, c.name, ${actorId}, ${actorId}
    from unnest(cast(${companies.map((c) => c.domain)} as text[]), cast(${companies.map((c) => c.name)} as text[]))
      as c(domain, name)
    order by c.domain
    on conflict (workspace_id, domain) where deleted_at is null and domain is not null do nothing
    returning id, domain, name`.execute(db);
  return rows;
}

export type LinkCandidate = {
  id: string;
  company_id: string | null;
  email: string | null;
  company_domain: string | null;
  company_name: string | null;
};

/**
 * Live contacts that may belong to the company of `domain` and are not linked to a live company:
 * those with this company_domain, or without one and an email at this domain or a subdomain of
 * it (the caller checks each candidate's link domain exactly).
 */
export async function findLinkCandidates(
  db: Database,
  workspaceId: string,
  domain: string,
): Promise<LinkCandidate[]> {
  const { rows } = await sql<LinkCandidate>`
    select t.id, t.company_id, t.email, t.company_domain, t.company_name from contacts as t
    where t.workspace_id = ${workspaceId} and t.deleted_at is null
      and (t.company_domain = ${domain}
        or (t.company_domain is null and (t.email like ${`%@${domain}`} or t.email like ${`%.${domain}`})))
      and (t.company_id is null or not exists (
        select 1 from companies as co
        where co.id = t.company_id and co.workspace_id = t.workspace_id and co.deleted_at is null))
    order by t.id`.execute(db);
  return rows;
}

/** One chunk of live contacts without a company, in id order after `afterId`. */
export async function findUnlinkedContacts(
  db: Database,
  workspaceId: string,
  afterId: string | null,
  limit: number,
): Promise<LinkCandidate[]> {
  const { rows } = await sql<LinkCandidate>`
    select t.id, t.company_id, t.email, t.company_domain, t.company_name from contacts as t
    where t.workspace_id = ${workspaceId} and t.company_id is null and t.deleted_at is null
      ${afterId ? sql`and t.id > ${afterId}` : sql``}
    order by t.id
    limit ${limit}`.execute(db);
  return rows;
}

/**
 * Sets company_id on many contacts in one statement (rows locked in id order). Linking is not an
 * edit by a person: the contacts keep `updated_at` ('-infinity' tells the row trigger, 0017).
 * Only contacts whose company_id really changes are written; their ids and old values come back.
 */
export async function setContactCompanies(
  db: Database,
  workspaceId: string,
  links: ReadonlyArray<{ id: string; companyId: string | null }>,
): Promise<Array<{ id: string; old: string | null; new: string | null }>> {
  if (links.length === 0) return [];
  const sorted = [...links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { rows } = await sql<{ id: string; old: string | null; new: string | null }>`
    with v as (
      select * from unnest(cast(${sorted.map((l) => l.id)} as uuid[]), cast(${sorted.map((l) => l.companyId)} as uuid[]))
        as v(id, company_id)
    ), locked as (
      select t.id, t.company_id as old from contacts as t join v on v.id = t.id
      where t.workspace_id = ${workspaceId} and t.deleted_at is null
      order by t.id
      for update of t
    )
    update contacts as t set company_id = v.company_id, updated_at = '-infinity'
    from v join locked on locked.id = v.id
    where t.id = v.id and t.workspace_id = ${workspaceId} and t.company_id is distinct from v.company_id
    returning t.id, locked.old, t.company_id as new`.execute(db);
  return rows;
}

/** Live workspaces that have live contacts without a company (for the nightly sweep). */
export async function findWorkspacesWithUnlinkedContacts(db: Database): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select w.id from workspaces as w
    where exists (
      select 1 from contacts as t
      where t.workspace_id = w.id and t.company_id is null and t.deleted_at is null)
    order by w.id`.execute(db);
  return rows.map((r) => r.id);
}
