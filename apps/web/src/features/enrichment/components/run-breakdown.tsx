import { type Entity, fieldLabel, formatCredits, formatNumber } from "../lib/format.ts";
import type { Run } from "../lib/run-status.ts";
import { SandboxBadge } from "./sandbox-badge.tsx";

export function FieldBreakdown({ run }: { run: Run }) {
  return (
    <table className="table compact">
      <caption className="table-caption">By field</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col" className="num">
            Found
          </th>
          <th scope="col" className="num">
            Not found
          </th>
          <th scope="col" className="num">
            Failed
          </th>
          <th scope="col" className="num">
            Skipped
          </th>
          <th scope="col" className="num">
            Cancelled
          </th>
          <th scope="col" className="num">
            Left
          </th>
        </tr>
      </thead>
      <tbody>
        {run.byField.map((f) => (
          <tr key={f.field}>
            <th scope="row">{fieldLabel(run.entity as Entity, f.field)}</th>
            <td className="num">{formatNumber(f.found)}</td>
            <td className="num">{formatNumber(f.notFound)}</td>
            <td className="num">{formatNumber(f.failed)}</td>
            <td className="num">{formatNumber(f.skipped)}</td>
            <td className="num">{formatNumber(f.cancelled)}</td>
            <td className="num">{formatNumber(f.pending + f.inProgress)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface ProviderBreakdownProps {
  run: Run;
  nameOf: (id: string) => string;
  isSandbox: (id: string) => boolean;
}

export function ProviderBreakdown({ run, nameOf, isSandbox }: ProviderBreakdownProps) {
  if (run.byProvider.length === 0) return <p className="muted">No provider lookups recorded.</p>;
  return (
    <table className="table compact">
      <caption className="table-caption">By provider</caption>
      <thead>
        <tr>
          <th scope="col">Provider</th>
          <th scope="col" className="num">
            Lookups
          </th>
          <th scope="col" className="num">
            Found
          </th>
          <th scope="col" className="num">
            Not found
          </th>
          <th scope="col" className="num">
            Errors
          </th>
          <th scope="col" className="num">
            Values filled
          </th>
          <th scope="col" className="num">
            Credits
          </th>
        </tr>
      </thead>
      <tbody>
        {run.byProvider.map((p) => (
          <tr key={p.provider}>
            <th scope="row">{isSandbox(p.provider) ? <SandboxBadge /> : nameOf(p.provider)}</th>
            <td className="num">{formatNumber(p.lookups)}</td>
            <td className="num">{formatNumber(p.found)}</td>
            <td className="num">{formatNumber(p.notFound)}</td>
            <td className="num">{formatNumber(p.errors)}</td>
            <td className="num">{formatNumber(p.valuesFound)}</td>
            <td className="num">{formatCredits(p.credits)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Why items were skipped, failed or were cancelled. */
export function RunReasons({ run }: { run: Run }) {
  if (run.reasons.length === 0) return null;
  return (
    <ul className="reason-list" aria-label="Reasons">
      {run.reasons.map((r) => (
        <li key={`${r.status}:${r.reason}`}>
          <span className="badge">{r.status.replace("_", " ")}</span> {r.reason}{" "}
          <span className="muted">× {formatNumber(r.count)}</span>
        </li>
      ))}
    </ul>
  );
}
