import { notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { findRole } from "../queries/memberships.queries.ts";
import type { MemberGrants, PreviewMemberRemovalInput } from "../schemas/members.ts";
import { countMemberGrants } from "./revoke-member-grants.ts";

/** How many API keys and invitations removing this member would revoke (for the confirmation). */
export async function previewMemberRemoval(
  ctx: ServiceCtx,
  input: PreviewMemberRemovalInput,
): Promise<MemberGrants> {
  if (!(await findRole(ctx.db, ctx.workspaceId, input.id))) throw notFound("Member");
  return countMemberGrants(ctx.db, ctx.workspaceId, input.id, ctx.clock.now());
}
