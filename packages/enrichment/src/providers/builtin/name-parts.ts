import type { EnrichedValue, ProviderInput } from "../provider.ts";
import { defineBuiltin, textOf } from "./define-builtin.ts";
import { joinName, nameFromEmail, recase, splitFullName } from "./person-name.ts";

/**
 * Fills whichever of first_name, last_name and full_name is empty from the others: first and last
 * from the full name, the full name from first and last, or, when no name is known at all, all
 * three from a first.last@ email address (a guess, so low confidence).
 */
function derive(input: ProviderInput): EnrichedValue[] {
  const first = textOf(input.values, "first_name");
  const last = textOf(input.values, "last_name");
  const full = textOf(input.values, "full_name");
  const out: EnrichedValue[] = [];
  if (full && (!first || !last)) {
    const parts = splitFullName(full);
    const confidence = parts?.interpreted ? 85 : 95;
    if (parts && !first) out.push({ field: "first_name", value: parts.first, confidence });
    if (parts?.last && !last) out.push({ field: "last_name", value: parts.last, confidence });
    return out;
  }
  if (!full && first && last) return [{ field: "full_name", value: joinName(first, last), confidence: 98 }];
  if (!full && first && !last && !/\s/.test(first)) {
    // A single name ("Cher", "Madonna") is the whole name.
    return [{ field: "full_name", value: recase(first), confidence: 70 }];
  }
  const email = textOf(input.values, "email");
  const guessed = !full && !first && !last && email ? nameFromEmail(email) : null;
  if (!guessed) return [];
  return [
    { field: "first_name", value: guessed.first, confidence: 60 },
    { field: "last_name", value: guessed.last, confidence: 60 },
    { field: "full_name", value: joinName(guessed.first, guessed.last), confidence: 60 },
  ];
}

export const nameParts = defineBuiltin({
  id: "name-parts",
  name: "Name parts",
  fields: { contact: ["first_name", "last_name", "full_name"], company: [] },
  requires: { contact: [["full_name"], ["first_name"], ["last_name"], ["email"]] },
  derive,
});
