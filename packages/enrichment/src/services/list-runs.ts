import type { ServiceCtx } from "@quarry/db/service-context";
import { z } from "zod";
import { listRunRows } from "../queries/runs.queries.ts";
import type { ListRunsInput, Run } from "../schemas/runs.ts";
import { runStatusOf } from "./get-run.ts";

const cursorSchema = z.object({ t: z.string().max(64), id: z.uuid() });

function encode(value: z.infer<typeof cursorSchema>): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function decode(cursor: string): z.infer<typeof cursorSchema> | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type RunSummary = Pick<
  Run,
  | "id"
  | "entity"
  | "fields"
  | "testMode"
  | "status"
  | "stopReason"
  | "recordCount"
  | "createdAt"
  | "finishedAt"
>;

/** The workspace's runs, newest first (open one with get for its progress). */
export async function listRuns(
  ctx: ServiceCtx,
  input: ListRunsInput,
): Promise<{ items: RunSummary[]; nextCursor: string | null }> {
  const before = input.cursor ? decode(input.cursor) : null;
  const rows = await listRunRows(
    ctx.db,
    ctx.workspaceId,
    input.limit + 1,
    before ? { createdAt: before.t, id: before.id } : null,
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      entity: r.entity === "company" ? "company" : "contact",
      fields: r.fields,
      testMode: r.test_mode,
      status: runStatusOf(r),
      stopReason: r.stop_reason,
      recordCount: r.record_count,
      createdAt: r.created_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
    })),
    nextCursor: rows.length > input.limit && last ? encode({ t: last.created_at_key, id: last.id }) : null,
  };
}
