import { badInput } from "@quarry/core/app-error";
import { idSchema } from "@quarry/core/ids";
import { z } from "zod";
import type { CheckedFilter, FieldRef, ValueKind } from "../queries/record-sql.ts";
import type { CustomField, CustomFieldType } from "../schemas/custom-fields.ts";
import type { EntityDef } from "../schemas/entities.ts";
import {
  type FilterCondition,
  type FilterGroup,
  type FilterOperator,
  isFilterGroup,
  operatorsByKind,
} from "../schemas/filter.ts";

const systemColumns: Record<string, string> = {
  created_at: "created_at",
  createdAt: "created_at",
  updated_at: "updated_at",
  updatedAt: "updated_at",
};

const customKinds: Record<CustomFieldType, ValueKind> = {
  text: "text",
  url: "text",
  email: "text",
  select: "text",
  number: "number",
  date: "date",
  boolean: "boolean",
};

/**
 * A field name from a filter or sort → the column, custom key or linked record's field
 * (`company.industry` on contacts) it means; BAD_REQUEST naming `path` otherwise.
 */
export function resolveField(entity: EntityDef, defs: CustomField[], name: string, path: string): FieldRef {
  if (name.startsWith("custom.")) {
    const key = name.slice("custom.".length);
    const def = defs.find((d) => d.key === key);
    if (!def)
      throw badInput(path, `${path}: ${name} is not a custom field of ${entity.label.toLowerCase()}s`);
    return { source: "custom", key, kind: customKinds[def.type], nullable: true };
  }
  const linked = entity.linked;
  if (linked && name.startsWith(`${linked.as}.`)) {
    const column = name.slice(linked.as.length + 1);
    const spec = linked.names.includes(column) ? linked.fields[column] : undefined;
    if (!spec) {
      throw badInput(
        path,
        `${path}: ${name} is not a ${linked.as} field ${entity.label.toLowerCase()}s can use`,
      );
    }
    return {
      source: "linked",
      table: linked.table,
      via: linked.field,
      column,
      kind: spec.kind,
      nullable: true,
    };
  }
  const system = systemColumns[name];
  if (system) return { source: "column", column: system, kind: "timestamp", nullable: false };
  const spec = Object.hasOwn(entity.fields, name) ? entity.fields[name] : undefined;
  // Contacts have no name column: "name" is what the grid's Name column shows.
  if (!spec && name === "name" && entity.name === "contact") {
    return { source: "contact_name", kind: "text", nullable: true };
  }
  if (!spec) throw badInput(path, `${path}: ${name} is not a field of ${entity.label.toLowerCase()}s`);
  return { source: "column", column: name, kind: spec.kind, nullable: spec.kind !== "text_array" };
}

const valueSchemas: Record<ValueKind, z.ZodType> = {
  text: z.string({ message: "must be text" }),
  integer: z.number({ message: "must be a number" }).int({ message: "must be a whole number" }),
  number: z.number({ message: "must be a number" }),
  text_array: z.string({ message: "must be text" }),
  uuid: idSchema,
  timestamp: z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
    message: "must be an ISO date or date-time",
  }),
  date: z.iso.date({ message: "must be a date (YYYY-MM-DD)" }),
  boolean: z.boolean({ message: "must be true or false" }),
};

const allowed: Record<ValueKind, readonly FilterOperator[]> = operatorsByKind;

function checkValue(ref: FieldRef, raw: unknown, path: string, lowercase: boolean): unknown {
  const result = valueSchemas[ref.kind].safeParse(raw);
  if (!result.success) throw badInput(path, `${path} ${result.error.issues[0]?.message ?? "is invalid"}`);
  return lowercase && typeof result.data === "string" ? result.data.toLowerCase() : result.data;
}

function checkCondition(
  entity: EntityDef,
  defs: CustomField[],
  c: FilterCondition,
  path: string,
): CheckedFilter {
  const ref = resolveField(entity, defs, c.field, `${path}.field`);
  if (!allowed[ref.kind].includes(c.operator)) {
    throw badInput(`${path}.operator`, `${path}.operator: ${c.operator} does not apply to ${c.field}`);
  }
  const lowercase =
    ref.source === "column"
      ? Boolean(entity.fields[ref.column]?.lowercase)
      : ref.source === "linked"
        ? Boolean(entity.linked?.fields[ref.column]?.lowercase)
        : ref.source === "contact_name"
          ? true
          : defs.find((d) => d.key === ref.key)?.type === "email";
  const valuePath = `${path}.value`;
  if (c.operator === "is_empty" || c.operator === "is_not_empty")
    return { ref, operator: c.operator, value: null };
  if (c.operator === "contains" && ref.kind === "text") {
    return { ref, operator: c.operator, value: String(checkValue(ref, c.value, valuePath, false)) };
  }
  if (c.operator === "in" || c.operator === "between") {
    const list = Array.isArray(c.value) ? c.value : [];
    const value = list.map((v, i) => checkValue(ref, v, `${valuePath}.${i}`, lowercase));
    return { ref, operator: c.operator, value };
  }
  return { ref, operator: c.operator, value: checkValue(ref, c.value, valuePath, lowercase) };
}

/** Checks every field name, operator and value of a filter tree against the entity and its custom fields. */
export function checkFilter(
  entity: EntityDef,
  defs: CustomField[],
  node: FilterGroup | FilterCondition,
  path = "filter",
  depth = 0,
): CheckedFilter {
  if (!isFilterGroup(node)) return checkCondition(entity, defs, node, path);
  if (depth >= 5) throw badInput(path, `${path} nests groups too deeply (at most 5 levels)`);
  return {
    op: node.op,
    conditions: node.conditions.map((c, i) =>
      checkFilter(entity, defs, c, `${path}.conditions.${i}`, depth + 1),
    ),
  };
}

/** Whether the filter or sort names a custom field (only then are definitions loaded). */
export function mentionsCustom(node: FilterGroup | FilterCondition | undefined): boolean {
  if (!node) return false;
  if (isFilterGroup(node)) return node.conditions.some(mentionsCustom);
  return node.field.startsWith("custom.");
}
