import { idSchema } from "@quarry/core/ids";
import { z } from "zod";
import { entityNames } from "./entities.ts";

export const activitySources = ["user", "import", "enrichment", "api", "system"] as const;
export type ActivitySource = (typeof activitySources)[number];
export const activityActions = ["create", "update", "delete", "restore"] as const;
export type ActivityAction = (typeof activityActions)[number];

/** One field's change; `provider` names the enrichment provider when enrichment made it. */
export const fieldChangeSchema = z.object({
  field: z.string(),
  old: z.unknown(),
  new: z.unknown(),
  provider: z.string().optional(),
});
export type FieldChange = { field: string; old: unknown; new: unknown; provider?: string };

export const listActivityInput = z.object({
  entity: z.enum(entityNames),
  recordId: idSchema,
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListActivityInput = z.infer<typeof listActivityInput>;

export const activityItemSchema = z.object({
  id: z.string(),
  action: z.enum(activityActions),
  source: z.enum(activitySources),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  changes: z.array(fieldChangeSchema),
  createdAt: z.string(),
});
export type ActivityItem = z.infer<typeof activityItemSchema>;

export const listActivityOutput = z.object({
  items: z.array(activityItemSchema),
  nextCursor: z.string().nullable(),
});
