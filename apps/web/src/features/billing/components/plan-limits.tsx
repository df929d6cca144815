import { formatLimit, type PlanLimits as Limits, limitLabels } from "../lib/billing-format.ts";

/** A plan's limits as a definition list. */
export function PlanLimits({ limits }: { limits: Limits }) {
  return (
    <dl className="plan-limits">
      {limitLabels.map(([key, label]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd>{formatLimit(limits[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
