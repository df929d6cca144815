import type { FilterGroup } from "@quarry/records/schemas/filter";

export type EntityKey = "contacts" | "companies";
export type ColumnType = "text" | "email" | "url" | "number" | "tags" | "date" | "boolean" | "select";

export interface ColumnDef {
  /** The API field: a standard field name or `custom.<key>`. */
  key: string;
  label: string;
  type: ColumnType;
  width: number;
  editable: boolean;
  /** The API can sort by `key` (virtual columns too: a contact's "name"). */
  sortable: boolean;
  /** Not shown until the user picks it in the column chooser. */
  defaultHidden?: boolean;
  /** Computed for display only: not a field the API can write (or filter or sort, unless `sortable`/`filterable` say so). */
  virtual?: boolean;
  /** A virtual column the API can still filter by its key (a contact's "name"). */
  filterable?: boolean;
  /** Choices for select fields. */
  options?: readonly string[];
}

/** A contact or a company as the grid sees it: the contract's record shape, field by field. */
export interface RecordRow {
  id: string;
  custom: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  [field: string]: unknown;
}

/** Partial `data` for create and update; `null` clears a field. */
export type RecordPatch = Record<string, unknown>;

export interface ListParams {
  filter?: FilterGroup;
  sort?: { field: string; direction: "asc" | "desc" };
  search?: string;
  /** List the trash (soft-deleted records) instead of live ones. */
  deleted?: boolean;
}

export interface ListPage {
  items: RecordRow[];
  nextCursor: string | null;
  total: { value: number; exact: boolean };
}

export interface EntityConfig {
  key: EntityKey;
  /** The name records.activity.list and records.fields.list use. */
  entity: "contact" | "company";
  singular: string;
  plural: string;
  columns: readonly ColumnDef[];
  /** Fields the "New …" dialog asks for. */
  createFields: readonly string[];
  displayName: (row: RecordRow) => string;
}
