import { getEventListeners } from "node:events";
import type { KyselyPlugin, RootOperationNode } from "kysely";
import { expect, it } from "vitest";
import { startContactRun, waitFor } from "../testing/fixtures.ts";
import { useTestDatabase } from "../testing/test-database.ts";
import { testDeps, testProvider } from "../testing/test-providers.ts";
import { watchRun } from "./watch-run.ts";

const t = useTestDatabase();

/** Every statement sent through the plugged-in connection, as text enough to tell which tables it reads. */
function statementLog() {
  const statements: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery({ node }: { node: RootOperationNode }) {
      statements.push(node.kind === "RawNode" ? node.sqlFragments.join("?") : JSON.stringify(node));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { statements, plugin };
}

it("a watcher polls a small progress read, loads the full run only when it changed, and leaves ≤ 1 abort listener", async () => {
  const deps = testDeps([
    testProvider({ id: "p", contact: ["title"], answer: () => ({ status: "not_found" }) }, []),
  ]);
  const { w, ids, run } = await startContactRun(t.db, deps, {
    credits: 10,
    contacts: [{ email: "w1@example.com" }, { email: "w2@example.com" }],
  });
  const { statements, plugin } = statementLog();
  const ctx = { ...w.ctx, db: t.db.withPlugin(plugin) };
  // Full loads are the ones that read the lookup log (per-provider counts); polls never do.
  const fullLoads = () => statements.filter((s) => s.includes("enrichment_records")).length;
  const controller = new AbortController();
  const watch = watchRun(ctx, run.id, { intervalMs: 1, signal: controller.signal });

  const first = await watch.next();
  expect(first.value?.counts).toMatchObject({ pending: 2 });
  expect(fullLoads()).toBe(1);
  const next = watch.next();
  // Nothing changes: 40 statements is dozens of polls.
  await waitFor(async () => statements.length >= 40);
  expect(fullLoads()).toBe(1);
  expect(getEventListeners(controller.signal, "abort").length).toBeLessThanOrEqual(1);

  await t.db
    .updateTable("enrichment_run_items")
    .set({ status: "not_found" })
    .where("run_id", "=", run.id)
    .where("record_id", "=", ids[0] ?? "")
    .execute();
  const changed = await next;
  expect(changed.value?.counts).toMatchObject({ pending: 1, notFound: 1 });
  expect(fullLoads()).toBe(2);

  controller.abort();
  expect(await watch.next()).toEqual({ done: true, value: undefined });
  expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
});
