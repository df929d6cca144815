import { z } from "zod";
import { listRecordsInput } from "../schemas/filter.ts";

const SORT_PATTERN = /^-?((custom|company)\.)?[a-zA-Z][a-zA-Z0-9_]{0,62}$/;
const LIMIT_MESSAGE = "must be a whole number from 1 to 500";

/** GET list parameters: the tRPC list input's search and cursor, with limit and sort as query strings. */
export const listQuery = z.object({
  cursor: listRecordsInput.shape.cursor.meta({
    description: "`next_cursor` from the previous page; omit for the first page.",
  }),
  limit: z.coerce
    .number({ message: LIMIT_MESSAGE })
    .int({ message: LIMIT_MESSAGE })
    .min(1, { message: LIMIT_MESSAGE })
    .max(500, { message: LIMIT_MESSAGE })
    .default(50)
    .meta({ description: "Page size, 1 to 500 (default 50)." }),
  search: listRecordsInput.shape.search.meta({ description: "Words to look for (names, email, domain)." }),
  sort: z
    .string()
    .regex(SORT_PATTERN, {
      message: 'must be a field name, with "-" in front to sort descending (e.g. -updated_at)',
    })
    .optional()
    .meta({
      description:
        "A field to sort on, `-field` for descending (e.g. `-updated_at`, `custom.tier`; contacts also `company.employee_count`). Default: newest first.",
    }),
});

/** `-updated_at` → `{ field: "updated_at", direction: "desc" }`. */
export function sortOf(sort: string | undefined) {
  if (!sort) return undefined;
  return sort.startsWith("-")
    ? { field: sort.slice(1), direction: "desc" as const }
    : { field: sort, direction: "asc" as const };
}

/** The field an upsert matches on, required (with a message saying why). */
export function requiredMatchField<S extends z.ZodType<unknown, string>>(schema: S, why: string) {
  return z
    .string({ error: (issue) => (issue.input == null ? `is required: ${why}` : "must be text") })
    .pipe(schema);
}
