import { formatNumber } from "../../../app/lib/format.ts";
import { formatTotal } from "../entities/format-total.ts";
import type { RowSelection } from "../hooks/use-row-selection.ts";

interface SelectionBarProps {
  selection: RowSelection;
  count: number;
  total: number | null;
  singular: string;
  plural: string;
  canSelectMatching: boolean;
  onSelectMatching: () => void;
  onClear: () => void;
  onEnrich: () => void;
}

/** What is selected, "select all matching", and the Enrich action. */
export function SelectionBar(props: SelectionBarProps) {
  const { count, singular, plural } = props;
  const noun = count === 1 ? singular : plural;
  return (
    <section className="selection-bar" aria-label="Selection">
      <span role="status" className="selection-count">
        {count === 0
          ? `Select ${plural} to enrich them.`
          : props.selection.kind === "matching"
            ? `All ${formatNumber(count)} matching ${noun} selected.`
            : `${formatNumber(count)} ${noun} selected.`}
      </span>
      {props.canSelectMatching && props.total !== null ? (
        <button type="button" className="button small ghost link" onClick={props.onSelectMatching}>
          Select all {formatTotal({ value: props.total, exact: true }, singular, plural)} matching
        </button>
      ) : null}
      {count > 0 ? (
        <button type="button" className="button small ghost" onClick={props.onClear}>
          Clear selection
        </button>
      ) : null}
      <button type="button" className="button primary small" disabled={count === 0} onClick={props.onEnrich}>
        Enrich{count > 0 ? ` ${formatNumber(count)} ${noun}` : ""}
      </button>
    </section>
  );
}
