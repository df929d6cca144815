import { idSchema } from "@quarry/core/ids";
import { recordSelectionSchema } from "@quarry/records/schemas/selection";
import { z } from "zod";

export const enrichEntitySchema = z.enum(["contact", "company"]);
export const runStatuses = [
  "queued",
  "running",
  "cancelling",
  "cancelled",
  "completed",
  "failed",
  "stopped",
] as const;
export type RunStatus = (typeof runStatuses)[number];
export const itemStatuses = [
  "pending",
  "claimed",
  "found",
  "not_found",
  "failed",
  "skipped",
  "cancelled",
] as const;
export type ItemStatus = (typeof itemStatuses)[number];

const fieldsSchema = z
  .array(z.string().regex(/^[a-z][a-z_]{0,62}$/, { message: "must be a field name" }))
  .min(1, { message: "must name at least one field" })
  .max(30, { message: "must name at most 30 fields" });

export const previewRunInput = z.object({
  entity: enrichEntitySchema,
  selection: recordSelectionSchema,
  fields: fieldsSchema,
  overwrite: z.boolean().default(false),
});
export type PreviewRunInput = z.infer<typeof previewRunInput>;
export const createRunInput = previewRunInput;
export type CreateRunInput = PreviewRunInput;

export const runIdInput = z.object({ id: idSchema });
export const listRunsInput = z.object({
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type ListRunsInput = z.infer<typeof listRunsInput>;

const providerEstimate = z.object({
  provider: z.string(),
  name: z.string(),
  kind: z.enum(["builtin", "api", "sandbox"]),
  /** Records that reach this step and that it can look up. */
  eligible: z.number().int(),
  /** Why it will not be called, when it will not (no API key, paused, cannot fill the field). */
  unavailable: z.string().nullable(),
  costPerValue: z.number().int(),
  /** Share of its lookups that found a value so far in this workspace (0.5 before any). */
  hitRate: z.number(),
  expectedFound: z.number(),
  expectedCost: z.number().int(),
  worstCaseCost: z.number().int(),
});

export const fieldEstimate = z.object({
  field: z.string(),
  /** Records that will be enriched for this field. */
  needed: z.number().int(),
  /** Records skipped because the field already holds a value (and overwrite is off). */
  skipped: z.number().int(),
  providers: z.array(providerEstimate),
  expectedCost: z.number().int(),
  worstCaseCost: z.number().int(),
});

export const runEstimateSchema = z.object({
  recordCount: z.number().int(),
  /** More records matched than a run takes (MAX_RUN_RECORDS): only the first ones are counted. */
  truncated: z.boolean(),
  fields: z.array(fieldEstimate),
  expectedCost: z.number().int(),
  worstCaseCost: z.number().int(),
  /** The workspace's available credits; null for a role that may not read the balance (credits.read). */
  available: z.number().int().nullable(),
  /** Whether the available credits cover the worst case; null when the balance is not shown. */
  covered: z.boolean().nullable(),
});
export type RunEstimate = z.infer<typeof runEstimateSchema>;

const countsSchema = z.object({
  total: z.number().int(),
  /**
   * Work finished: found, not found, failed, and skipped (nothing to look up). Cancelled items are
   * not done: a stopped run shows done < total and its cancelled count beside it.
   */
  done: z.number().int(),
  pending: z.number().int(),
  inProgress: z.number().int(),
  found: z.number().int(),
  notFound: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  cancelled: z.number().int(),
});
export type RunCounts = z.infer<typeof countsSchema>;

export const runSchema = z.object({
  id: z.string(),
  entity: enrichEntitySchema,
  fields: z.array(z.string()),
  overwrite: z.boolean(),
  /** Started in test mode: its fields were filled by the free built-ins and the sandbox (made-up data). */
  testMode: z.boolean(),
  status: z.enum(runStatuses),
  /** Why the run stopped early (not enough credits, a spend cap) or failed. */
  stopReason: z.string().nullable(),
  recordCount: z.number().int(),
  counts: countsSchema,
  byField: z.array(countsSchema.extend({ field: z.string() })),
  byProvider: z.array(
    z.object({
      provider: z.string(),
      lookups: z.number().int(),
      found: z.number().int(),
      notFound: z.number().int(),
      errors: z.number().int(),
      /** (record, field) values this provider filled. */
      valuesFound: z.number().int(),
      credits: z.number().int(),
    }),
  ),
  /**
   * The run's credits in the ledger: `spent` is what it charged (captures less refunds); `held` is
   * set aside for lookups in flight, captured or released as they finish (the rest when the run ends).
   */
  credits: z.object({ spent: z.number().int(), held: z.number().int() }),
  /** What was skipped, failed or cancelled, and why. */
  reasons: z.array(z.object({ status: z.enum(itemStatuses), reason: z.string(), count: z.number().int() })),
  estimate: runEstimateSchema.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Run = z.infer<typeof runSchema>;

export const runSummarySchema = runSchema.pick({
  id: true,
  entity: true,
  fields: true,
  testMode: true,
  status: true,
  stopReason: true,
  recordCount: true,
  createdAt: true,
  finishedAt: true,
});
export const listRunsOutput = z.object({
  items: z.array(runSummarySchema),
  nextCursor: z.string().nullable(),
});
