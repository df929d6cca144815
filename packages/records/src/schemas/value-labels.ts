/**
 * Labels for the coded values Quarry stores in text fields (seniority, department, funding
 * stage): stored as keys ("vp", "human_resources"), shown as words ("VP", "Human resources").
 * The grid, filters, forms and panel all read these, so one key reads the same everywhere.
 */
export const seniorityLabels = {
  owner: "Owner",
  founder: "Founder",
  c_suite: "C-suite",
  partner: "Partner",
  vp: "VP",
  head: "Head",
  director: "Director",
  manager: "Manager",
  senior: "Senior",
  entry: "Entry level",
  intern: "Intern",
} as const;

export const departmentLabels = {
  executive: "Executive",
  engineering: "Engineering",
  product: "Product",
  design: "Design",
  data: "Data",
  it: "IT",
  sales: "Sales",
  marketing: "Marketing",
  customer_success: "Customer success",
  support: "Support",
  finance: "Finance",
  operations: "Operations",
  human_resources: "Human resources",
  legal: "Legal",
  education: "Education",
  health: "Health",
  other: "Other",
} as const;

export const fundingStageLabels = {
  pre_seed: "Pre-seed",
  seed: "Seed",
  series_a: "Series A",
  series_b: "Series B",
  series_c: "Series C",
  series_d: "Series D",
  series_e: "Series E",
  private_equity: "Private equity",
  ipo: "IPO",
  public: "Public",
  acquired: "Acquired",
} as const;

/** Field key → its value labels. Fields not listed here show their values as stored. */
export const valueLabels: Record<string, Readonly<Record<string, string>>> = {
  seniority: seniorityLabels,
  department: departmentLabels,
  funding_stage: fundingStageLabels,
};

/** The label for a stored value ("seniority", "vp" → "VP"); an unknown value is shown as stored. */
export function labelFor(field: string, value: string): string {
  const labels = valueLabels[field];
  return (labels && Object.hasOwn(labels, value) ? labels[value] : undefined) ?? value;
}

/** A coded field's choices for a select ({ value: "vp", label: "VP" }), or null for a free-text field. */
export function optionsFor(field: string): { value: string; label: string }[] | null {
  const labels = valueLabels[field];
  return labels ? Object.entries(labels).map(([value, label]) => ({ value, label })) : null;
}
