/** Splitting and joining people's names as they arrive in CRMs and spreadsheets. */

export interface NameParts {
  first: string;
  last: string | null;
  /** Whether anything beyond "First Last" had to be interpreted (titles, commas, middle names). */
  interpreted: boolean;
}

const honorifics = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "prof",
  "professor",
  "sir",
  "dame",
  "lady",
  "lord",
  "rev",
  "hon",
  "herr",
  "frau",
  "mme",
  "mlle",
  "sr",
  "sra",
  "srta",
  "dott",
  "ing",
]);
const suffixes = new Set([
  "jr",
  "sr",
  "ii",
  "iii",
  "iv",
  "phd",
  "md",
  "mba",
  "cpa",
  "esq",
  "dds",
  "pe",
  "pmp",
  "cfa",
  "dvm",
  "rn",
  "msc",
  "bsc",
  "ma",
  "ba",
]);
/** Words that start a family name: "van der Berg", "de la Cruz", "von Neumann". */
const particles = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "del",
  "della",
  "di",
  "da",
  "du",
  "la",
  "le",
  "dos",
  "das",
  "do",
  "ter",
  "ten",
  "bin",
  "binti",
  "al",
  "el",
]);

const bare = (word: string) => word.toLowerCase().replace(/[.,]/g, "");
const hanOrKana = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** "Dr. Ada King-Noel", "Lovelace, Ada", "LUDWIG VAN BEETHOVEN", "John Smith, PhD" → first and last. */
export function splitFullName(raw: string): NameParts | null {
  let text = raw
    .replace(/["“”(][^"“”()]*["“”)]/g, " ") // nicknames: Robert "Bob" Smith, Robert (Bob) Smith
    .replace(/\s+/g, " ")
    .trim();
  let interpreted = text !== raw.trim();
  let words = stripSuffixes(text);
  interpreted ||= words.join(" ") !== text;
  text = words.join(" ");
  const comma = text.split(",").map((part) => part.trim());
  if (comma.length === 2 && comma[0] && comma[1]) {
    // "Lovelace, Ada [Augusta]": family name first.
    const given = comma[1].split(" ");
    return { first: recase(given[0] ?? ""), last: recaseWords(comma[0].split(" ")), interpreted: true };
  }
  words = text.replace(/,/g, " ").split(" ").filter(Boolean);
  while (words.length > 1 && honorifics.has(bare(words[0] ?? ""))) {
    words = words.slice(1);
    interpreted = true;
  }
  const [first, ...rest] = words;
  if (!first || !/\p{L}/u.test(first)) return null;
  if (rest.length === 0)
    return hanOrKana.test(first) ? null : { first: recase(first), last: null, interpreted };
  if (hanOrKana.test(first)) {
    // 山田 太郎: family name first in Chinese, Japanese and Korean script.
    return { first: rest.join(" "), last: first, interpreted: true };
  }
  const particleAt = rest.findIndex((word, i) => i < rest.length - 1 && particles.has(word.toLowerCase()));
  const lastWords = particleAt >= 0 ? rest.slice(particleAt) : rest.slice(-1);
  return { first: recase(first), last: recaseWords(lastWords), interpreted: interpreted || rest.length > 1 };
}

function stripSuffixes(text: string): string[] {
  const words = text.split(" ");
  while (words.length > 2 && suffixes.has(bare(words[words.length - 1] ?? ""))) words.pop();
  const joined = words.join(" ").replace(/,\s*$/, "");
  return joined.split(" ");
}

/** "ADA" → "Ada", "o'brien" → "O'Brien", "MCDONALD" → "McDonald"; mixed case ("DeShawn") is kept. */
export function recase(word: string): string {
  const lettersOnly = word.replace(/\P{L}/gu, "");
  if (lettersOnly !== lettersOnly.toUpperCase() && lettersOnly !== lettersOnly.toLowerCase()) return word;
  if (lettersOnly.length <= 1) return word.toUpperCase();
  return word
    .toLowerCase()
    .replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase())
    .replace(/^Mc(\p{L})/u, (_, letter: string) => `Mc${letter.toUpperCase()}`);
}

function recaseWords(words: readonly string[]): string {
  return words
    .map((word, i) => {
      const particle = i < words.length - 1 && particles.has(word.toLowerCase());
      // "VAN DER BERG" → "van der Berg", but "Van Halen" is kept as written.
      return particle ? (word === word.toUpperCase() ? word.toLowerCase() : word) : recase(word);
    })
    .join(" ");
}

export function joinName(first: string, last: string): string {
  return `${first.trim()} ${last.trim()}`.replace(/\s+/g, " ");
}

/** Mailbox names that are not people. */
const notPeople =
  /^(info|sales|support|admin|hello|contact|team|office|jobs|careers|billing|no-?reply|marketing|press|hr|help|service|accounts?)$/;

/** "ada.lovelace+news@…", "ada_lovelace85@…" → Ada Lovelace; null unless the mailbox is clearly first.last. */
export function nameFromEmail(email: string): { first: string; last: string } | null {
  const local = email.split("@")[0]?.toLowerCase().replace(/\+.*$/, "").replace(/\d+$/, "") ?? "";
  const parts = local.split(/[._-]/);
  if (parts.length !== 2) return null;
  const [first = "", last = ""] = parts;
  if (!/^\p{L}{2,}$/u.test(first) || !/^\p{L}{2,}$/u.test(last)) return null;
  if (notPeople.test(first) || notPeople.test(last)) return null;
  return { first: recase(first), last: recase(last) };
}
