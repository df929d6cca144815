import { type RawBuilder, sql } from "kysely";
import type { FilterOperator } from "../schemas/filter.ts";

/** How a value is compared: standard field kinds plus the kinds custom fields add. */
export type ValueKind =
  | "text"
  | "integer"
  | "number"
  | "text_array"
  | "uuid"
  | "timestamp"
  | "date"
  | "boolean";

/** A field named in a filter or sort, already checked against the entity and the custom definitions. */
export type FieldRef =
  | { source: "column"; column: string; kind: ValueKind; nullable: boolean }
  /** A field of the linked record (a contact's company): empty when there is none or it is deleted. */
  | { source: "linked"; table: string; via: string; column: string; kind: ValueKind; nullable: true }
  /** A contact's name as people read it (full name, else first and last, else email), lowercased. */
  | { source: "contact_name"; kind: "text"; nullable: true }
  | { source: "custom"; key: string; kind: ValueKind; nullable: true };

/** A filter whose fields and values have been validated: safe to turn into SQL. */
export type CheckedFilter =
  | { op: "and" | "or"; conditions: CheckedFilter[] }
  | { ref: FieldRef; operator: FilterOperator; value: unknown };

const castOf: Record<ValueKind, string> = {
  text: "text",
  integer: "bigint",
  number: "numeric",
  text_array: "text[]",
  uuid: "uuid",
  timestamp: "timestamptz",
  date: "text",
  boolean: "boolean",
};

/** The SQL expression for a field. Column names come from the entity description, custom keys are parameters. */
export function fieldExpr(ref: FieldRef): RawBuilder<unknown> {
  if (ref.source === "column") return sql.ref(`t.${ref.column}`);
  if (ref.source === "linked") return sql`(select ${sql.ref(`l.${ref.column}`)} ${linkedFrom(ref)})`;
  if (ref.source === "contact_name") {
    // Lowercased, so "bob@…" sorts beside "Bert" rather than after every capital.
    return sql`lower(coalesce(nullif(t.full_name, ''), nullif(trim(concat_ws(' ', t.first_name, t.last_name)), ''), t.email))`;
  }
  if (ref.kind === "number") {
    return sql`(case when jsonb_typeof(t.custom -> ${ref.key}) = 'number' then (t.custom ->> ${ref.key})::numeric end)`;
  }
  if (ref.kind === "boolean") {
    return sql`(case when jsonb_typeof(t.custom -> ${ref.key}) = 'boolean' then (t.custom ->> ${ref.key})::boolean end)`;
  }
  return sql`(t.custom ->> ${ref.key})`;
}

/** A parameter cast to the field's SQL type. */
export function typedValue(kind: ValueKind, value: unknown): RawBuilder<unknown> {
  return sql`cast(${value} as ${sql.raw(castOf[kind])})`;
}

export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function conditionSql(
  ref: FieldRef,
  operator: FilterOperator,
  value: unknown,
  alias = "t",
): RawBuilder<boolean> {
  const e = ref.source === "column" ? sql.ref(`${alias}.${ref.column}`) : fieldExpr(ref);
  const v = (x: unknown) => typedValue(ref.kind, x);
  const list = Array.isArray(value) ? value : [];
  if (ref.kind === "text_array") {
    switch (operator) {
      case "equals":
      case "contains":
        return sql<boolean>`${e} @> array[${value}]::text[]`;
      case "not_equals":
        return sql<boolean>`not (${e} @> array[${value}]::text[])`;
      case "in":
        return sql<boolean>`${e} && ${list}::text[]`;
      case "is_empty":
        return sql<boolean>`coalesce(cardinality(${e}), 0) = 0`;
      case "is_not_empty":
        return sql<boolean>`cardinality(${e}) > 0`;
      default:
        throw new Error(`operator ${operator} is not supported on lists`);
    }
  }
  const blankable = ref.kind === "text" || ref.kind === "date";
  switch (operator) {
    case "equals":
      return sql<boolean>`${e} = ${v(value)}`;
    case "not_equals":
      return sql<boolean>`${e} is distinct from ${v(value)}`;
    case "contains":
      return sql<boolean>`${e} ilike ${likePattern(String(value))}`;
    case "in":
      return sql<boolean>`${e} = any(cast(${list} as ${sql.raw(`${castOf[ref.kind]}[]`)}))`;
    case "is_empty":
      return blankable ? sql<boolean>`(${e} is null or ${e} = '')` : sql<boolean>`${e} is null`;
    case "is_not_empty":
      return blankable ? sql<boolean>`(${e} is not null and ${e} <> '')` : sql<boolean>`${e} is not null`;
    case "gt":
      return sql<boolean>`${e} > ${v(value)}`;
    case "gte":
      return sql<boolean>`${e} >= ${v(value)}`;
    case "lt":
      return sql<boolean>`${e} < ${v(value)}`;
    case "lte":
      return sql<boolean>`${e} <= ${v(value)}`;
    case "between":
      return sql<boolean>`${e} between ${v(list[0])} and ${v(list[1])}`;
  }
}

function linkedFrom(ref: Extract<FieldRef, { source: "linked" }>): RawBuilder<unknown> {
  return sql`from ${sql.table(ref.table)} as l
    where l.id = ${sql.ref(`t.${ref.via}`)} and l.workspace_id = t.workspace_id and l.deleted_at is null`;
}

/** Conditions that hold for a record without a linked record: written as "no linked record with the opposite". */
const negated: Partial<Record<FilterOperator, FilterOperator>> = {
  not_equals: "equals",
  is_empty: "is_not_empty",
};

/**
 * A condition on a linked record's field as a semi-join (EXISTS: PostgreSQL can read the linked
 * table by its own filter first) rather than a lookup per row.
 */
function linkedConditionSql(
  ref: Extract<FieldRef, { source: "linked" }>,
  operator: FilterOperator,
  value: unknown,
): RawBuilder<boolean> {
  const inner = (op: FilterOperator) =>
    conditionSql({ source: "column", column: ref.column, kind: ref.kind, nullable: true }, op, value, "l");
  const opposite = negated[operator];
  if (opposite) return sql<boolean>`not exists (select 1 ${linkedFrom(ref)} and ${inner(opposite)})`;
  return sql<boolean>`exists (select 1 ${linkedFrom(ref)} and ${inner(operator)})`;
}

/** The filter tree as one parameterised boolean expression. */
export function filterSql(filter: CheckedFilter): RawBuilder<boolean> {
  if ("ref" in filter) {
    if (filter.ref.source === "linked") return linkedConditionSql(filter.ref, filter.operator, filter.value);
    return conditionSql(filter.ref, filter.operator, filter.value);
  }
  if (filter.conditions.length === 0) return sql<boolean>`true`;
  const parts = filter.conditions.map((c) => sql<boolean>`(${filterSql(c)})`);
  return sql<boolean>`(${sql.join(parts, sql` ${sql.raw(filter.op)} `)})`;
}

export function castName(kind: ValueKind): string {
  return castOf[kind];
}
