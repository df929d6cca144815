import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { findUnlinkedContacts } from "../queries/company-links.queries.ts";
import { relinkContacts } from "./link-companies.ts";
import { linkDomainOf } from "./link-domain.ts";

export const LINK_CHUNK = 500;

/**
 * Links one chunk of the workspace's live contacts without a company (id order, after `afterId`)
 * to the companies of their domains, creating missing ones when the workspace allows it. One
 * transaction, a constant number of statements. `nextAfterId` is null when this was the last chunk.
 */
export async function linkExistingContacts(
  ctx: ServiceCtx,
  input: { afterId: string | null; limit?: number },
): Promise<{ linked: number; nextAfterId: string | null }> {
  const limit = input.limit ?? LINK_CHUNK;
  return withTx(ctx.db, async (db) => {
    const chunk = await findUnlinkedContacts(db, ctx.workspaceId, input.afterId, limit);
    const relinks = chunk.flatMap((c) => {
      const domain = linkDomainOf(c);
      return domain ? [{ id: c.id, domain, companyName: c.company_name }] : [];
    });
    const linked = await relinkContacts({ ...ctx, db }, db, relinks);
    const last = chunk.at(-1);
    return { linked, nextAfterId: chunk.length === limit && last ? last.id : null };
  });
}
