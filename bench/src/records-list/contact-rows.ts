import {
  companySuffixes,
  companyWords,
  countries,
  departments,
  firstNames,
  lastNames,
  seniorities,
} from "./word-lists.ts";

/** Columns written by COPY, in order. `custom` and `search` take their defaults. */
export const contactCopyColumns = [
  "id",
  "workspace_id",
  "first_name",
  "last_name",
  "full_name",
  "email",
  "phone",
  "mobile_phone",
  "title",
  "seniority",
  "department",
  "linkedin_url",
  "twitter_url",
  "city",
  "state",
  "country",
  "postal_code",
  "company_name",
  "company_domain",
  "created_at",
  "updated_at",
] as const;

/** Created dates spread over the two years before this instant (fixed, so runs are comparable). */
const CREATED_UNTIL = Date.parse("2026-01-01T00:00:00Z");
const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;
const COMPANY_COUNT = 25_000;

/** mulberry32: a small, fast, seeded PRNG so every run writes the same rows. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T extends [string, number, ...unknown[]]>(items: T[]): (r: number) => T {
  const total = items.reduce((s, i) => s + i[1], 0);
  return (r) => {
    let x = r * total;
    for (const item of items) {
      x -= item[1];
      if (x < 0) return item;
    }
    return items[items.length - 1] as T;
  };
}

const pickCountry = weighted(countries);
const pickSeniority = weighted(seniorities);
const pickDepartment = weighted(departments);

function pick<T>(list: readonly T[], r: number): T {
  return list[Math.floor(r * list.length)] as T;
}

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Math.floor(rand() * 4) + 8) as number).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function company(n: number): { name: string; domain: string } {
  const a = companyWords[n % companyWords.length] ?? "Acme";
  const b = companySuffixes[Math.floor(n / companyWords.length) % companySuffixes.length] ?? "Labs";
  const tail = Math.floor(n / (companyWords.length * companySuffixes.length));
  const name = tail ? `${a} ${b} ${tail}` : `${a} ${b}`;
  return { name, domain: `${name.toLowerCase().replace(/ /g, "")}.com` };
}

function title(seniority: [string, number, string], dept: [string, number, string, string, string]): string {
  const [level, , prefix] = seniority;
  if (level === "Owner" || level === "Partner") return prefix;
  if (level === "C-Level") return `${prefix}${dept[4]}`;
  if (level === "Manager") return dept[3];
  if (level === "Director" || level === "VP") return `${prefix}${dept[0]}`;
  return `${prefix}${dept[2]}`;
}

/** COPY text format: tab-separated, `\N` for null, backslash escapes. */
function field(value: string | null): string {
  if (value === null) return "\\N";
  return value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
}

/**
 * One contact as a COPY line. Row `i` of a workspace is always the same contact: names, a unique
 * email, a title from seniority and department, a city in a weighted country, one of 25,000
 * companies (popular ones more often) and a created_at within two years.
 */
export function contactLine(workspaceId: string, prefix: string, i: number, rand: () => number): string {
  const first = pick(firstNames, rand());
  const last = rand() < 0.01 ? null : pick(lastNames, rand());
  const [countryName, , places] = pickCountry(rand());
  const [city, state] = pick(places, rand());
  const seniority = pickSeniority(rand());
  const dept = pickDepartment(rand());
  const co = company(Math.floor(rand() ** 2 * COMPANY_COUNT));
  const handle = `${first}.${last ?? "x"}`.toLowerCase();
  const created = CREATED_UNTIL - Math.floor(rand() * TWO_YEARS_MS);
  const updated = Math.min(CREATED_UNTIL, created + Math.floor(rand() * 90 * 24 * 3600 * 1000));
  const phone = rand() < 0.6 ? `+1 555 ${String(Math.floor(rand() * 1e7)).padStart(7, "0")}` : null;
  const values = [
    uuid(rand),
    workspaceId,
    first,
    last,
    last ? `${first} ${last}` : first,
    `${handle}.${prefix}${i.toString(36)}@${co.domain}`,
    phone,
    rand() < 0.3 ? `+1 555 ${String(Math.floor(rand() * 1e7)).padStart(7, "0")}` : null,
    rand() < 0.05 ? null : title(seniority, dept),
    seniority[0],
    dept[0],
    rand() < 0.7 ? `https://www.linkedin.com/in/${handle}-${i.toString(36)}` : null,
    rand() < 0.15 ? `https://twitter.com/${handle.replace(".", "_")}${i % 1000}` : null,
    city,
    state,
    countryName,
    rand() < 0.5 ? String(10000 + Math.floor(rand() * 89999)) : null,
    co.name,
    co.domain,
    new Date(created).toISOString(),
    new Date(updated).toISOString(),
  ];
  return `${values.map(field).join("\t")}\n`;
}
