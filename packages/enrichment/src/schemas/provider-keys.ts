import { z } from "zod";

/**
 * A workspace's API keys for the enrichment vendors. One key per vendor serves all of that vendor's
 * providers (the "hunter" key serves hunter-email-finder, hunter-email-verifier and
 * hunter-domain-search). The secret goes in and never comes back out: lists show its last 4 characters.
 */

export const providerKeyVendorIds = ["hunter", "apollo", "pdl"] as const;
export type ProviderKeyVendorId = (typeof providerKeyVendorIds)[number];

export const providerKeyStatuses = ["untested", "valid", "invalid", "quota_exceeded", "unreachable"] as const;
export type ProviderKeyStatus = (typeof providerKeyStatuses)[number];

const providerIdSchema = z.enum(providerKeyVendorIds, {
  message: `must be one of ${providerKeyVendorIds.join(", ")}`,
});

const apiKeySchema = z
  .string({ message: "must be text" })
  .trim()
  .min(8, { message: "must be at least 8 characters" })
  .max(500, { message: "must be at most 500 characters" })
  .regex(/^\S+$/, { message: "must not contain spaces" });

/** The vendor's API root: https, or http on this machine (local fakes). Checked again by the service. */
const baseUrlSchema = z
  .string({ message: "must be text" })
  .trim()
  .max(500, { message: "must be at most 500 characters" })
  .url({ message: "must be a URL such as https://api.example.com" });

export const providerKeySchema = z.object({
  providerId: providerIdSchema,
  name: z.string(),
  configured: z.boolean(),
  last4: z.string().nullable(),
  baseUrl: z.string().nullable(),
  defaultBaseUrl: z.string(),
  status: z.enum(providerKeyStatuses).nullable(),
  statusMessage: z.string().nullable(),
  checkedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ProviderKey = z.infer<typeof providerKeySchema>;

export const listProviderKeysOutput = z.object({ items: z.array(providerKeySchema) });

export const setProviderKeyInput = z.object({
  providerId: providerIdSchema,
  apiKey: apiKeySchema,
  /** null or "" clears an override; absent keeps the current one. */
  baseUrl: z.union([baseUrlSchema, z.literal(""), z.null()]).optional(),
});
export type SetProviderKeyInput = z.infer<typeof setProviderKeyInput>;

export const providerKeyIdInput = z.object({ providerId: providerIdSchema });
export type ProviderKeyIdInput = z.infer<typeof providerKeyIdInput>;

export const deleteProviderKeyOutput = z.object({ deleted: z.boolean() });

export const testProviderKeyOutput = z.object({
  providerId: providerIdSchema,
  status: z.enum([...providerKeyStatuses, "not_configured"]),
  message: z.string(),
});
export type TestProviderKeyOutput = z.infer<typeof testProviderKeyOutput>;
