import type { z } from "zod";

/**
 * Validation messages as sentences that name the field ("Name is required", "Name must be at
 * most 200 characters"), never the validator's own text. One place for the server's error
 * formatter and the web app's own checks, so both say the same thing.
 */

/** Labels that a field key cannot spell by itself ("apiKey" would read "Api key"). */
const knownLabels: Record<string, string> = {
  apiKey: "API key",
  baseUrl: "Base URL",
  url: "URL",
  linkedinUrl: "LinkedIn URL",
  websiteUrl: "Website URL",
  currentPassword: "Current password",
  newPassword: "New password",
};

/** "jobTitle" → "Job title", "linkedin_url" → "LinkedIn URL"; the last named segment of the path. */
export function labelForPath(path: readonly PropertyKey[], labels: Record<string, string> = {}): string {
  const key = [...path].reverse().find((segment): segment is string => typeof segment === "string");
  if (!key) return "This value";
  const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const known = labels[key] ?? labels[camel] ?? knownLabels[camel];
  if (known) return known;
  const words = camel
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/\burl\b/g, "URL")
    .replace(/\bid\b/g, "ID");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Issue = z.core.$ZodIssue;

function plural(count: number | bigint, one: string): string {
  return `${count} ${one}${Number(count) === 1 ? "" : "s"}`;
}

function sizeWord(origin: string, limit: number | bigint): string {
  switch (origin) {
    case "string":
      return plural(limit, "character");
    case "array":
    case "set":
      return plural(limit, "item");
    case "file":
      return plural(limit, "byte");
    default:
      return String(limit);
  }
}

const formatNames: Record<string, string> = {
  email: "a valid email address",
  url: "a valid URL (https://…)",
  uuid: "a valid ID",
  datetime: "a valid date and time",
  date: "a valid date",
};

function quoteList(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === "string" ? `'${v}'` : String(v)));
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} or ${shown.at(-1)}`;
}

/** A message our own schemas wrote as a fragment ("must be a hex colour") reads after the label. */
function isFragment(message: string): boolean {
  return /^[a-z]/.test(message);
}

/** The sentence for one zod issue, naming the field by `label`. */
export function issueSentence(issue: Issue, label: string): string {
  if (isFragment(issue.message)) return `${label} ${issue.message}`;
  switch (issue.code) {
    case "invalid_type":
      // The finished issue no longer carries the input; zod's own text says what was received.
      if (/received (undefined|null)$/.test(issue.message)) return `${label} is required`;
      if (issue.expected === "number" || issue.expected === "int") return `${label} must be a number`;
      return `${label} must be ${issue.expected === "array" ? "a list" : `a ${issue.expected}`}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return `${label} is required`;
      if (issue.origin === "array" && Number(issue.minimum) === 1) return `${label} needs at least one item`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint")
        return `${label} must be at least ${issue.minimum}${issue.inclusive === false ? " (exclusive)" : ""}`;
      return `${label} must be at least ${sizeWord(issue.origin, issue.minimum)}`;
    case "too_big":
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint")
        return `${label} must be at most ${issue.maximum}`;
      return `${label} must be at most ${sizeWord(issue.origin, issue.maximum)}`;
    case "invalid_format": {
      const name = formatNames[issue.format];
      if (name) return `${label} must be ${name}`;
      return `${label} is not in the expected format`;
    }
    case "invalid_value":
      return `${label} must be one of ${quoteList(issue.values)}`;
    case "not_multiple_of":
      return `${label} must be a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return `${label} has unknown fields: ${issue.keys.join(", ")}`;
    case "custom":
      return /^[A-Z]/.test(issue.message) ? issue.message : `${label} is not valid`;
    default:
      return `${label} is not valid`;
  }
}

/** Field path ("data.name") → first sentence, from a zod error; "_" for the input as a whole. */
export function fieldSentences(
  error: z.ZodError,
  labels: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    out[key] ??= issueSentence(issue, labelForPath(issue.path, labels));
  }
  return out;
}
