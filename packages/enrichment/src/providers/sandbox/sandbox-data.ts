/**
 * Material for made-up records. Places use only countries with numbers reserved for fiction
 * (North America's 555-01xx, Ofcom's drama ranges), so a sandbox phone number never rings anyone.
 */
export interface SandboxPlace {
  city: string;
  state: string;
  country: string;
  /** Builds a fictional number from two random digits in 0–99. */
  phone(n: number): string;
  mobile(n: number): string;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const nanp = (area: string) => ({
  phone: (n: number) => `+1${area}55501${pad(n, 2)}`,
  mobile: (n: number) => `+1${area}55501${pad(99 - n, 2)}`,
});
const uk = (landline: string) => ({
  phone: (n: number) => `+44${landline}${pad(n, 3)}`,
  mobile: (n: number) => `+447700900${pad(n, 3)}`,
});

export const places: readonly [SandboxPlace, ...SandboxPlace[]] = [
  { city: "San Francisco", state: "California", country: "United States", ...nanp("415") },
  { city: "New York", state: "New York", country: "United States", ...nanp("212") },
  { city: "Austin", state: "Texas", country: "United States", ...nanp("512") },
  { city: "Chicago", state: "Illinois", country: "United States", ...nanp("312") },
  { city: "Boston", state: "Massachusetts", country: "United States", ...nanp("617") },
  { city: "Seattle", state: "Washington", country: "United States", ...nanp("206") },
  { city: "Toronto", state: "Ontario", country: "Canada", ...nanp("416") },
  { city: "Vancouver", state: "British Columbia", country: "Canada", ...nanp("604") },
  { city: "London", state: "England", country: "United Kingdom", ...uk("2079460") },
  { city: "Manchester", state: "England", country: "United Kingdom", ...uk("1614960") },
];

export const titles: readonly [string, ...string[]] = [
  "Chief Executive Officer",
  "Co-Founder & CTO",
  "VP of Sales",
  "Head of Marketing",
  "Director of Engineering",
  "Senior Software Engineer",
  "Account Executive",
  "Customer Success Manager",
  "Product Manager",
  "Marketing Manager",
  "Sales Development Representative",
  "Financial Analyst",
  "Head of People",
  "Operations Manager",
  "Senior Product Designer",
  "Data Scientist",
  "IT Manager",
  "General Counsel",
];

/** A few of People Data Labs' industry names (PDL's published enums), the form Quarry stores. */
export const industries: readonly [string, ...string[]] = [
  "computer software",
  "information technology and services",
  "internet",
  "financial services",
  "marketing and advertising",
  "hospital & health care",
  "biotechnology",
  "retail",
  "real estate",
  "logistics and supply chain",
  "management consulting",
  "e-learning",
  "computer & network security",
  "food & beverages",
  "renewables & environment",
  "insurance",
];

/** PDL company size bands, smaller ones more likely, as in any real list. */
export const sizeBands: readonly [readonly [number, number], ...(readonly [number, number])[]] = [
  [1, 10],
  [1, 10],
  [11, 50],
  [11, 50],
  [11, 50],
  [51, 200],
  [51, 200],
  [201, 500],
  [501, 1000],
  [1001, 5000],
  [5001, 10000],
  [10001, 50000],
];

/** PDL funding round types in the order a company goes through them, with typical totals in dollars. */
export const fundingStages: readonly [
  readonly [string, number, number],
  ...(readonly [string, number, number])[],
] = [
  ["pre_seed", 100_000, 1_000_000],
  ["seed", 500_000, 4_000_000],
  ["series_a", 5_000_000, 20_000_000],
  ["series_b", 20_000_000, 60_000_000],
  ["series_c", 50_000_000, 150_000_000],
  ["series_d", 100_000_000, 400_000_000],
  ["private_equity", 50_000_000, 800_000_000],
  ["post_ipo_equity", 200_000_000, 2_000_000_000],
];

export const technologies: readonly string[] = [
  "Salesforce",
  "HubSpot",
  "Google Analytics",
  "AWS",
  "Stripe",
  "Slack",
  "Zendesk",
  "Intercom",
  "React",
  "Segment",
  "Snowflake",
  "Shopify",
  "WordPress",
  "Cloudflare",
  "Marketo",
  "Okta",
  "Google Workspace",
];
