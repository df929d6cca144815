import type { RouterOutputs } from "../../../app/trpc.ts";
import { type Entity, fieldLabel } from "../lib/format.ts";
import { SANDBOX_LABEL } from "../lib/sandbox.ts";

type Waterfall = RouterOutputs["enrichment"]["settings"]["get"]["waterfalls"][number];

interface FieldPickerProps {
  entity: Entity;
  waterfalls: readonly Waterfall[];
  nameOf: (id: string) => string;
  isSandbox: (id: string) => boolean;
  value: readonly string[];
  onChange: (fields: string[]) => void;
}

/** A checkbox per enrichable field, with the providers its waterfall tries in order. */
export function FieldPicker({ entity, waterfalls, nameOf, isSandbox, value, onChange }: FieldPickerProps) {
  const toggle = (field: string, on: boolean) =>
    onChange(on ? [...value, field] : value.filter((f) => f !== field));
  return (
    <fieldset className="field-picker">
      <legend className="visually-hidden">Fields to enrich</legend>
      {waterfalls.map((w) => {
        const empty = w.providers.length === 0;
        const names = w.providers.map(nameOf);
        return (
          <label key={w.field} className={`field-option${empty ? " off" : ""}`}>
            <input
              type="checkbox"
              disabled={empty}
              checked={value.includes(w.field)}
              onChange={(event) => toggle(w.field, event.target.checked)}
            />
            <span>
              <span className="field-option-name">{fieldLabel(entity, w.field)}</span>
              <span className="muted small block">
                {empty ? "No provider in its waterfall" : names.join(" → ")}
              </span>
              {w.providers.some(isSandbox) ? <span className="badge sandbox">{SANDBOX_LABEL}</span> : null}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
