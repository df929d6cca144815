import { badInput } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { z } from "zod";
import { type EntryRow, listEntryRows } from "../queries/ledger.queries.ts";
import { type CreditEntry, creditEntry, type ListEntriesInput } from "../schemas/entries.ts";

const entryCursor = z.object({
  t: z.string().regex(/^\d{4}-\d{2}-\d{2} [\d:.]+[+-][\d:]+$/),
  id: z.uuid(),
});

function decodeCursor(cursor: string): z.infer<typeof entryCursor> {
  try {
    const parsed = entryCursor.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {}
  throw badInput("cursor", "cursor is not valid: start again from the first page");
}

function toEntry(r: EntryRow): CreditEntry {
  return creditEntry.parse({
    id: r.id,
    kind: r.kind,
    amount: r.available,
    held: r.held,
    spent: r.spent,
    memo: r.memo,
    runId: r.run_id,
    recordId: r.record_id,
    field: r.field,
    provider: r.provider,
    createdAt: r.created_at.toISOString(),
  });
}

/** The workspace's ledger, newest first, in keyset pages. */
export async function listEntries(
  ctx: ServiceCtx,
  input: ListEntriesInput,
): Promise<{ items: CreditEntry[]; nextCursor: string | null }> {
  const before = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await listEntryRows(ctx.db, {
    workspaceId: ctx.workspaceId,
    before: before ? { createdAt: before.t, id: before.id } : null,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toEntry),
    nextCursor:
      rows.length > input.limit && last
        ? Buffer.from(JSON.stringify({ t: last.created_at_key, id: last.id })).toString("base64url")
        : null,
  };
}
