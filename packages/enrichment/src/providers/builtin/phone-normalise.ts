import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { EnrichedValue, ProviderInput } from "../provider.ts";
import { countryName, toCountryCode } from "./country.ts";
import { defineBuiltin, textOf } from "./define-builtin.ts";

export interface NormalisedPhone {
  /** E.164 ("+442079460958"), with " ext. 12" when the input had an extension. */
  value: string;
  valid: boolean;
  /** The number's own country ("GB"), when the number says it. */
  country: CountryCode | null;
  mobile: boolean;
}

/**
 * Reads a phone number as people write it ("(415) 555-2671", "0049 30 901820", "tel:+1…",
 * "+44 20 7946 0958 / +44 7700 900123" keeps the first), using the record's country for numbers
 * without a country code. Null when it cannot be read as a phone number at all.
 */
export function normalisePhone(raw: string, region: CountryCode | null): NormalisedPhone | null {
  const first =
    raw
      .replace(/^tel:/i, "")
      .split(/[;,/|]|\bor\b/i)[0]
      ?.trim() ?? "";
  const text = region === null ? first.replace(/^00(?=[1-9])/, "+") : first;
  const parsed = parsePhoneNumberFromString(text, region ?? undefined);
  if (!parsed) return null;
  const valid = parsed.isValid();
  return {
    value: parsed.ext ? `${parsed.number} ext. ${parsed.ext}` : parsed.number,
    valid,
    country: valid ? (parsed.country ?? null) : null,
    mobile: valid && parsed.getType() === "MOBILE",
  };
}

function derive(input: ProviderInput): EnrichedValue[] {
  const countryText = textOf(input.values, "country");
  const region = toCountryCode(countryText);
  const fields = input.entity === "contact" ? (["phone", "mobile_phone"] as const) : (["phone"] as const);
  const out: EnrichedValue[] = [];
  let numberCountry: CountryCode | null = null;
  for (const field of fields) {
    const raw = textOf(input.values, field);
    if (!raw) continue;
    const phone = normalisePhone(raw, region);
    if (!phone) {
      // Enough digits to be meant as a number, but no numbering plan accepts it.
      if (raw.replace(/\D/g, "").length >= 7 && (region || raw.trim().startsWith("+"))) {
        out.push({ field, value: raw, confidence: 80, verification: "invalid" });
      }
      continue;
    }
    // An invalid number is reported as written, never dressed up as E.164.
    out.push({
      field,
      value: phone.valid ? phone.value : raw,
      confidence: phone.valid ? 95 : 80,
      verification: phone.valid ? "valid" : "invalid",
    });
    numberCountry ??= phone.country;
    if (
      field === "phone" &&
      phone.mobile &&
      !textOf(input.values, "mobile_phone") &&
      input.entity === "contact"
    ) {
      out.push({ field: "mobile_phone", value: phone.value, confidence: 90, verification: "valid" });
    }
  }
  if (!countryText && numberCountry) {
    // Where the number is registered; people keep numbers when they move, so not certain.
    out.push({
      field: "country",
      value: countryName(numberCountry),
      confidence: input.entity === "company" ? 80 : 70,
    });
  }
  return out;
}

export const phoneNormalise = defineBuiltin({
  id: "phone-normalise",
  name: "Phone normalisation",
  fields: { contact: ["phone", "mobile_phone", "country"], company: ["phone", "country"] },
  requires: { contact: [["phone"], ["mobile_phone"]], company: [["phone"]] },
  derive,
});
