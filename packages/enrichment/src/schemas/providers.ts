import { z } from "zod";
import { providerKeyVendorIds } from "./provider-keys.ts";

export const providerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["builtin", "api", "sandbox"]),
  /** Sandbox providers make up test data: shown as "Sandbox — test data". */
  sandbox: z.boolean(),
  fields: z.object({ contact: z.array(z.string()), company: z.array(z.string()) }),
  costCredits: z.number().int(),
  rateLimit: z.object({ requests: z.number().int(), perMs: z.number().int() }).nullable(),
  needsApiKey: z.boolean(),
  /** The vendor whose key it uses ("hunter": one key serves all of Hunter's providers); null for built-ins and sandbox. */
  vendor: z.enum(providerKeyVendorIds).nullable(),
  keyStatus: z.enum(["not_needed", "configured", "missing"]),
  health: z.object({
    status: z.enum(["ok", "degraded"]),
    consecutiveFailures: z.number().int(),
    pausedUntil: z.string().nullable(),
    lastError: z.string().nullable(),
  }),
  /** The last 30 days in this workspace. */
  stats: z.object({
    lookups: z.number().int(),
    found: z.number().int(),
    errors: z.number().int(),
    hitRate: z.number().nullable(),
    avgLatencyMs: z.number().int().nullable(),
    credits: z.number().int(),
  }),
});
export type ProviderSummary = z.infer<typeof providerSummarySchema>;
export const listProvidersOutput = z.object({ items: z.array(providerSummarySchema) });
