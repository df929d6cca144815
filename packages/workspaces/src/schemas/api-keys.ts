import { idSchema } from "@quarry/core/ids";
import { z } from "zod";

/** What a key may do: a set of actions, `apiKeyScopeActions` in permissions.ts (`read`: every GET; `read_write`: every endpoint). */
export const apiKeyScopes = ["read", "read_write"] as const;
export const apiKeyScopeSchema = z.enum(apiKeyScopes, { message: 'must be "read" or "read_write"' });
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

export const createApiKeyInput = z.object({
  name: z
    .string({ message: "must be text" })
    .trim()
    .min(1, { message: "is required" })
    .max(100, { message: "must be at most 100 characters" }),
  scope: apiKeyScopeSchema,
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({ id: idSchema });
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeyInput>;

/** A key as lists show it: the public prefix identifies it; the secret is never shown again. */
export const apiKeyListItem = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: apiKeyScopeSchema,
  /** The creator's name; null for keys made with the admin CLI or whose creator is gone. */
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyListItem = z.infer<typeof apiKeyListItem>;
export const apiKeyListOutput = z.object({ items: z.array(apiKeyListItem) });

/** The answer to create: the only time the full key is ever shown. */
export const createdApiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: apiKeyScopeSchema,
  createdAt: z.string(),
  key: z.string(),
});
export type CreatedApiKey = z.infer<typeof createdApiKey>;
