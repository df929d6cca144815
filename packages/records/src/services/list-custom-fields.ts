import type { ServiceCtx } from "@quarry/db/service-context";
import type { CustomField } from "../schemas/custom-fields.ts";
import type { EntityName } from "../schemas/entities.ts";
import { loadCustomFields } from "./custom-field-defs.ts";

export async function listCustomFields(
  ctx: ServiceCtx,
  input: { entity?: EntityName | undefined },
): Promise<{ items: CustomField[] }> {
  return { items: await loadCustomFields(ctx.db, ctx.workspaceId, input.entity) };
}
