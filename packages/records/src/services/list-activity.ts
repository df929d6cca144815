import { notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { z } from "zod";
import { listActivityRows } from "../queries/activity.queries.ts";
import { findRecord } from "../queries/records.queries.ts";
import { type ActivityItem, activityItemSchema, type ListActivityInput } from "../schemas/activity.ts";
import { companyEntity, contactEntity } from "../schemas/entities.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";

const activityCursor = z.object({
  t: z.string().regex(/^\d{4}-\d{2}-\d{2} [\d:.]+[+-][\d:]+$/),
  id: z.uuid(),
});

/** A record's timeline, newest first, with who made each change. */
export async function listActivity(
  ctx: ServiceCtx,
  input: ListActivityInput,
): Promise<{ items: ActivityItem[]; nextCursor: string | null }> {
  const entity = input.entity === "contact" ? contactEntity : companyEntity;
  const record = await findRecord(ctx.db, entity, ctx.workspaceId, input.recordId);
  if (!record) throw notFound(entity.label);
  const before = input.cursor ? decodeCursor(input.cursor, activityCursor) : null;
  const rows = await listActivityRows(ctx.db, {
    workspaceId: ctx.workspaceId,
    entity: input.entity,
    recordId: input.recordId,
    before: before ? { createdAt: before.t, id: before.id } : null,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) =>
      activityItemSchema.parse({
        id: r.id,
        action: r.action,
        source: r.source,
        actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? "Deleted user" } : null,
        changes: r.changes,
        createdAt: r.created_at.toISOString(),
      }),
    ),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor({ t: last.created_at_key, id: last.id }) : null,
  };
}
