import { type Kysely, sql } from "kysely";

/**
 * Enrichment writes to contacts and companies can be HOT (heap-only) updates: no index entry to add.
 *
 * PostgreSQL updates a row in place on its page, without touching any index, only when no indexed
 * column changes and the page has room. Every enrichment write used to set `updated_at`, which is
 * indexed for the "Updated" sort (0004), so each one added an entry to all ~20 indexes of contacts,
 * three of them GIN (trigram, full-text search).
 *
 * What the user sees: `updated_at` is when a person, an import or the API last edited the record —
 * the "Updated" column, its sort and `-updated_at` in the REST API. An enrichment write keeps it
 * (and `updated_by`); what enrichment changed, and when, is the field's provenance (provider,
 * fetched at) and the record's activity log. So a 50,000-record run no longer moves every record
 * it touched to the top of "recently updated", and the index stays as it is.
 *
 * How: the row trigger of contacts and companies sets `updated_at = now()` on every update, as
 * before, unless the update sets it to '-infinity' — the records query that writes enriched values
 * does — in which case the row keeps its `updated_at`. Nothing else changes for other writers.
 *
 * Room on the page: a provider call writes ~10 records that sit side by side (a run's batches
 * follow the list's order, which is the order rows were loaded in), in one statement, so their
 * page needs room for several new versions at once; pruning gives the room back only after the
 * writing transaction (and any older snapshot) is gone. fillfactor 70 leaves 30% of each new page
 * free: in the enrichment bench ~44% of enrichment writes were HOT, against ~12% at 90 (50 would
 * fit a whole call, for a table twice its packed size). Pages written before this migration are
 * full until their rows move once; a table rewrite (VACUUM FULL, pg_repack) applies it at once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function set_record_updated_at() returns trigger language plpgsql as $$
    begin
      if new.updated_at = '-infinity' then
        new.updated_at = old.updated_at;
      else
        new.updated_at = now();
      end if;
      return new;
    end $$;

    drop trigger contacts_updated_at on contacts;
    create trigger contacts_updated_at before update on contacts
      for each row execute function set_record_updated_at();
    drop trigger companies_updated_at on companies;
    create trigger companies_updated_at before update on companies
      for each row execute function set_record_updated_at();

    alter table contacts set (fillfactor = 70);
    alter table companies set (fillfactor = 70);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
