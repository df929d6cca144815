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

/**
 * A checkbox per enrichable field, with the providers its waterfall tries in order. Fields no
 * enabled provider can fill are greyed out, and why is said once below for all of them.
 */
export function FieldPicker({ entity, waterfalls, nameOf, isSandbox, value, onChange }: FieldPickerProps) {
  const toggle = (field: string, on: boolean) =>
    onChange(on ? [...value, field] : value.filter((f) => f !== field));
  const blocked = new Map<string, string[]>();
  for (const w of waterfalls) {
    if (w.unavailable === null) continue;
    blocked.set(w.unavailable, [...(blocked.get(w.unavailable) ?? []), fieldLabel(entity, w.field)]);
  }
  return (
    <div className="stack">
      <fieldset className="field-picker">
        <legend className="visually-hidden">Fields to enrich</legend>
        {waterfalls.map((w) => {
          const off = w.unavailable !== null;
          return (
            <label key={w.field} className={`field-option${off ? " off" : ""}`}>
              <input
                type="checkbox"
                disabled={off}
                aria-describedby={off ? "unfillable-fields" : undefined}
                checked={!off && value.includes(w.field)}
                onChange={(event) => toggle(w.field, event.target.checked)}
              />
              <span>
                <span className="field-option-name">{fieldLabel(entity, w.field)}</span>
                {off ? null : (
                  <span className="muted small block">{w.providers.map(nameOf).join(" → ")}</span>
                )}
                {!off && w.providers.some(isSandbox) ? (
                  <span className="badge sandbox">{SANDBOX_LABEL}</span>
                ) : null}
              </span>
            </label>
          );
        })}
      </fieldset>
      {blocked.size > 0 ? (
        <div id="unfillable-fields" className="muted small unfillable">
          <p>Greyed-out fields can't be filled now:</p>
          <ul>
            {[...blocked].map(([reason, fields]) => (
              <li key={reason}>
                <strong>{fields.join(", ")}</strong> — {reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
