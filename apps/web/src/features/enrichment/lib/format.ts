import { formatDecimal, formatNumber, formatPercent } from "../../../app/lib/format.ts";
import { companiesEntity } from "../../records/entities/companies.ts";
import { contactsEntity } from "../../records/entities/contacts.ts";

export { formatNumber, formatPercent };

/** "1 credit", "1,250 credits". */
export function formatCredits(value: number): string {
  return `${formatNumber(value)} ${Math.abs(value) === 1 ? "credit" : "credits"}`;
}

export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms >= 1000 ? `${formatDecimal(ms / 1000)} s` : `${formatNumber(ms)} ms`;
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
