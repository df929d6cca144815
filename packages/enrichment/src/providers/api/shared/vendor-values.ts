import type { EnrichedValue, EnrichField, ProviderInput } from "../../provider.ts";

/** Reading a record's values and shaping vendor values into EnrichedValues. */

/** A record value as trimmed text, or null when missing, blank or not text. */
export function inputText(input: ProviderInput, field: string): string | null {
  const value = input.values[field];
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** "https://www.Example.com/about" → "example.com"; null when it does not look like a domain. */
export function bareDomain(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const host = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .replace(/^www\./, "")
    .split(/[/?#]/)[0];
  return host && /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ? host : null;
}

/** An absolute http(s) URL; vendor values like "linkedin.com/in/x" get https:// in front. */
export function absoluteUrl(raw: string | null | undefined): string | null {
  if (!raw?.trim()) return null;
  const text = raw.trim();
  try {
    const url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
    return url.hostname.includes(".") ? url.toString() : null;
  } catch {
    return null;
  }
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

/** Adds a value unless it is empty (null, "", [] or NaN). */
export function pushValue(
  list: EnrichedValue[],
  field: EnrichField,
  value: unknown,
  confidence: number,
  extra: Pick<EnrichedValue, "verification" | "flags"> = {},
): void {
  if (value === null || value === undefined) return;
  if (typeof value === "string" && value.trim() === "") return;
  if (Array.isArray(value) && value.length === 0) return;
  if (typeof value === "number" && !Number.isFinite(value)) return;
  list.push({
    field,
    value: typeof value === "string" ? value.trim() : value,
    confidence: clamp(confidence),
    ...extra,
  });
}

/** A non-negative whole number from a vendor number, else null. */
export function count(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}
