import { type FieldSource, fieldSourcesSchema } from "@quarry/records/schemas/field-sources";
import type { RecordRow } from "./types.ts";

const empty: Readonly<Record<string, FieldSource>> = Object.freeze({});
const cache = new WeakMap<object, Record<string, FieldSource>>();

/** Field → provenance of the values enrichment wrote (a field typed by a person has none). */
export function sourcesOf(row: RecordRow): Readonly<Record<string, FieldSource>> {
  const raw = row.sources;
  if (typeof raw !== "object" || raw === null) return empty;
  const known = cache.get(raw);
  if (known) return known;
  const parsed = fieldSourcesSchema.safeParse(raw);
  const value = parsed.success ? parsed.data : empty;
  cache.set(raw, value);
  return value;
}

export function sourceOf(row: RecordRow, field: string): FieldSource | undefined {
  return sourcesOf(row)[field];
}

/** The record's 0–100 quality score, or null when the server sent none. */
export function qualityOf(row: RecordRow): number | null {
  return typeof row.quality === "number" ? row.quality : null;
}
