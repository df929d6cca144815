import { z } from "zod";

export const filterOperators = [
  "equals",
  "not_equals",
  "contains",
  "in",
  "is_empty",
  "is_not_empty",
  "gt",
  "lt",
  "gte",
  "lte",
  "between",
] as const;
export type FilterOperator = (typeof filterOperators)[number];

/** How a field's values compare (the SQL side maps each to a cast), shared with the web app. */
export type OperatorKind =
  | "text"
  | "integer"
  | "number"
  | "text_array"
  | "uuid"
  | "timestamp"
  | "date"
  | "boolean";

const ordering = ["gt", "lt", "gte", "lte", "between"] as const;
const basic = ["equals", "not_equals", "in", "is_empty", "is_not_empty"] as const;

/**
 * The operators each kind of field takes: the server refuses the others, and the filter dialog
 * offers only these. Text has no ordering ("greater than" a name means nothing to a person).
 */
export const operatorsByKind: Record<OperatorKind, readonly FilterOperator[]> = {
  text: ["equals", "not_equals", "contains", "in", "is_empty", "is_not_empty"],
  integer: [...basic, ...ordering],
  number: [...basic, ...ordering],
  timestamp: [...basic, ...ordering],
  date: [...basic, ...ordering],
  uuid: basic,
  boolean: ["equals", "not_equals", "is_empty", "is_not_empty"],
  text_array: ["equals", "not_equals", "contains", "in", "is_empty", "is_not_empty"],
};

const scalar = z.union([z.string().max(1000), z.number(), z.boolean()], {
  message: "must be text, a number or true/false",
});

/** A standard field name, `custom.<key>`, or (contacts) a field of the linked company, `company.<field>`. */
export const fieldNameSchema = z.string().regex(/^((custom|company)\.)?[a-zA-Z][a-zA-Z0-9_]{0,62}$/, {
  message: "must be a field name, custom.<key> or company.<field>",
});

export const filterConditionSchema = z
  .object({ field: fieldNameSchema, operator: z.enum(filterOperators), value: z.unknown().optional() })
  .superRefine((c, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: "custom", path: ["value"], message });
    if (c.operator === "is_empty" || c.operator === "is_not_empty") {
      if (c.value !== undefined && c.value !== null) fail(`takes no value with ${c.operator}`);
    } else if (c.operator === "in") {
      const r = z.array(scalar).min(1).max(1000).safeParse(c.value);
      if (!r.success) fail("must be a list of 1 to 1000 values");
    } else if (c.operator === "between") {
      if (!z.tuple([scalar, scalar]).safeParse(c.value).success) fail("must be [from, to]");
    } else if (!scalar.safeParse(c.value).success) {
      fail("must be text, a number or true/false");
    }
  });
export type FilterCondition = z.infer<typeof filterConditionSchema>;

export interface FilterGroup {
  op: "and" | "or";
  conditions: Array<FilterGroup | FilterCondition>;
}

export const filterGroupSchema: z.ZodType<FilterGroup> = z.lazy(() =>
  z.object({
    op: z.enum(["and", "or"]),
    conditions: z
      .array(z.union([filterGroupSchema, filterConditionSchema]))
      .max(50, { message: "must have at most 50 conditions" }),
  }),
);

export function isFilterGroup(node: FilterGroup | FilterCondition): node is FilterGroup {
  return "op" in node;
}

export const sortSchema = z.object({
  field: fieldNameSchema,
  direction: z.enum(["asc", "desc"]).default("asc"),
});
export type Sort = z.infer<typeof sortSchema>;

export const listRecordsInput = z.object({
  filter: filterGroupSchema.optional(),
  sort: sortSchema.optional(),
  search: z.string().trim().max(200, { message: "must be at most 200 characters" }).optional(),
  cursor: z.string().max(16_000).nullish(),
  limit: z.number().int().min(1).max(500).default(50),
  /** true lists the trash (soft-deleted records) instead of live ones. */
  deleted: z.boolean().default(false),
});
export type ListRecordsInput = z.infer<typeof listRecordsInput>;
