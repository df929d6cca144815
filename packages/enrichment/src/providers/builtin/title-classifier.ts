import type { EnrichedValue, ProviderInput } from "../provider.ts";
import { defineBuiltin, textOf } from "./define-builtin.ts";
import { classifyDepartment } from "./title-department.ts";
import { classifySeniority } from "./title-seniority.ts";
import { type Department, normaliseTitle, type Seniority } from "./title-taxonomy.ts";

export interface TitleClass {
  seniority: { value: Seniority; confidence: number } | null;
  department: { value: Department; confidence: number } | null;
}

const leaders = new Set<Seniority>(["owner", "founder", "c_suite", "partner"]);

/**
 * "VP of Sales" → vp, sales; "Co-Founder & CEO" → founder, executive; "Sr. Software Engineer" →
 * senior, engineering; "Directeur Commercial" → director, sales. A recognised role with no
 * department word is "other" (low confidence); a business leader's is "executive".
 */
export function classifyTitle(title: string): TitleClass {
  const normalised = normaliseTitle(title);
  const seniority = classifySeniority(normalised);
  const department = classifyDepartment(normalised, title);
  const fallback: Department | null = seniority
    ? leaders.has(seniority.level)
      ? "executive"
      : "other"
    : null;
  return {
    seniority: seniority ? { value: seniority.level, confidence: seniority.confidence } : null,
    department: department
      ? { value: department.department, confidence: department.confidence }
      : fallback
        ? { value: fallback, confidence: fallback === "executive" ? 75 : 40 }
        : null,
  };
}

function derive(input: ProviderInput): EnrichedValue[] {
  const title = textOf(input.values, "title");
  if (!title) return [];
  const { seniority, department } = classifyTitle(title);
  const out: EnrichedValue[] = [];
  if (seniority) out.push({ field: "seniority", value: seniority.value, confidence: seniority.confidence });
  if (department)
    out.push({ field: "department", value: department.value, confidence: department.confidence });
  return out;
}

export const titleClassifier = defineBuiltin({
  id: "title-classifier",
  name: "Title → seniority and department",
  fields: { contact: ["seniority", "department"], company: [] },
  requires: { contact: [["title"]] },
  derive,
});
