import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { systemClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import { systemActor } from "@quarry/core/service-context";
import { grantCredits } from "@quarry/credits/services/grant-credits";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export const WORKSPACE_ID = "0e000000-0000-4000-8000-00000000000e";

/** Contacts are split into `parts` groups (department `part-<n>`, interleaved) so each run can select one. */
export function partOf(part: number): string {
  return `part-${part}`;
}

const COLUMNS = [
  "workspace_id",
  "first_name",
  "last_name",
  "full_name",
  "email",
  "department",
  "company_name",
  "company_domain",
  "created_at",
  "updated_at",
];
const CREATED_UNTIL = Date.parse("2026-01-01T00:00:00Z");

function* lines(contacts: number, parts: number): Generator<string> {
  let chunk: string[] = [];
  for (let i = 0; i < contacts; i++) {
    const first = `First${i % 997}`;
    const last = `Last${i % 1009}`;
    const domain = `company${i % 20_000}.example`;
    const created = new Date(CREATED_UNTIL - i * 1000).toISOString();
    chunk.push(
      [
        WORKSPACE_ID,
        first,
        last,
        `${first} ${last}`,
        `${first}.${last}.${i.toString(36)}@${domain}`.toLowerCase(),
        partOf(i % parts),
        `Company ${i % 20_000}`,
        domain,
        created,
        created,
      ].join("\t"),
    );
    if (chunk.length === 5_000) {
      yield `${chunk.join("\n")}\n`;
      chunk = [];
    }
  }
  if (chunk.length) yield `${chunk.join("\n")}\n`;
}

/**
 * One workspace with `contacts` contacts (names, a unique email — what the bench provider looks
 * up — a company, no mobile phone: the field every run fills) loaded with COPY, indexes dropped
 * during the load and rebuilt from their definitions, then VACUUM ANALYZE; and `credits` granted.
 */
export async function seedWorkspace(
  url: string,
  db: Database,
  opts: { contacts: number; parts: number; credits: number },
): Promise<number> {
  const t = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("insert into workspaces (id, name) values ($1, 'Bench enrichment')", [WORKSPACE_ID]);
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes
       where schemaname = 'public' and tablename = 'contacts' and indexname <> 'contacts_pkey'`,
    );
    for (const ix of indexes) await client.query(`drop index ${client.escapeIdentifier(ix.indexname)}`);
    const copy = client.query(copyFrom(`copy contacts (${COLUMNS.join(", ")}) from stdin`));
    await pipeline(Readable.from(lines(opts.contacts, opts.parts)), copy);
    await client.query("set maintenance_work_mem = '512MB'");
    for (const ix of indexes) await client.query(ix.indexdef);
    await client.query("vacuum (analyze) contacts");
  } finally {
    await client.end();
  }
  const ctx: ServiceCtx = {
    db,
    workspaceId: WORKSPACE_ID,
    actor: systemActor("bench"),
    log: silentLogger,
    clock: systemClock,
  };
  await grantCredits(ctx, {
    amount: opts.credits,
    kind: "grant",
    idempotencyKey: "bench-grant",
    memo: "enrichment-throughput bench",
  });
  return (performance.now() - t) / 1000;
}
