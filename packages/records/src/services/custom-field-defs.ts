import type { Database } from "@quarry/db/client";
import { type CustomFieldRow, listCustomFieldRows } from "../queries/custom-fields.queries.ts";
import { type CustomField, customFieldSchema } from "../schemas/custom-fields.ts";
import type { EntityName } from "../schemas/entities.ts";

export function toCustomField(row: CustomFieldRow): CustomField {
  return customFieldSchema.parse(row);
}

export async function loadCustomFields(
  db: Database,
  workspaceId: string,
  entity?: EntityName,
): Promise<CustomField[]> {
  return (await listCustomFieldRows(db, workspaceId, entity)).map(toCustomField);
}
