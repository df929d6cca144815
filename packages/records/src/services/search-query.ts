/**
 * The search box → a to_tsquery('simple', …) text: every word must match as a prefix
 * ("ada lov" finds "Ada Lovelace", "acme.c" finds acme.com). Characters that are tsquery
 * syntax are dropped, so the text can never be an injection or a syntax error.
 */
export function toPrefixQuery(search: string): string | null {
  const words = search
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}@._+-]/gu, "").replace(/^[@._+-]+|[@._+-]+$/g, ""))
    .filter((w) => w.length > 0)
    .slice(0, 10);
  if (words.length === 0) return null;
  return words.map((w) => `'${w}':*`).join(" & ");
}
