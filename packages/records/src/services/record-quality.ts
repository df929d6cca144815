import type { EntityName } from "../schemas/entities.ts";
import type { FieldSources } from "../schemas/field-sources.ts";

/**
 * A record's quality score, 0–100: completeness × trust.
 * - completeness: the share of the entity's key fields that hold a value;
 * - trust: the mean over those filled key fields of confidence × freshness, where a user-typed
 *   value counts as confidence 100 and fresh, and an enriched value has its provider's
 *   confidence and decays with age (half-life 180 days: a year-old value counts a quarter).
 * An invalid verification counts as confidence 0.
 */
export const QUALITY_HALF_LIFE_DAYS = 180;

export const qualityKeyFields: Record<EntityName, readonly string[]> = {
  contact: ["first_name", "last_name", "email", "phone", "title", "company_name", "linkedin_url", "country"],
  company: ["name", "domain", "industry", "employee_count", "description", "linkedin_url", "country"],
};

function filled(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return false;
  return !(Array.isArray(value) && value.length === 0);
}

export function qualityScore(
  entity: EntityName,
  values: Readonly<Record<string, unknown>>,
  sources: FieldSources,
  now: Date = new Date(),
): number {
  const keys = qualityKeyFields[entity];
  const present = keys.filter((k) => filled(values[k]));
  if (present.length === 0) return 0;
  let trust = 0;
  for (const field of present) {
    const source = sources[field];
    if (!source) {
      trust += 1;
      continue;
    }
    const ageDays = Math.max(0, now.getTime() - Date.parse(source.fetchedAt)) / 86_400_000;
    const freshness = 0.5 ** (ageDays / QUALITY_HALF_LIFE_DAYS);
    const confidence = source.verification === "invalid" ? 0 : source.confidence / 100;
    trust += confidence * freshness;
  }
  return Math.round(100 * (present.length / keys.length) * (trust / present.length));
}
