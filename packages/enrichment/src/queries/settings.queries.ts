import type { Database } from "@quarry/db/client";

export async function findThreshold(db: Database, workspaceId: string): Promise<number | null> {
  const row = await db
    .selectFrom("enrichment_settings")
    .select("confidence_threshold")
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return row?.confidence_threshold ?? null;
}

/** Whether the workspace is in test mode (the sandbox in every waterfall); false until it says so. */
export async function findTestMode(db: Database, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom("enrichment_settings")
    .select("test_mode")
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return row?.test_mode ?? false;
}

export async function upsertTestMode(db: Database, workspaceId: string, testMode: boolean): Promise<void> {
  await db
    .insertInto("enrichment_settings")
    .values({ workspace_id: workspaceId, test_mode: testMode })
    .onConflict((oc) => oc.column("workspace_id").doUpdateSet({ test_mode: testMode }))
    .execute();
}

export async function upsertThreshold(db: Database, workspaceId: string, threshold: number): Promise<void> {
  await db
    .insertInto("enrichment_settings")
    .values({ workspace_id: workspaceId, confidence_threshold: threshold })
    .onConflict((oc) => oc.column("workspace_id").doUpdateSet({ confidence_threshold: threshold }))
    .execute();
}

export interface WaterfallRow {
  entity: string;
  field: string;
  providers: string[];
}

export async function listWaterfallRows(db: Database, workspaceId: string): Promise<WaterfallRow[]> {
  return db
    .selectFrom("waterfall_settings")
    .select(["entity", "field", "providers"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("entity")
    .orderBy("field")
    .execute();
}

export async function upsertWaterfall(
  db: Database,
  workspaceId: string,
  w: { entity: string; field: string; providers: string[] },
): Promise<void> {
  await db
    .insertInto("waterfall_settings")
    .values({ workspace_id: workspaceId, entity: w.entity, field: w.field, providers: w.providers })
    .onConflict((oc) =>
      oc.columns(["workspace_id", "entity", "field"]).doUpdateSet({ providers: w.providers }),
    )
    .execute();
}

export async function deleteWaterfall(db: Database, workspaceId: string, entity: string, field: string) {
  await db
    .deleteFrom("waterfall_settings")
    .where("workspace_id", "=", workspaceId)
    .where("entity", "=", entity)
    .where("field", "=", field)
    .execute();
}
