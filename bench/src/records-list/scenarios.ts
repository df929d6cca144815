/** The list input a scenario sends, minus workspaceId and cursor (both added per request). */
export interface ListInput {
  filter?: { op: "and" | "or"; conditions: Array<{ field: string; operator: string; value?: unknown }> };
  sort?: { field: string; direction: "asc" | "desc" };
  limit: number;
}

export interface Scenario {
  name: string;
  what: string;
  input: ListInput;
  /** Pages walked with the keyset cursor before the measured page (0: the first page). */
  skipPages: number;
  /**
   * Diagnostic scenarios are reported per scenario but left out of the headline p50/p99 and the
   * saturation mix, and are timed for at most `maxSeconds` instead of the full request count.
   */
  diagnostic?: { maxSeconds: number };
}

const PAGE = 50;
const usLeaders = {
  op: "and" as const,
  conditions: [
    { field: "country", operator: "equals", value: "United States" },
    { field: "seniority", operator: "in", value: ["Director", "VP", "C-Level"] },
  ],
};
const germanExecs = {
  op: "and" as const,
  conditions: [
    { field: "country", operator: "equals", value: "Germany" },
    { field: "seniority", operator: "equals", value: "C-Level" },
  ],
};

export const scenarios: Scenario[] = [
  {
    name: "first_page",
    what: "default sort (created_at desc), page 1",
    input: { limit: PAGE },
    skipPages: 0,
  },
  {
    name: "deep_page",
    what: "default sort, the page after row 20,000 (cursor from walking 400 pages)",
    input: { limit: PAGE },
    skipPages: 400,
  },
  {
    name: "filtered",
    what: "country = United States and seniority in (Director, VP, C-Level): ~11% of rows",
    input: { filter: usLeaders, limit: PAGE },
    skipPages: 0,
  },
  {
    name: "filtered_narrow",
    what: "country = Germany and seniority = C-Level: ~0.4% of rows; the estimate is under 10,000, so the total is counted (within its time budget, else the estimate is shown)",
    input: { filter: germanExecs, limit: PAGE },
    skipPages: 0,
    diagnostic: { maxSeconds: 30 },
  },
  {
    name: "sorted",
    what: "sort last_name asc (1% empty, listed last), page 1",
    input: { sort: { field: "last_name", direction: "asc" }, limit: PAGE },
    skipPages: 0,
  },
  {
    name: "filtered_sorted",
    what: "the United States leaders filter, sorted by last_name asc",
    input: { filter: usLeaders, sort: { field: "last_name", direction: "asc" }, limit: PAGE },
    skipPages: 0,
  },
];
