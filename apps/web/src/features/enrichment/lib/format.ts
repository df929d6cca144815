import { companiesEntity } from "../../records/entities/companies.ts";
import { contactsEntity } from "../../records/entities/contacts.ts";

const integer = new Intl.NumberFormat("en-US");

export function formatNumber(value: number): string {
  return integer.format(value);
}

/** "1 credit", "1,250 credits". */
export function formatCredits(value: number): string {
  return `${integer.format(value)} ${Math.abs(value) === 1 ? "credit" : "credits"}`;
}

/** 0.853 → "85%"; null → "—". */
export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? "—" : `${Math.round(ratio * 100)}%`;
}

export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

export type Entity = "contact" | "company";

/** The grid's label for a field ("seniority" → "Seniority"), else the name made readable. */
export function fieldLabel(entity: Entity, field: string): string {
  const config = entity === "company" ? companiesEntity : contactsEntity;
  const column = config.columns.find((c) => c.key === field && !c.virtual);
  if (column) return column.label;
  const words = field.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function entityPlural(entity: Entity): string {
  return entity === "company" ? "companies" : "contacts";
}
