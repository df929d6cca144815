import { badInput } from "@quarry/core/app-error";
import { z } from "zod";
import type { ValueKind } from "../queries/record-sql.ts";

/** Opaque keyset cursors: base64url JSON of the last row's sort value and id (plus the sort it belongs to). */
export function encodeCursor(payload: object): string {
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {}
  throw badInput("cursor", "cursor is not valid: start again from the first page");
}

const patterns: Partial<Record<ValueKind, RegExp>> = {
  integer: /^-?\d{1,19}$/,
  number: /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  timestamp: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
  boolean: /^(true|false)$/,
  text_array: /^\{.*\}$/s,
};

export const recordCursorSchema = z.object({
  f: z.string(),
  d: z.enum(["asc", "desc"]),
  v: z.string().max(12_000).nullable(),
  id: z.uuid(),
  /** The total counted for the first page, carried along so later pages need not count again. */
  n: z.number().int().min(0),
  x: z.boolean(),
});
export type RecordCursor = z.infer<typeof recordCursorSchema>;

/** A cursor for this sort whose value can be cast to the field's type. */
export function decodeRecordCursor(
  cursor: string,
  sort: { field: string; direction: string; kind: ValueKind },
) {
  const c = decodeCursor(cursor, recordCursorSchema);
  const pattern = patterns[sort.kind];
  if (c.f !== sort.field || c.d !== sort.direction || (c.v !== null && pattern && !pattern.test(c.v))) {
    throw badInput("cursor", "cursor belongs to another sort: start again from the first page");
  }
  return { after: { value: c.v, id: c.id }, total: { value: c.n, exact: c.x } };
}
