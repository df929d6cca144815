import { z } from "zod";

export const verifications = ["valid", "risky", "invalid", "unknown"] as const;
export type Verification = (typeof verifications)[number];

/** Where an enriched value came from: shown on hover over the cell. */
export const fieldSourceSchema = z.object({
  provider: z.string(),
  confidence: z.number().int().min(0).max(100),
  verification: z.enum(verifications),
  fetchedAt: z.string(),
  /** Made-up test data from the sandbox provider: the app labels it "Sandbox — test data". */
  sandbox: z.boolean(),
});
export type FieldSource = z.infer<typeof fieldSourceSchema>;

/** Field name → its source, for the fields enrichment wrote (user-typed fields have none). */
export const fieldSourcesSchema = z.record(z.string(), fieldSourceSchema);
export type FieldSources = Record<string, FieldSource>;
