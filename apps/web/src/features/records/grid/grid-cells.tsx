import type { FieldSource } from "@quarry/records/schemas/field-sources";
import { SandboxBadge } from "../../enrichment/components/sandbox-badge.tsx";
import { provenanceText } from "../../enrichment/lib/provenance.ts";

export function qualityBand(score: number): "high" | "medium" | "low" {
  return score >= 70 ? "high" : score >= 40 ? "medium" : "low";
}

/** The record's quality score as a number and a small bar (the number is what's read out). */
export function QualityMeter({ score }: { score: number | null }) {
  if (score === null) return <span className="muted">—</span>;
  return (
    <span className={`quality quality-${qualityBand(score)}`} title={`Quality ${score} of 100`}>
      <span className="quality-value">{score}</span>
      <span className="quality-track" aria-hidden="true">
        <span className="quality-fill" style={{ width: `${score}%` }} />
      </span>
    </span>
  );
}

interface EnrichedTextProps {
  text: string;
  source: FieldSource;
  providerName: string;
  tipId: string;
}

/**
 * An enriched value: its text, a visible sandbox badge when the sandbox made it up, and a
 * tooltip naming where it came from (shown on hover and on the grid's active cell; the cell
 * points at it with aria-describedby).
 */
export function EnrichedText({ text, source, providerName, tipId }: EnrichedTextProps) {
  return (
    <>
      <span className="cell-text enriched" title={text}>
        {text}
      </span>
      {source.sandbox ? <SandboxBadge className="cell-badge" /> : null}
      <span role="tooltip" id={tipId} className="provenance-tip">
        {provenanceText(source, providerName)}
      </span>
    </>
  );
}
