import { idSchema } from "@quarry/core/ids";
import { emailSchema } from "@quarry/core/schemas";
import { z } from "zod";

/**
 * How a standard field is stored and compared: drives validation of filter values, the SQL cast
 * of cursor values and what "is empty" means.
 */
export type FieldKind = "text" | "integer" | "text_array" | "uuid" | "timestamp";

export interface FieldSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: FieldKind;
  /** Validates and normalises one non-null value written to the field. */
  input: I;
  /** The value as it is read back. */
  output: O;
  /** Filter values are lowercased before comparing (emails and domains are stored lowercased). */
  lowercase?: boolean;
}

export type FieldMap = Record<string, FieldSpec>;

const textOut = z.string().nullable();
const intOut = z.number().nullable();

/** Trimmed text; an empty string clears the field. */
export function textField(max = 200) {
  const input = z
    .string({ message: "must be text" })
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .transform((v) => (v === "" ? null : v));
  return { kind: "text", input, output: textOut } satisfies FieldSpec;
}

export function emailField() {
  return { kind: "text", input: emailSchema, output: textOut, lowercase: true } satisfies FieldSpec;
}

export const urlSchema = z
  .string({ message: "must be a URL" })
  .trim()
  .max(2048, { message: "must be at most 2048 characters" })
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, message: "must be a valid http(s) URL" }));

export function urlField() {
  return { kind: "text", input: urlSchema, output: textOut } satisfies FieldSpec;
}

const domainPattern =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** "HTTPS://www.Example.com/about?x=1" → "example.com". */
export function normaliseDomain(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/^[^/@]*@/, "")
    .replace(/[/?#].*$/, "")
    .replace(/:\d+$/, "")
    .replace(/\.$/, "")
    .replace(/^www\./, "");
}

export const domainSchema = z
  .string({ message: "must be a domain" })
  .max(2048, { message: "must be at most 2048 characters" })
  .transform(normaliseDomain)
  .pipe(z.string().regex(domainPattern, { message: "must be a valid domain like example.com" }));

export function domainField() {
  return { kind: "text", input: domainSchema, output: textOut, lowercase: true } satisfies FieldSpec;
}

/** A whole number ≥ 0 up to `max` (integer columns: 2^31 - 1; bigint money columns: 2^53 - 1). */
export function countField(max = 2_147_483_647) {
  const input = z
    .number({ message: "must be a number" })
    .int({ message: "must be a whole number" })
    .min(0, { message: "must be 0 or more" })
    .max(max, { message: `must be at most ${max}` });
  return { kind: "integer", input, output: intOut } satisfies FieldSpec;
}

export function yearField() {
  const input = z
    .number({ message: "must be a number" })
    .int({ message: "must be a whole number" })
    .min(1600, { message: "must be 1600 or later" })
    .refine((y) => y <= new Date().getUTCFullYear() + 1, { message: "must not be in the future" });
  return { kind: "integer", input, output: intOut } satisfies FieldSpec;
}

/** A list of tags, trimmed and de-duplicated; null clears it to an empty list. */
export function tagsField() {
  const input = z
    .array(
      z
        .string({ message: "must be text" })
        .trim()
        .min(1, { message: "must not be empty" })
        .max(100, { message: "must be at most 100 characters" }),
      { message: "must be a list of text values" },
    )
    .max(500, { message: "must have at most 500 entries" })
    .transform((list) => [...new Set(list)]);
  return { kind: "text_array", input, output: z.array(z.string()) } satisfies FieldSpec;
}

/** A link to another record of this workspace (checked by the service). */
export function linkField() {
  return { kind: "uuid", input: idSchema, output: textOut } satisfies FieldSpec;
}
