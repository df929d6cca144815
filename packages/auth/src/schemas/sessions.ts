import { z } from "zod";

export const sessionListOutput = z.object({
  items: z.array(
    z.object({
      /** The public session id (never the token). */
      id: z.string(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      expiresAt: z.string(),
      userAgent: z.string().nullable(),
      ip: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
});
export type SessionList = z.infer<typeof sessionListOutput>;

export const revokeOtherSessionsOutput = z.object({ revoked: z.number().int() });
