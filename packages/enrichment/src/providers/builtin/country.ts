import { type CountryCode, getCountries } from "libphonenumber-js/max";

/** Country names people type, in the languages of most of our users, mapped to ISO 3166 codes. */
const locales = ["en", "de", "fr", "es", "pt", "it", "nl"];
const aliases: Record<string, CountryCode> = {
  usa: "US",
  "u s": "US",
  "u s a": "US",
  "united states of america": "US",
  america: "US",
  uk: "GB",
  "u k": "GB",
  "great britain": "GB",
  britain: "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  uae: "AE",
  "south korea": "KR",
  korea: "KR",
  russia: "RU",
  "czech republic": "CZ",
  turkey: "TR",
  holland: "NL",
  "the netherlands": "NL",
  "ivory coast": "CI",
  "viet nam": "VN",
};

let byName: Map<string, CountryCode> | null = null;

const key = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();

function names(): Map<string, CountryCode> {
  if (byName) return byName;
  const map = new Map<string, CountryCode>();
  for (const locale of locales) {
    const display = new Intl.DisplayNames([locale], { type: "region" });
    for (const code of getCountries()) {
      const name = display.of(code);
      if (name && name !== code) map.set(key(name), code);
    }
  }
  for (const [alias, code] of Object.entries(aliases)) map.set(alias, code);
  byName = map;
  return map;
}

const codes = new Set<string>(getCountries());

/** "US", "usa", "United States", "Deutschland", "Brasil" → ISO code; null when unsure. */
export function toCountryCode(raw: string | null): CountryCode | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && codes.has(trimmed.toUpperCase()))
    return trimmed.toUpperCase() as CountryCode;
  return names().get(key(trimmed)) ?? null;
}

const english = new Intl.DisplayNames(["en"], { type: "region" });

/** "DE" → "Germany": how Quarry writes a country it fills in. */
export function countryName(code: string): string {
  return english.of(code) ?? code;
}
