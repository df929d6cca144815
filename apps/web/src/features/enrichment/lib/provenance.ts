import type { FieldSource } from "@quarry/records/schemas/field-sources";

const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "3 days ago", "yesterday", "just now". */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Number.isNaN(seconds)) return "";
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

const verificationText: Record<FieldSource["verification"], string> = {
  valid: "verified valid",
  risky: "verified risky",
  invalid: "verified invalid",
  unknown: "not verified",
};

/** "From Hunter email finder · confidence 85 · verified valid · 3 days ago". */
export function provenanceText(source: FieldSource, providerName: string): string {
  return [
    `From ${providerName}`,
    `confidence ${source.confidence}`,
    verificationText[source.verification],
    timeAgo(source.fetchedAt),
  ]
    .filter(Boolean)
    .join(" · ");
}
