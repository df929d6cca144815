import { type Kysely, sql } from "kysely";

/**
 * One monthly-partition maintenance function for every table partitioned by month, instead of a
 * copy per table (0001's record_activity, 0007's enrichment_records) that differed only in the
 * name: maintain_monthly_partitions(parent, months_ahead, retention_months) creates
 * <table>_YYYY_MM for this month and the next `months_ahead`, in the parent's schema, and drops
 * those older than `retention_months`. The daily tasks of both domains call it with their table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function maintain_monthly_partitions(parent regclass, months_ahead integer, retention_months integer)
    returns table (created text[], dropped text[]) language plpgsql as $$
    declare
      base text;
      ns text;
      m date;
      part text;
      made text[] := '{}';
      gone text[] := '{}';
      cutoff date := (date_trunc('month', now()) - make_interval(months => retention_months))::date;
      r record;
    begin
      if not exists (select 1 from pg_partitioned_table where partrelid = parent) then
        raise exception '% is not a partitioned table', parent;
      end if;
      select c.relname, n.nspname into base, ns
        from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = parent;
      for i in 0..months_ahead loop
        m := (date_trunc('month', now()) + make_interval(months => i))::date;
        part := base || '_' || to_char(m, 'YYYY_MM');
        if to_regclass(format('%I.%I', ns, part)) is null then
          execute format(
            'create table %I.%I partition of %s for values from (%L) to (%L)',
            ns, part, parent, m, (m + interval '1 month')::date);
          made := made || part;
        end if;
      end loop;
      for r in
        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = parent
          and left(c.relname, length(base) + 1) = base || '_'
          and substring(c.relname from length(base) + 2) ~ '^[0-9]{4}_[0-9]{2}$'
      loop
        if to_date(substring(r.relname from length(base) + 2), 'YYYY_MM') < cutoff then
          execute format('drop table %I.%I', ns, r.relname);
          gone := gone || r.relname::text;
        end if;
      end loop;
      return query select made, gone;
    end $$;

    drop function maintain_record_activity_partitions(integer, integer);
    drop function maintain_enrichment_records_partitions(integer, integer);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
