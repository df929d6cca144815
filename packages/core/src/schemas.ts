import { z } from "zod";

/** Shared zod primitives: the same rules in the browser and on the server. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: "must be at most 254 characters" })
  .pipe(z.email({ message: "must be a valid email address" }));

export const passwordSchema = z
  .string()
  .min(10, { message: "must be at least 10 characters" })
  .max(256, { message: "must be at most 256 characters" });

export const nameSchema = z.string().trim().min(1, { message: "is required" }).max(200);

/** Keyset pagination: an opaque cursor and a page size. */
export const pageInput = z.object({
  cursor: z.string().max(2000).nullish(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type PageInput = z.infer<typeof pageInput>;
