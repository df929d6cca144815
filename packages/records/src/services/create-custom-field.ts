import { AppError } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { insertCustomFieldRow } from "../queries/custom-fields.queries.ts";
import type { CreateCustomFieldInput, CustomField } from "../schemas/custom-fields.ts";
import { toCustomField } from "./custom-field-defs.ts";

export async function createCustomField(
  ctx: ServiceCtx,
  input: CreateCustomFieldInput,
): Promise<CustomField> {
  const row = await insertCustomFieldRow(ctx.db, ctx.workspaceId, {
    entity: input.entity,
    key: input.key,
    label: input.label,
    type: input.type,
    options: input.options ?? [],
  }).catch((error: unknown) => {
    const e = error as { code?: string } | null;
    if (e?.code === "23505") {
      return Promise.reject(
        new AppError("CONFLICT", `A ${input.entity} field with key ${input.key} already exists`, {
          field: "key",
        }),
      );
    }
    return Promise.reject(error);
  });
  return toCustomField(row);
}
