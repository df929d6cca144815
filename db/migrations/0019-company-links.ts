import { type Kysely, sql } from "kysely";

/**
 * Contacts link to companies (contacts.company_id) by domain.
 *
 * - record_settings: per-workspace settings of the records domain. `auto_create_companies`
 *   (default on): a contact whose domain matches no company gets one created. A workspace without
 *   a row has the defaults.
 * - contacts_unlinked_idx: the background job (records/link-contacts) walks a workspace's live
 *   contacts without a company in id order, a chunk at a time.
 *
 * Two writers creating the company of one new domain at once insert … on conflict against
 * companies_workspace_domain_key (0001: unique (workspace_id, domain) among live companies;
 * domains are stored normalised), so only one company is created. Migrations never import app
 * code: existing contacts are linked by the job, not here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table record_settings (
      workspace_id uuid primary key references workspaces(id) on delete cascade,
      auto_create_companies boolean not null default true,
      updated_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create trigger record_settings_updated_at before update on record_settings
      for each row execute function set_updated_at();

    create index contacts_unlinked_idx on contacts (workspace_id, id)
      where company_id is null and deleted_at is null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
