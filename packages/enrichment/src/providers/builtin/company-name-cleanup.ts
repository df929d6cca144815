import type { EnrichedValue, ProviderInput } from "../provider.ts";
import { cleanCompanyName } from "./company-name.ts";
import { defineBuiltin, textOf } from "./define-builtin.ts";

function derive(input: ProviderInput): EnrichedValue[] {
  const field = input.entity === "contact" ? "company_name" : "name";
  const raw = textOf(input.values, field);
  const cleaned = raw ? cleanCompanyName(raw) : null;
  if (!cleaned) return [];
  // Stripping a legal form is near certain; guessing capitals is a heuristic.
  return [{ field, value: cleaned.name, confidence: cleaned.recased ? 80 : 95 }];
}

/** Company names as people say them: no legal form ("Acme, Inc." → "Acme"), sensible capitals. */
export const companyNameCleanup = defineBuiltin({
  id: "company-name-cleanup",
  name: "Company name cleanup",
  fields: { contact: ["company_name"], company: ["name"] },
  requires: { contact: [["company_name"]], company: [["name"]] },
  derive,
});
