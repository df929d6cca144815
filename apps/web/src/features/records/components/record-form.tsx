import { optionsFor } from "@quarry/records/schemas/value-labels";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useLayoutEffect, useState } from "react";
import { toast } from "sonner";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { SelectField } from "../../../app/ui/select-field.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";
import type { ColumnDef, RecordPatch, RecordRow } from "../entities/types.ts";
import { editText, fieldValue, formatValue, parseInput, patchFor } from "../entities/values.ts";

/** A coded field's choices, with "none" first and a value typed elsewhere kept as it is. */
function choicesFor(field: string, current: string): { value: string; label: string }[] {
  const options = optionsFor(field) ?? [];
  const kept =
    current && !options.some((o) => o.value === current) ? [{ value: current, label: current }] : [];
  return [{ value: "", label: "—" }, ...kept, ...options];
}

interface RecordFormProps {
  record: RecordRow;
  columns: readonly ColumnDef[];
  readOnly: boolean;
  onSave: (data: RecordPatch) => Promise<RecordRow>;
  /** Told whether any field differs from the record (so closing can ask before discarding). */
  onDirtyChange?: (dirty: boolean) => void;
}

function merge(target: RecordPatch, patch: RecordPatch) {
  for (const [key, value] of Object.entries(patch)) {
    const existing = target[key];
    if (key === "custom" && typeof existing === "object" && existing !== null && typeof value === "object") {
      target[key] = { ...existing, ...value };
    } else target[key] = value;
  }
}

/** Every field of a record; changed fields are saved together, errors shown beside each. */
export function RecordForm({ record, columns, readOnly, onSave, onDirtyChange }: RecordFormProps) {
  const fields = columns.filter((column) => !column.virtual);
  const initial = Object.fromEntries(fields.map((c) => [c.key, editText(fieldValue(record, c.key))]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useMutation({ mutationFn: onSave, onSuccess: () => toast.success("Changes saved.") });
  const server = formErrors(
    save.error,
    fields.map((c) => c.key),
    Object.fromEntries(fields.map((c) => [c.key, c.label])),
  );
  const changed = fields.filter((c) => c.editable && values[c.key] !== initial[c.key]);
  const dirty = !readOnly && changed.length > 0;
  // A layout effect: the panel knows before the next key (Escape) is handled.
  useLayoutEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const data: RecordPatch = {};
    const errors: Record<string, string> = {};
    for (const column of changed) {
      const parsed = parseInput(values[column.key] ?? "", column);
      if (parsed.ok) merge(data, patchFor(column.key, parsed.value));
      else errors[column.key] = `${column.label} ${parsed.error}`;
    }
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0 && changed.length > 0) save.mutate(data);
  }

  if (readOnly) {
    return (
      <dl className="details record-details">
        {fields.map((column) => (
          <div key={column.key} className="detail-row">
            <dt>{column.label}</dt>
            <dd>{formatValue(fieldValue(record, column.key), column) || <span className="muted">—</span>}</dd>
          </div>
        ))}
      </dl>
    );
  }

  return (
    <form className="stack record-form" noValidate onSubmit={submit}>
      <FormAlert message={server.general} />
      <div className="form-grid">
        {fields.map((column) =>
          column.editable && optionsFor(column.key) ? (
            <SelectField
              key={column.key}
              label={column.label}
              value={values[column.key] ?? ""}
              onChange={(event) => setValues((current) => ({ ...current, [column.key]: event.target.value }))}
              options={choicesFor(column.key, values[column.key] ?? "")}
              error={localErrors[column.key] ?? server.fields[column.key]}
            />
          ) : column.editable ? (
            <TextField
              key={column.key}
              label={column.label}
              type={column.type === "email" ? "email" : column.type === "url" ? "url" : "text"}
              value={values[column.key] ?? ""}
              onChange={(event) => setValues((current) => ({ ...current, [column.key]: event.target.value }))}
              error={localErrors[column.key] ?? server.fields[column.key]}
            />
          ) : (
            <div key={column.key} className="field">
              <span className="field-label">{column.label}</span>
              <span className="field-static">
                {formatValue(fieldValue(record, column.key), column) || "—"}
              </span>
            </div>
          ),
        )}
      </div>
      <div className="form-footer">
        <span role="status" className="muted small">
          {save.isSuccess && changed.length === 0 ? "Saved." : changed.length > 0 ? "Unsaved changes" : ""}
        </span>
        <button type="submit" className="button primary" disabled={save.isPending || changed.length === 0}>
          {save.isPending ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
