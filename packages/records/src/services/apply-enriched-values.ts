import { actorUserId } from "@quarry/core/service-context";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { insertActivities, type NewActivity } from "../queries/activity.queries.ts";
import { type NewFieldSource, upsertFieldSources } from "../queries/field-sources.queries.ts";
import {
  lockRecords,
  type RecordColumnValues,
  type RecordRow,
  updateEnrichedColumns,
} from "../queries/records.queries.ts";
import { uniqueValueHolders } from "../queries/unique-holder.queries.ts";
import type { FieldChange } from "../schemas/activity.ts";
import type { EntityDef } from "../schemas/entities.ts";
import type { FieldSources, Verification } from "../schemas/field-sources.ts";
import { type Relink, relinkContacts } from "./link-companies.ts";
import { linkDomainOf } from "./link-domain.ts";
import { loadFieldSources } from "./record-sources.ts";
import { sameValue } from "./record-values.ts";

/** One value an enrichment provider found for a field of a record. */
export interface EnrichedFieldValue {
  field: string;
  value: unknown;
  provider: string;
  confidence: number;
  verification: Verification;
  fetchedAt: Date;
  sandbox: boolean;
}

/** The values found for one record. */
export interface EnrichedRecordValues {
  recordId: string;
  values: readonly EnrichedFieldValue[];
}

export interface ApplyResult {
  /** Fields now holding the enriched value (with provenance), changed or confirmed. */
  applied: string[];
  skipped: Array<{ field: string; reason: string }>;
}

function filled(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return false;
  return !(Array.isArray(value) && value.length === 0);
}

type ApplyOptions = { overwrite: boolean; runId: string | null };

/**
 * Writes enriched values, their provenance and one activity row (source "enrichment", each
 * change naming its provider) in one transaction. A field a user typed (a value without
 * provenance) is never overwritten unless `overwrite`. Values are validated like any other
 * write; one that is invalid, or that another record already holds in the unique field
 * (email / domain), is skipped with the reason rather than failing the rest.
 */
export async function applyEnrichedValues(
  ctx: ServiceCtx,
  entity: EntityDef,
  recordId: string,
  values: readonly EnrichedFieldValue[],
  opts: ApplyOptions,
): Promise<ApplyResult> {
  const results = await applyEnrichedValuesBatch(ctx, entity, [{ recordId, values }], opts);
  return results.get(recordId) ?? { applied: [], skipped: [] };
}

/**
 * Same rules as applyEnrichedValues, for many records (one provider call's answers) in one
 * transaction with a constant number of statements: lock the records (in id order, so two
 * workers never deadlock), load their provenance, look up who holds the candidate unique
 * values, one update, one activity insert, one provenance upsert. Results by record id (every
 * requested record present; a missing or deleted record → all its values skipped "the record
 * was deleted"). Two records of the batch given the same unique value: the first (input order)
 * gets it. A record listed twice is treated as one with both lists of values.
 */
export async function applyEnrichedValuesBatch(
  ctx: ServiceCtx,
  entity: EntityDef,
  records: readonly EnrichedRecordValues[],
  opts: ApplyOptions,
): Promise<Map<string, ApplyResult>> {
  const requested = new Map<string, EnrichedFieldValue[]>();
  for (const r of records) requested.set(r.recordId, [...(requested.get(r.recordId) ?? []), ...r.values]);
  const results = new Map<string, ApplyResult>();
  if (requested.size === 0) return results;
  return withTx(ctx.db, async (db) => {
    const rows = new Map(
      (await lockRecords(db, entity, ctx.workspaceId, [...requested.keys()].sort())).map((r) => [r.id, r]),
    );
    const live = [...requested.keys()].filter((id) => rows.get(id) && !rows.get(id)?.deleted_at);
    const sources = await loadFieldSources(db, ctx.workspaceId, live);
    const candidates = live.flatMap((id) => requested.get(id) ?? []);
    const holders = await uniqueHolders(db, entity, ctx.workspaceId, candidates);
    const plans: RecordPlan[] = [];
    for (const [recordId, values] of requested) {
      const row = rows.get(recordId);
      if (!row || row.deleted_at) {
        const skipped = values.map((v) => ({ field: v.field, reason: "the record was deleted" }));
        results.set(recordId, { applied: [], skipped });
        continue;
      }
      const plan = planRecord(entity, row, sources.get(recordId) ?? {}, values, opts, holders);
      results.set(recordId, plan.result);
      plans.push(plan);
    }
    await writePlans(ctx, db, entity, plans, opts);
    if (entity.name === "contact") await relinkContacts({ ...ctx, db }, db, domainChanges(rows, plans));
    return results;
  });
}

/** What enrichment will write to one record. */
interface RecordPlan {
  recordId: string;
  result: ApplyResult;
  /** Changed columns → new value. */
  columns: Record<string, unknown>;
  changes: FieldChange[];
  /** Values now held (changed or confirmed): their provenance is written. */
  accepted: EnrichedFieldValue[];
}

