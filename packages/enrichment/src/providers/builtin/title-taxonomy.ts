/**
 * The values Quarry writes to contacts' seniority and department. Seniority follows People Data
 * Labs' job title levels (owner, partner, vp, director, manager, senior, entry), with cxo named
 * c_suite and founder, head and intern split out; departments follow PDL's job title roles,
 * merged to the teams sales and operations people target.
 */
export const seniorities = [
  "owner",
  "founder",
  "c_suite",
  "partner",
  "vp",
  "head",
  "director",
  "manager",
  "senior",
  "entry",
  "intern",
] as const;
export type Seniority = (typeof seniorities)[number];

export const departments = [
  "executive",
  "engineering",
  "product",
  "design",
  "data",
  "it",
  "sales",
  "marketing",
  "customer_success",
  "support",
  "finance",
  "operations",
  "human_resources",
  "legal",
  "education",
  "health",
  "other",
] as const;
export type Department = (typeof departments)[number];

/**
 * A title reduced to lowercase ASCII words for matching: "Directeur Général, R&D" →
 * "directeur general r&d". Hyphens and ampersands stay; other punctuation becomes a space.
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9&+-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
