import { badInput, notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { findCustomFieldRow, updateCustomFieldRow } from "../queries/custom-fields.queries.ts";
import type { CustomField, UpdateCustomFieldInput } from "../schemas/custom-fields.ts";
import { toCustomField } from "./custom-field-defs.ts";

/** Label and options can change; key and type cannot. Values no longer among the options stay as they are. */
export async function updateCustomField(
  ctx: ServiceCtx,
  input: UpdateCustomFieldInput,
): Promise<CustomField> {
  return withTx(ctx.db, async (db) => {
    const current = await findCustomFieldRow(db, ctx.workspaceId, input.id, { forUpdate: true });
    if (!current) throw notFound("Field");
    if (input.data.options !== undefined && current.type !== "select") {
      throw badInput("data.options", "data.options: only select fields have options");
    }
    if (input.data.options?.length === 0) {
      throw badInput("data.options", "data.options: a select field needs at least one option");
    }
    const row = await updateCustomFieldRow(db, ctx.workspaceId, input.id, input.data);
    if (!row) throw notFound("Field");
    return toCustomField(row);
  });
}
