/**
 * Legal-form suffixes, longest first so "GmbH & Co. KG" goes before "KG" and "Pty Ltd" before
 * "Ltd". Matched case-insensitively at the end of the name, after a space or a comma.
 */
const legalForms = [
  "gmbh & co. kg",
  "gmbh & co kg",
  "s.a. de c.v.",
  "sa de cv",
  "pty. ltd.",
  "pty ltd",
  "pte. ltd.",
  "pte ltd",
  "pvt. ltd.",
  "pvt ltd",
  "private limited",
  "sdn. bhd.",
  "sdn bhd",
  "incorporated",
  "corporation",
  "limited",
  "l.l.c.",
  "llc",
  "l.l.p.",
  "llp",
  "inc.",
  "inc",
  "ltd.",
  "ltd",
  "ltda.",
  "ltda",
  "gmbh",
  "ggmbh",
  "kgaa",
  "ag",
  "kg",
  "e.v.",
  "s.a.s.",
  "sas",
  "s.a.r.l.",
  "sarl",
  "s.à r.l.",
  "s.a.",
  "sa",
  "s.l.",
  "sl",
  "s.p.a.",
  "spa",
  "s.r.l.",
  "srl",
  "b.v.",
  "bv",
  "n.v.",
  "nv",
  "plc",
  "p.l.c.",
  "corp.",
  "corp",
  "& co.",
  "& co",
  "co.",
  "oy",
  "oyj",
  "ab",
  "a/s",
  "aps",
  "as",
  "asa",
  "k.k.",
  "lp",
  "l.p.",
  "se",
  "ug",
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

const suffixPattern = new RegExp(`[\\s,]+(?:${legalForms.map(escapeRegExp).join("|")})\\s*$`, "i");
/** German "UG (haftungsbeschränkt)" and similar parenthesised forms. */
const parenthesised = /\s*\((haftungsbeschr(a|ä)nkt|in liquidation)\)\s*$/i;

/** "Acme, Inc." → "Acme"; "Bosch GmbH & Co. KG" → "Bosch"; never strips a name down to nothing. */
export function stripLegalSuffix(name: string): string {
  let current = name.trim().replace(/\s+/g, " ");
  for (;;) {
    const next = current
      .replace(parenthesised, "")
      .replace(suffixPattern, "")
      .replace(/[\s,]+$/, "");
    if (next === current || next === "") return current;
    current = next;
  }
}

const smallWords = new Set([
  "a",
  "an",
  "and",
  "at",
  "by",
  "de",
  "del",
  "der",
  "des",
  "di",
  "du",
  "et",
  "for",
  "in",
  "la",
  "le",
  "of",
  "on",
  "or",
  "the",
  "to",
  "und",
  "van",
  "von",
  "y",
]);
/** Short words that read as words, not acronyms, when a name is written in capitals. */
const shortWords = new Set([
  "all",
  "art",
  "bay",
  "big",
  "box",
  "car",
  "day",
  "dog",
  "eye",
  "fit",
  "fly",
  "fox",
  "go",
  "hub",
  "key",
  "lab",
  "map",
  "new",
  "one",
  "pay",
  "pet",
  "red",
  "sun",
  "top",
  "two",
  "web",
  "way",
  "win",
  "zen",
  "air",
  "sea",
  "oil",
  "gas",
  "bio",
  "eco",
  "net",
  "app",
]);

/**
 * Sensible case for names written in all capitals or all lowercase ("ACME WIDGETS" → "Acme
 * Widgets", "IBM" stays, "AT&T" stays); names already in mixed case ("eBay", "McKinsey") are kept.
 */
export function fixCompanyCase(name: string): string {
  const letters = name.replace(/\P{L}/gu, "");
  const upper = letters === letters.toUpperCase();
  const lower = letters === letters.toLowerCase();
  if (letters.length === 0 || (!upper && !lower)) return name;
  return name
    .split(" ")
    .map((word, i) => {
      const plain = word.toLowerCase();
      if (i > 0 && smallWords.has(plain)) return plain;
      if (upper && looksLikeAcronym(word)) return word;
      return capitalise(plain);
    })
    .join(" ");
}

function looksLikeAcronym(word: string): boolean {
  const letters = word.replace(/\P{L}/gu, "");
  if (smallWords.has(letters.toLowerCase())) return false;
  if (/[&\d.]/.test(word) && letters.length <= 4) return true; // AT&T, 3M, S.C.
  if (letters.length <= 3 && !shortWords.has(letters.toLowerCase())) return true; // IBM, SAP, BMW
  return letters.length <= 5 && !/[AEIOUY]/.test(letters); // KPMG, HSBC
}

/** Capitals after hyphens and at word starts, not after apostrophes: "coca-cola" → "Coca-Cola", "macy's" → "Macy's". */
function capitalise(word: string): string {
  return word
    .replace(/(^|[-/])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase())
    .replace(/^Mc(\p{L})/u, (_, letter: string) => `Mc${letter.toUpperCase()}`);
}

/** The cleaned name, or null when nothing changes. */
export function cleanCompanyName(raw: string): { name: string; recased: boolean } | null {
  const stripped = stripLegalSuffix(raw);
  const recased = fixCompanyCase(stripped);
  if (recased === raw) return null;
  return { name: recased, recased: recased !== stripped };
}
