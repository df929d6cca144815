import { SandboxBadge } from "../../enrichment/components/sandbox-badge.tsx";
import { provenanceText } from "../../enrichment/lib/provenance.ts";
import { qualityOf, sourcesOf } from "../entities/sources.ts";
import type { ColumnDef, RecordRow } from "../entities/types.ts";
import { fieldValue, formatValue } from "../entities/values.ts";
import { QualityMeter } from "../grid/grid-cells.tsx";

interface RecordSourcesProps {
  record: RecordRow;
  columns: readonly ColumnDef[];
  providerName: (id: string) => string;
}

/** The record's quality score and, for each enriched value, where it came from. */
export function RecordSources({ record, columns, providerName }: RecordSourcesProps) {
  const sources = Object.entries(sourcesOf(record));
  const label = (field: string) => columns.find((c) => c.key === field)?.label ?? field;
  return (
    <section className="record-sources" aria-labelledby="sources-heading">
      <div className="quality-line">
        <span className="field-label">Quality</span>
        <QualityMeter score={qualityOf(record)} />
        <span className="muted small">completeness, confidence and freshness</span>
      </div>
      {sources.length > 0 ? (
        <>
          <h3 id="sources-heading">Enriched values</h3>
          <ul className="source-list">
            {sources.map(([field, source]) => {
              const column = columns.find((c) => c.key === field);
              const value = column ? formatValue(fieldValue(record, field), column) : "";
              return (
                <li key={field}>
                  <span className="source-field">{label(field)}</span>
                  <span className="source-value">{value || "—"}</span>
                  {source.sandbox ? <SandboxBadge /> : null}
                  <span className="muted small block">
                    {provenanceText(source, providerName(source.provider))}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <h3 id="sources-heading" className="visually-hidden">
          Enriched values
        </h3>
      )}
    </section>
  );
}
