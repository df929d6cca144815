import type { RouterOutputs } from "../../../app/trpc.ts";
import { type Entity, fieldLabel, formatCredits, formatNumber, formatPercent } from "../lib/format.ts";
import { SandboxBadge } from "./sandbox-badge.tsx";

type Estimate = RouterOutputs["enrichment"]["runs"]["preview"];

interface CostPreviewProps {
  entity: Entity;
  estimate: Estimate;
  /** Credits held by running enrichment right now (from the balance), when known. */
  held: number | null;
}

/** What a run will cost: per field and provider, expected and worst case, against the balance. */
export function CostPreview({ entity, estimate, held }: CostPreviewProps) {
  const short = estimate.available !== null && estimate.worstCaseCost > estimate.available;
  return (
    <div className="cost-preview stack">
      <table className="table compact">
        <caption className="visually-hidden">Cost per field and provider</caption>
        <thead>
          <tr>
            <th scope="col">Field / provider</th>
            <th scope="col" className="num">
              Records
            </th>
            <th scope="col" className="num">
              Per value
            </th>
            <th scope="col" className="num">
              Hit rate
            </th>
            <th scope="col" className="num">
              Expected
            </th>
            <th scope="col" className="num">
              Worst case
            </th>
          </tr>
        </thead>
        {estimate.fields.map((field) => (
          <tbody key={field.field} className="estimate-group">
            <tr className="estimate-field">
              <th scope="row">
                {fieldLabel(entity, field.field)}
                {field.skipped > 0 ? (
                  <span className="muted small">
                    {" "}
                    · {formatNumber(field.skipped)} already filled, skipped
                  </span>
                ) : null}
              </th>
              <td className="num">{formatNumber(field.needed)}</td>
              <td />
              <td />
              <td className="num">{formatCredits(field.expectedCost)}</td>
              <td className="num">{formatCredits(field.worstCaseCost)}</td>
            </tr>
            {field.providers.map((provider) => (
              <tr
                key={provider.provider}
                className={provider.unavailable ? "estimate-provider off" : "estimate-provider"}
              >
                <td className="indent">
                  {provider.kind === "sandbox" ? <SandboxBadge /> : provider.name}
                  {provider.unavailable ? (
                    <span className="muted small"> — {provider.unavailable}</span>
                  ) : null}
                </td>
                <td className="num">{formatNumber(provider.eligible)}</td>
                <td className="num">
                  {provider.costPerValue === 0 ? "free" : formatCredits(provider.costPerValue)}
                </td>
                <td className="num">{formatPercent(provider.hitRate)}</td>
                <td className="num">{formatCredits(provider.expectedCost)}</td>
                <td className="num">{formatCredits(provider.worstCaseCost)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <dl className="cost-totals" aria-label="Cost summary">
        <div>
          <dt>Expected</dt>
          <dd>{formatCredits(estimate.expectedCost)}</dd>
        </div>
        <div>
          <dt>Worst case</dt>
          <dd>{formatCredits(estimate.worstCaseCost)}</dd>
        </div>
        {estimate.available !== null ? (
          <div>
            <dt>Available</dt>
            <dd>
              {formatCredits(estimate.available)}
              {held ? (
                <span className="muted small"> ({formatCredits(held)} held by running enrichment)</span>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {estimate.truncated ? (
        <p className="notice" role="note">
          More records match than one run takes: only the first {formatNumber(estimate.recordCount)} are
          included.
        </p>
      ) : null}
      {short ? (
        <p className="form-alert" role="alert">
          The worst case ({formatCredits(estimate.worstCaseCost)}) is more than the{" "}
          {formatCredits(estimate.available ?? 0)} available. The run stops when credits run out; values found
          until then are kept.
        </p>
      ) : null}
      <p className="muted small">
        Credits are charged only for values found and used. Credits set aside for a batch are released when it
        finishes, and you can stop the run at any time from its page.
      </p>
    </div>
  );
}
