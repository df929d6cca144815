import { useState } from "react";
import type { ProviderSummary } from "../hooks/use-providers.ts";
import { formatCredits } from "../lib/format.ts";
import { SandboxBadge } from "./sandbox-badge.tsx";

interface WaterfallListProps {
  label: string;
  order: readonly string[];
  /** Every provider that can fill the field. */
  candidates: readonly ProviderSummary[];
  readOnly: boolean;
  onChange: (order: string[]) => void;
}

/** The ordered providers of one waterfall, with up/down/remove and "add provider". */
export function WaterfallList({ label, order, candidates, readOnly, onChange }: WaterfallListProps) {
  const byId = new Map(candidates.map((p) => [p.id, p]));
  const addable = candidates.filter((p) => !order.includes(p.id));
  const [adding, setAdding] = useState("");
  const move = (index: number, delta: -1 | 1) => {
    const next = [...order];
    const a = next[index];
    const b = next[index + delta];
    if (a === undefined || b === undefined) return;
    next[index] = b;
    next[index + delta] = a;
    onChange(next);
  };
  return (
    <div className="stack">
      {order.length === 0 ? <p className="muted">No providers: this field is not enriched.</p> : null}
      <ol className="waterfall-list" aria-label={label}>
        {order.map((id, index) => {
          const provider = byId.get(id);
          const name = provider?.name ?? id;
          return (
            <li key={id} className="waterfall-item">
              <span className="waterfall-step">{index + 1}</span>
              <span className="waterfall-name">
                {provider?.sandbox ? <SandboxBadge /> : name}
                <span className="muted small">
                  {" "}
                  {provider
                    ? provider.costCredits === 0
                      ? "free"
                      : `${formatCredits(provider.costCredits)} per value`
                    : ""}
                  {provider?.keyStatus === "missing" ? " · no API key: skipped" : ""}
                </span>
              </span>
              {readOnly ? null : (
                <span className="row-gap">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${name} up`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${name} down`}
                    disabled={index === order.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove ${name}`}
                    onClick={() => onChange(order.filter((p) => p !== id))}
                  >
                    ×
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {readOnly || addable.length === 0 ? null : (
        <div className="row-gap">
          <label className="visually-hidden" htmlFor="add-provider">
            Provider to add
          </label>
          <select
            id="add-provider"
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            className="select"
          >
            <option value="">Choose a provider…</option>
            {addable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={adding === ""}
            onClick={() => {
              onChange([...order, adding]);
              setAdding("");
            }}
          >
            Add provider
          </button>
        </div>
      )}
    </div>
  );
}
