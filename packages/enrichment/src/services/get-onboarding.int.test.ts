import { testOutbound } from "@quarry/core/testing/test-outbound";
import { expect, it } from "vitest";
import { sandbox } from "../providers/sandbox/sandbox.ts";
import { createContactRun, enrichmentWorkspace, insertContacts, memberOf } from "../testing/fixtures.ts";
import { useTestDatabase } from "../testing/test-database.ts";
import { testDeps } from "../testing/test-providers.ts";
import { getOnboarding } from "./get-onboarding.ts";
import { setProviderKey } from "./set-provider-key.ts";
import { updateEnrichmentSettings } from "./settings.ts";

const t = useTestDatabase();

it("ticks each first step off from what the workspace holds", async () => {
  const w = await enrichmentWorkspace(t.db, 0);
  const none = { contacts: false, testRun: false, testMode: false, providerKey: false, teammate: false };
  expect(await getOnboarding(w.ctx)).toEqual(none);

  const ids = await insertContacts(t.db, w.workspaceId, [{ email: "ada@example.com" }]);
  const deps = testDeps([sandbox]);
  await updateEnrichmentSettings(w.ctx, deps, { data: { testMode: true } });
  expect(await getOnboarding(w.ctx)).toEqual({ ...none, contacts: true, testMode: true });
  await createContactRun(w.ctx, deps, ids, { fields: ["title"] });
  await setProviderKey(w.ctx, testOutbound, { providerId: "hunter", apiKey: "hunter-key-12345678" });
  await memberOf(t.db, w.workspaceId, "member");
  expect(await getOnboarding(w.ctx)).toEqual({
    contacts: true,
    testRun: true,
    testMode: true,
    providerKey: true,
    teammate: true,
  });
});
