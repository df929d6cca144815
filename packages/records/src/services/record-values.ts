import { AppError, badInput } from "@quarry/core/app-error";
import type { Database } from "@quarry/db/client";
import type { z } from "zod";
import { liveRecordExists, type RecordRow } from "../queries/records.queries.ts";
import type { FieldChange } from "../schemas/activity.ts";
import { type EntityDef, tableOf } from "../schemas/entities.ts";
import type { FieldSources } from "../schemas/field-sources.ts";
import type { FieldMap } from "../schemas/field-types.ts";
import { type RecordData, type RecordOf, recordDataSchema } from "../schemas/record-schemas.ts";
import { qualityScore } from "./record-quality.ts";

const dataSchemas = new WeakMap<FieldMap, z.ZodType>();

/**
 * Validates and normalises record data again on the server side of every service, so imports,
 * enrichment and the API get the same rules as the app. Errors name `data.<field>`.
 */
export function parseRecordData<F extends FieldMap>(entity: EntityDef<F>, data: unknown): RecordData<F> {
  let schema = dataSchemas.get(entity.fields);
  if (!schema) {
    schema = recordDataSchema(entity.fields);
    dataSchemas.set(entity.fields, schema);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = ["data", ...(issue?.path ?? []).map(String)].join(".");
    throw badInput(field, `${field} ${issue?.message ?? "is invalid"}`);
  }
  return result.data as RecordData<F>;
}

/** The standard-field values given in `data` (a null list becomes an empty list). */
export function givenColumns(entity: EntityDef, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(entity.fields)) {
    if (!(name in data) || data[name] === undefined) continue;
    const value = data[name];
    out[name] = value === null && spec.kind === "text_array" ? [] : value;
  }
  return out;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Changes from `before` to `after`; only fields whose value really changed. */
export function diffValues(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix = "",
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(after)) {
    const old = before[field] ?? null;
    if (!sameValue(old, value)) changes.push({ field: `${prefix}${field}`, old, new: value ?? null });
  }
  return changes;
}

/** The record as procedures return it; `sources` is the provenance of its enriched fields. */
export function toRecord<F extends FieldMap>(
  entity: EntityDef<F>,
  row: RecordRow,
  sources: FieldSources = {},
): RecordOf<F> {
  const out: Record<string, unknown> = { id: row.id };
  for (const name of Object.keys(entity.fields)) out[name] = row[name] ?? null;
  if (entity.linked) out[entity.linked.as] = row.linked_record ?? null;
  out.custom = row.custom ?? {};
  out.createdAt = row.created_at.toISOString();
  out.updatedAt = row.updated_at.toISOString();
  out.deletedAt = row.deleted_at ? row.deleted_at.toISOString() : null;
  out.quality = qualityScore(entity.name, out, sources);
  out.sources = sources;
  return out as RecordOf<F>;
}

/** The standard values of a row, keyed by field name. */
export function rowValues(entity: EntityDef, row: RecordRow): Record<string, unknown> {
  return Object.fromEntries(Object.keys(entity.fields).map((name) => [name, row[name] ?? null]));
}

/** Link fields (company_id) must point at a live record of the same workspace. */
export async function checkLinks(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  columns: Record<string, unknown>,
): Promise<void> {
  for (const [field, target] of Object.entries(entity.links)) {
    const id = columns[field];
    if (typeof id !== "string" || !target) continue;
    if (!(await liveRecordExists(db, tableOf[target], workspaceId, id))) {
      throw badInput(`data.${field}`, `data.${field} must be a ${target} in this workspace`);
    }
  }
}

/** Turns the unique-index violation on email / domain into CONFLICT naming that field. */
export function uniqueConflict(entity: EntityDef, error: unknown): unknown {
  const e = error as { code?: string; constraint?: string } | null;
  if (e?.code === "23505" && e.constraint === entity.unique.constraint) {
    const field = entity.unique.field;
    return new AppError("CONFLICT", `Another ${entity.label.toLowerCase()} already has this ${field}`, {
      field: `data.${field}`,
    });
  }
  return error;
}

/**
 * A record keeps at least one identifying value (contacts: a name, an email or a LinkedIn URL;
 * companies: a name or a domain), so nothing in the lists reads "Unnamed". `values` is the record
 * as it will be stored: the given fields on create, the row with the changes on update.
 */
export function checkIdentity(entity: EntityDef, values: Record<string, unknown>): void {
  const named = entity.identity.fields.some((field) => {
    const value = values[field];
    return typeof value === "string" ? value.trim() !== "" : value !== null && value !== undefined;
  });
  if (!named) throw badInput("data", entity.identity.message);
}
