import { type Kysely, sql } from "kysely";

/**
 * Indexes for listing records: keyset pages sorted on a field read (workspace_id, field, id) in
 * order, so any page costs the same as the first. Partial on live rows (deleted_at is null), which
 * is what lists show; the trash is small and uses the created_at index from 0001.
 */
const contactColumns = [
  "first_name",
  "full_name",
  "title",
  "seniority",
  "department",
  "city",
  "state",
  "country",
  "company_name",
  "company_domain",
  "updated_at",
];

const companyColumns = [
  "industry",
  "employee_count",
  "annual_revenue",
  "funding_stage",
  "funding_total",
  "founded_year",
  "city",
  "state",
  "country",
  "updated_at",
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of [
    ["contacts", contactColumns],
    ["companies", companyColumns],
  ] as const) {
    for (const column of columns) {
      await sql`create index ${sql.id(`${table}_live_${column}_idx`)} on ${sql.table(table)}
        (workspace_id, ${sql.ref(column)}, id) where deleted_at is null`.execute(db);
    }
  }
  await sql`
    -- Keyset on email (contacts) and domain (companies) with the id tie-breaker.
    create index contacts_live_email_idx on contacts (workspace_id, email, id) where deleted_at is null;
    create index companies_live_domain_idx on companies (workspace_id, domain, id) where deleted_at is null;
    -- Contains filters (ilike '%…%') on the fields people type into: trigram indexes.
    create index contacts_full_name_trgm_idx on contacts using gin (full_name gin_trgm_ops);
    create index contacts_email_trgm_idx on contacts using gin (email gin_trgm_ops);
    create index companies_name_trgm_idx on companies using gin (name gin_trgm_ops);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
