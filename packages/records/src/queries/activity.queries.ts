import type { Database } from "@quarry/db/client";
import { sql } from "kysely";
import type { ActivityAction, ActivitySource, FieldChange } from "../schemas/activity.ts";
import type { EntityName } from "../schemas/entities.ts";

export interface NewActivity {
  workspaceId: string;
  entity: EntityName;
  recordId: string;
  actorId: string | null;
  source: ActivitySource;
  action: ActivityAction;
  changes: FieldChange[];
}

export async function insertActivity(db: Database, a: NewActivity): Promise<void> {
  await insertActivities(db, [a]);
}

export async function insertActivities(db: Database, rows: readonly NewActivity[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("record_activity")
    .values(
      rows.map((a) => ({
        workspace_id: a.workspaceId,
        entity: a.entity,
        record_id: a.recordId,
        actor_id: a.actorId,
        source: a.source,
        action: a.action,
        changes: JSON.stringify(a.changes),
        // clock_timestamp, not now(): several changes in one transaction keep their order
        // (it is evaluated per row, so the rows of one insert are ordered too).
        created_at: sql<Date>`clock_timestamp()`,
      })),
    )
    .execute();
}

export interface ActivityRow {
  id: string;
  action: string;
  source: string;
  actor_id: string | null;
  actor_name: string | null;
  changes: unknown;
  created_at: Date;
  created_at_key: string;
}

/** Newest first; `before` is the (created_at, id) of the last row already shown. */
export async function listActivityRows(
  db: Database,
  q: {
    workspaceId: string;
    entity: EntityName;
    recordId: string;
    before: { createdAt: string; id: string } | null;
    limit: number;
  },
): Promise<ActivityRow[]> {
  let query = db
    .selectFrom("record_activity as a")
    .leftJoin("users as u", "u.id", "a.actor_id")
    .select([
      "a.id",
      "a.action",
      "a.source",
      "a.actor_id",
      "u.name as actor_name",
      "a.changes",
      "a.created_at",
      sql<string>`a.created_at::text`.as("created_at_key"),
    ])
    .where("a.workspace_id", "=", q.workspaceId)
    .where("a.entity", "=", q.entity)
    .where("a.record_id", "=", q.recordId);
  if (q.before) {
    const { createdAt, id } = q.before;
    query = query.where(sql<boolean>`(a.created_at, a.id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query.orderBy("a.created_at", "desc").orderBy("a.id", "desc").limit(q.limit).execute();
}
