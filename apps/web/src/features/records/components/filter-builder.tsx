import { useState } from "react";
import { Dialog } from "../../../app/ui/dialog.tsx";
import { type DraftCondition, operatorsFor } from "../entities/filter-draft.ts";
import type { ColumnDef } from "../entities/types.ts";
import { FilterConditionRow } from "./filter-condition-row.tsx";

interface FilterBuilderProps {
  open: boolean;
  onClose: () => void;
  title: string;
  columns: readonly ColumnDef[];
  op: "and" | "or";
  drafts: readonly DraftCondition[];
  onApply: (op: "and" | "or", drafts: DraftCondition[]) => void;
}

let nextId = 1;

export function FilterBuilder(props: FilterBuilderProps) {
  return (
    <Dialog open={props.open} onClose={props.onClose} title={props.title} className="filter-dialog">
      <FilterForm {...props} />
    </Dialog>
  );
}

function FilterForm({ columns, onApply, onClose, ...props }: FilterBuilderProps) {
  const filterable = columns.filter((column) => !column.virtual || column.filterable);
  const [op, setOp] = useState(props.op);
  const [drafts, setDrafts] = useState<DraftCondition[]>(() => [...props.drafts]);

  const add = () => {
    const first = filterable[0];
    const operators = operatorsFor(first);
    const operator = operators.includes("contains") ? "contains" : (operators[0] ?? "equals");
    setDrafts((list) => [...list, { id: nextId++, field: first?.key ?? "", operator, value: "", to: "" }]);
  };
  const change = (id: number, patch: Partial<DraftCondition>) =>
    setDrafts((list) => list.map((draft) => (draft.id === id ? { ...draft, ...patch } : draft)));
  const remove = (id: number) => setDrafts((list) => list.filter((draft) => draft.id !== id));

  return (
    <form
      className="dialog-body stack"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(op, drafts);
        onClose();
      }}
    >
      <fieldset className="segmented">
        <legend>Match</legend>
        <label>
          <input type="radio" name="filter-op" checked={op === "and"} onChange={() => setOp("and")} />
          All conditions (AND)
        </label>
        <label>
          <input type="radio" name="filter-op" checked={op === "or"} onChange={() => setOp("or")} />
          Any condition (OR)
        </label>
      </fieldset>
      {drafts.length === 0 ? <p className="muted">No conditions yet.</p> : null}
      <ol className="filter-list" aria-label="Conditions">
        {drafts.map((draft, index) => (
          <FilterConditionRow
            key={draft.id}
            index={index}
            draft={draft}
            columns={filterable}
            onChange={(patch) => change(draft.id, patch)}
            onRemove={() => remove(draft.id)}
          />
        ))}
      </ol>
      <div className="dialog-actions spread">
        <button type="button" className="button" onClick={add}>
          + Add condition
        </button>
        <span className="row-gap">
          <button type="button" className="button" onClick={() => setDrafts([])}>
            Clear all
          </button>
          <button type="submit" className="button primary">
            Apply
          </button>
        </span>
      </div>
    </form>
  );
}
