import { apiKeyScopeActions, can, keyCan, permissionMatrix } from "@quarry/workspaces/permissions";
import { expect, it } from "vitest";
import type { Run } from "./schemas/runs.ts";
import { testCaller } from "./testing/caller.ts";
import { createContactRun, enrichmentWorkspace, insertContacts, memberOf } from "./testing/fixtures.ts";
import { useTestDatabase } from "./testing/test-database.ts";
import { testDeps, testProvider } from "./testing/test-providers.ts";

const t = useTestDatabase();

/** Who is shown the workspace's balance: every role that may run enrichment reads it, a viewer does not. */
const balanceShownTo = [
  { role: "owner", available: 123, covered: true },
  { role: "admin", available: 123, covered: true },
  { role: "member", available: 123, covered: true },
  { role: "viewer", available: null, covered: null },
] as const;

it.each(balanceShownTo)(
  "enrichment.runs.preview as $role shows the balance: $available",
  async ({ role, available, covered }) => {
    const w = await enrichmentWorkspace(t.db, 123);
    const member = await memberOf(t.db, w.workspaceId, role);
    const ids = await insertContacts(t.db, w.workspaceId, [{ first_name: "Ada", last_name: "Lovelace" }]);
    const preview = await testCaller(t.db, member).enrichment.runs.preview({
      workspaceId: w.workspaceId,
      entity: "contact",
      selection: { ids },
      fields: ["full_name"],
    });
    expect(preview).toMatchObject({ recordCount: 1, available, covered });
  },
);

it.each(balanceShownTo)(
  "enrichment.runs.get and .watch as $role show the balance the run was made against: $available",
  async ({ role, available, covered }) => {
    const w = await enrichmentWorkspace(t.db, 123);
    const member = await memberOf(t.db, w.workspaceId, role);
    const ids = await insertContacts(t.db, w.workspaceId, [{ email: "ada@example.com" }]);
    const deps = testDeps([
      testProvider({ id: "p", contact: ["title"], answer: () => ({ status: "not_found" }) }, []),
    ]);
    const created = await createContactRun(w.ctx, deps, ids);
    expect(created.estimate).toMatchObject({ available: 123, covered: true });
    const caller = testCaller(t.db, member);
    const run = await caller.enrichment.runs.get({ workspaceId: w.workspaceId, id: created.id });
    expect(run.estimate).toMatchObject({ recordCount: 1, available, covered });

    const stream = await caller.enrichment.runs.watch({ workspaceId: w.workspaceId, id: created.id });
    let first: Run | undefined;
    for await (const snapshot of stream) {
      first = snapshot;
      break;
    }
    expect(first?.estimate).toMatchObject({ recordCount: 1, available, covered });
  },
);

it("every role and API key scope that may start or cancel a run may read the balance it is shown", () => {
  for (const role of permissionMatrix["enrichment.run"]) expect(can(role, "credits.read")).toBe(true);
  for (const [scope, actions] of Object.entries(apiKeyScopeActions)) {
    if ((actions as readonly string[]).includes("enrichment.run"))
      expect(keyCan(scope, "credits.read")).toBe(true);
  }
});
