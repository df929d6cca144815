import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { Dialog } from "../../../app/ui/dialog.tsx";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";
import type { ColumnDef, EntityConfig, RecordPatch, RecordRow } from "../entities/types.ts";
import { parseInput } from "../entities/values.ts";
import type { RecordApi } from "../hooks/use-record-api.ts";

interface NewRecordDialogProps {
  open: boolean;
  onClose: () => void;
  config: EntityConfig;
  api: RecordApi;
  onCreated: (record: RecordRow) => void;
}

export function NewRecordDialog({ open, onClose, config, ...rest }: NewRecordDialogProps) {
  const title = `New ${config.singular}`;
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <NewRecordForm config={config} onClose={onClose} {...rest} />
    </Dialog>
  );
}

function NewRecordForm({ config, api, onCreated, onClose }: Omit<NewRecordDialogProps, "open">) {
  const fields = config.createFields.flatMap((key) => config.columns.filter((column) => column.key === key));
  const [values, setValues] = useState<Record<string, string>>({});
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (data: RecordPatch) => api.create(data),
    onSuccess: (record) => {
      toast.success(`${config.displayName(record)} created.`);
      onCreated(record);
      onClose();
    },
  });
  const server = formErrors(
    create.error,
    fields.map((field) => field.key),
    Object.fromEntries(fields.map((field) => [field.key, field.label])),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const data: RecordPatch = {};
    const errors: Record<string, string> = {};
    for (const field of fields) {
      const text = values[field.key] ?? "";
      if (!text.trim()) continue;
      const parsed = parseInput(text, field);
      if (parsed.ok) data[field.key] = parsed.value;
      else errors[field.key] = `${field.label} ${parsed.error}`;
    }
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) create.mutate(data);
  }

  const input = (field: ColumnDef) => (
    <TextField
      key={field.key}
      label={field.label}
      type={field.type === "email" ? "email" : field.type === "url" ? "url" : "text"}
      inputMode={field.type === "number" ? "numeric" : undefined}
      value={values[field.key] ?? ""}
      onChange={(event) => setValues((current) => ({ ...current, [field.key]: event.target.value }))}
      error={localErrors[field.key] ?? server.fields[field.key]}
    />
  );

  return (
    <form className="dialog-body stack" noValidate onSubmit={submit}>
      <FormAlert message={server.general} />
      <div className="form-grid">{fields.map(input)}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={create.isPending}>
          {create.isPending ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