/**
 * Who holds each unique value the batch may write, filled in as the batch claims them: a value
 * held by any other record — including one of the batch that is getting a different value — or
 * already claimed by an earlier record of the batch is taken.
 */
type UniqueHolders = Map<string, Set<string>>;

async function uniqueHolders(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  values: Iterable<EnrichedFieldValue>,
): Promise<UniqueHolders> {
  const spec = entity.fields[entity.unique.field];
  const candidates = new Set<string>();
  for (const v of values) {
    if (v.field !== entity.unique.field || !spec) continue;
    const parsed = spec.input.safeParse(v.value);
    if (parsed.success && typeof parsed.data === "string" && filled(parsed.data)) candidates.add(parsed.data);
  }
  const holders: UniqueHolders = new Map();
  for (const h of await uniqueValueHolders(db, entity, workspaceId, [...candidates])) {
    holders.set(h.value, (holders.get(h.value) ?? new Set()).add(h.id));
  }
  return holders;
}

function takenByOther(holders: UniqueHolders, value: unknown, recordId: string): boolean {
  return [...(holders.get(String(value)) ?? [])].some((id) => id !== recordId);
}

/** The single-record rules, value by value in input order. Claims the unique values it accepts. */
function planRecord(
  entity: EntityDef,
  row: RecordRow,
  sources: FieldSources,
  values: readonly EnrichedFieldValue[],
  opts: ApplyOptions,
  holders: UniqueHolders,
): RecordPlan {
  const plan: RecordPlan = {
    recordId: row.id,
    result: { applied: [], skipped: [] },
    columns: {},
    changes: [],
    accepted: [],
  };
  const skip = (field: string, reason: string) => plan.result.skipped.push({ field, reason });
  for (const v of values) {
    const spec = entity.fields[v.field];
    if (!spec || spec.kind === "uuid") {
      skip(v.field, `${v.field} is not an enrichable field`);
      continue;
    }
    const parsed = spec.input.safeParse(v.value);
    if (!parsed.success || !filled(parsed.data)) {
      const why = parsed.success ? "is empty" : (parsed.error.issues[0]?.message ?? "is invalid");
      skip(v.field, `the value ${why}`);
      continue;
    }
    const current = row[v.field];
    if (filled(current) && !sources[v.field] && !opts.overwrite) {
      skip(v.field, "a user typed this value");
      continue;
    }
    if (plan.accepted.some((a) => a.field === v.field)) {
      skip(v.field, `${v.field} was given more than once`);
      continue;
    }
    if (v.field === entity.unique.field) {
      if (takenByOther(holders, parsed.data, row.id)) {
        skip(v.field, `another ${entity.name} has this ${v.field}`);
        continue;
      }
      holders.set(String(parsed.data), new Set([row.id]));
    }
    if (!sameValue(current, parsed.data)) {
      plan.columns[v.field] = parsed.data;
      plan.changes.push({ field: v.field, old: current ?? null, new: parsed.data, provider: v.provider });
    }
    plan.accepted.push(v);
    plan.result.applied.push(v.field);
  }
  return plan;
}

/** The writes of the whole batch: one update, one activity insert, one provenance upsert. */
async function writePlans(
  ctx: ServiceCtx,
  db: Database,
  entity: EntityDef,
  plans: readonly RecordPlan[],
  opts: ApplyOptions,
): Promise<void> {
  const changed = plans.filter((p) => p.changes.length > 0);
  const actorId = actorUserId(ctx.actor);
  const updates: RecordColumnValues[] = changed.map((p) => ({ id: p.recordId, values: p.columns }));
  await updateEnrichedColumns(db, entity, ctx.workspaceId, updates);
  const activities: NewActivity[] = changed.map((p) => ({
    workspaceId: ctx.workspaceId,
    entity: entity.name,
    recordId: p.recordId,
    actorId,
    source: "enrichment",
    action: "update",
    changes: p.changes,
  }));
  await insertActivities(db, activities);
  const provenance: NewFieldSource[] = plans.flatMap((p) =>
    p.accepted.map((v) => ({
      workspaceId: ctx.workspaceId,
      entity: entity.name,
      recordId: p.recordId,
      field: v.field,
      provider: v.provider,
      confidence: Math.round(Math.min(100, Math.max(0, v.confidence))),
      verification: v.verification,
      fetchedAt: v.fetchedAt,
      runId: opts.runId,
      sandbox: v.sandbox,
    })),
  );
  await upsertFieldSources(db, provenance);
}

/** Contacts whose link domain (company_domain, or the email it falls back to) enrichment changed. */
function domainChanges(rows: ReadonlyMap<string, RecordRow>, plans: readonly RecordPlan[]): Relink[] {
  const out: Relink[] = [];
  for (const plan of plans) {
    const row = rows.get(plan.recordId);
    if (!row || !("email" in plan.columns || "company_domain" in plan.columns)) continue;
    const after = { ...row, ...plan.columns };
    const domain = linkDomainOf(after);
    if (domain === linkDomainOf(row)) continue;
    out.push({
      id: row.id,
      domain,
      companyName: typeof after.company_name === "string" ? after.company_name : null,
    });
  }
  return out;
}
