import {
  type FilterCondition,
  type FilterGroup,
  type FilterOperator,
  type OperatorKind,
  operatorsByKind,
} from "@quarry/records/schemas/filter";
import type { ColumnDef, ColumnType } from "./types.ts";

export interface DraftCondition {
  id: number;
  field: string;
  operator: FilterOperator;
  value: string;
  to: string;
}

const kindOfType: Record<ColumnType, OperatorKind> = {
  text: "text",
  email: "text",
  url: "text",
  select: "text",
  number: "number",
  date: "date",
  boolean: "boolean",
  tags: "text_array",
};

/** The operators the server accepts for a column (the same table it checks filters against). */
export function operatorsFor(column: Pick<ColumnDef, "type"> | undefined): readonly FilterOperator[] {
  return operatorsByKind[column ? kindOfType[column.type] : "text"];
}

export const noValueOperators: readonly FilterOperator[] = ["is_empty", "is_not_empty"];

function toValue(text: string, column: ColumnDef | undefined): string | number {
  const trimmed = text.trim();
  if (column?.type === "number" && trimmed !== "" && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return trimmed;
}

/** Draft rows → the contract's filter tree; rows missing a value are left out. */
export function buildFilter(
  op: "and" | "or",
  drafts: readonly DraftCondition[],
  columns: readonly ColumnDef[],
): FilterGroup | undefined {
  const conditions: FilterCondition[] = [];
  for (const draft of drafts) {
    const column = columns.find((c) => c.key === draft.field);
    if (noValueOperators.includes(draft.operator)) {
      conditions.push({ field: draft.field, operator: draft.operator });
    } else if (draft.operator === "in") {
      const values = draft.value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => toValue(part, column));
      if (values.length > 0) conditions.push({ field: draft.field, operator: "in", value: values });
    } else if (draft.operator === "between") {
      if (draft.value.trim() && draft.to.trim()) {
        conditions.push({
          field: draft.field,
          operator: "between",
          value: [toValue(draft.value, column), toValue(draft.to, column)],
        });
      }
    } else if (draft.value.trim()) {
      conditions.push({ field: draft.field, operator: draft.operator, value: toValue(draft.value, column) });
    }
  }
  return conditions.length > 0 ? { op, conditions } : undefined;
}
