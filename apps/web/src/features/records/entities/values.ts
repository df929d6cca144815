import { emailField, urlSchema } from "@quarry/records/schemas/field-types";
import { labelFor } from "@quarry/records/schemas/value-labels";
import { formatDate, formatNumber } from "../../../app/lib/format.ts";
import type { ColumnDef, RecordRow } from "./types.ts";

/** A cell's value: a standard field, `custom.<key>`, or `company.<field>` of a contact's linked company. */
export function fieldValue(row: RecordRow, key: string): unknown {
  if (key.startsWith("custom.")) return row.custom[key.slice(7)];
  if (key.startsWith("company.")) {
    const company = row.company;
    return typeof company === "object" && company !== null
      ? (company as Record<string, unknown>)[key.slice(8)]
      : null;
  }
  return row[key];
}

/** The text a cell shows. */
export function formatValue(value: unknown, column: Pick<ColumnDef, "type"> & { key?: string }): string {
  if (value === null || value === undefined || value === "") return "";
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (column.type === "number" && typeof value === "number") return formatNumber(value);
  if (column.type === "date" && typeof value === "string") return formatDate(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "object") return JSON.stringify(value);
  // Coded values ("vp") read as their label ("VP"); the stored key is unchanged.
  return column.key ? labelFor(column.key, String(value)) : String(value);
}

/** The text an editor starts with. */
export function editText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(String).join(", ");
  return String(value);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** Editor text → the value sent to the server; an empty input clears the field (null). */
export function parseInput(text: string, column: Pick<ColumnDef, "type">): Parsed {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  switch (column.type) {
    case "number": {
      const value = Number(trimmed.replaceAll(",", ""));
      return Number.isFinite(value) ? { ok: true, value } : { ok: false, error: "must be a number" };
    }
    case "tags":
      return {
        ok: true,
        value: trimmed
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      };
    case "email":
    case "url": {
      // The server's own rules, so a bad address is caught in the cell before anything is sent.
      const schema = column.type === "email" ? emailField().input : urlSchema;
      const result = schema.safeParse(trimmed);
      return result.success
        ? { ok: true, value: trimmed }
        : { ok: false, error: result.error.issues[0]?.message ?? "is not valid" };
    }
    case "boolean":
      return { ok: true, value: ["true", "yes", "1"].includes(trimmed.toLowerCase()) };
    default:
      return { ok: true, value: trimmed };
  }
}

/** `{ title: "CTO" }` or `{ custom: { score: 3 } }`: the update `data` for one field. */
export function patchFor(key: string, value: unknown): Record<string, unknown> {
  if (key.startsWith("custom.")) return { custom: { [key.slice(7)]: value } };
  return { [key]: value };
}

/** The row with one field changed, as the grid shows it before the server answers. */
export function withValue(row: RecordRow, key: string, value: unknown): RecordRow {
  if (key.startsWith("custom.")) return { ...row, custom: { ...row.custom, [key.slice(7)]: value } };
  return { ...row, [key]: value };
}
