import type { FilterOperator } from "@quarry/records/schemas/filter";
import { optionsFor } from "@quarry/records/schemas/value-labels";
import { type DraftCondition, noValueOperators, operatorsFor } from "../entities/filter-draft.ts";
import type { ColumnDef } from "../entities/types.ts";

const operatorLabels = {
  equals: "is",
  not_equals: "is not",
  contains: "contains",
  in: "is any of",
  is_empty: "is empty",
  is_not_empty: "is not empty",
  gt: "greater than",
  lt: "less than",
  gte: "at least",
  lte: "at most",
  between: "between",
} satisfies Record<FilterOperator, string>;

interface FilterConditionRowProps {
  index: number;
  draft: DraftCondition;
  columns: readonly ColumnDef[];
  onChange: (patch: Partial<DraftCondition>) => void;
  onRemove: () => void;
}

export function FilterConditionRow({ index, draft, columns, onChange, onRemove }: FilterConditionRowProps) {
  const n = index + 1;
  const column = columns.find((c) => c.key === draft.field);
  const choices = optionsFor(draft.field);
  const operators = operatorsFor(column);
  const inputType = column?.type === "number" ? "number" : column?.type === "date" ? "date" : "text";
  return (
    <li className="filter-row">
      <select
        aria-label={`Field ${n}`}
        value={draft.field}
        onChange={(event) => {
          const field = event.target.value;
          const allowed = operatorsFor(columns.find((c) => c.key === field));
          // A new field keeps the operator when it still applies, else takes the field's first.
          const operator = allowed.includes(draft.operator) ? draft.operator : (allowed[0] ?? "equals");
          onChange({ field, operator });
        }}
      >
        {columns.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </select>
      <select
        aria-label={`Operator ${n}`}
        value={draft.operator}
        onChange={(event) => onChange({ operator: event.target.value as FilterOperator })}
      >
        {operators.map((operator) => (
          <option key={operator} value={operator}>
            {operatorLabels[operator]}
          </option>
        ))}
      </select>
      {noValueOperators.includes(draft.operator) ? (
        <span className="filter-spacer" />
      ) : choices && (draft.operator === "equals" || draft.operator === "not_equals") ? (
        <select
          aria-label={`Value ${n}`}
          value={draft.value}
          onChange={(event) => onChange({ value: event.target.value })}
        >
          <option value="">Choose…</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          aria-label={`Value ${n}`}
          type={draft.operator === "in" ? "text" : inputType}
          placeholder={draft.operator === "in" ? "a, b, c" : "Value"}
          value={draft.value}
          onChange={(event) => onChange({ value: event.target.value })}
        />
      )}
      {draft.operator === "between" ? (
        <input
          aria-label={`Value ${n} to`}
          type={inputType}
          placeholder="to"
          value={draft.to}
          onChange={(event) => onChange({ to: event.target.value })}
        />
      ) : null}
      <button type="button" className="icon-button" aria-label={`Remove condition ${n}`} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}
