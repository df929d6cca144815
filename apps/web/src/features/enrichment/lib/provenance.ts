import type { FieldSource } from "@quarry/records/schemas/field-sources";

import { formatRelative } from "../../../app/lib/format.ts";

/** "3 days ago", "yesterday", "just now". */
export const timeAgo = formatRelative;

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
