import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCompany, createContact, setViewport, signUp, startFreeContactRun } from "../support/app.ts";
import { DESKTOP, launchBrowser, newUserPage, PHONE, snapshot } from "../support/browser.ts";
import { type Seeded, signedInScreens, signedOutScreens } from "../support/pages.ts";

/**
 * axe-core (WCAG 2 A and AA rules) on every screen, on a laptop and on a phone: no serious or
 * critical violation anywhere. One signed-out page, and one signed-up owner with a few records and
 * a run, are reused for every screen.
 */

let browser: Browser;
let visitor: { context: BrowserContext; page: Page };
let owner: { context: BrowserContext; page: Page };
// Filled in by beforeAll; the screen list needs the ids up front, so it reads them lazily.
const seeded: Seeded = { workspaceId: "", runId: "", contactName: "Ada Lovelace" };

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await newUserPage(browser);
  owner = await newUserPage(browser);
  const page = owner.page;
  const { workspaceId } = await signUp(page);
  await createContact(page, workspaceId, {
    first_name: "Ada",
    last_name: "Lovelace",
    email: "ada@engines.example",
    title: "VP of Engineering",
  });
  await createContact(page, workspaceId, { first_name: "Grace", last_name: "Hopper", title: "Admiral" });
  await createCompany(page, workspaceId, { name: "Analytical Engines", domain: "engines.example" });
  const run = await startFreeContactRun(page, workspaceId);
  Object.assign(seeded, { workspaceId, runId: run.id });
});
afterAll(() => browser?.close());

/** "color-contrast (serious) Elements must meet … → .badge, .count", one line per violation. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => {
      const where = v.nodes.map((n) => n.target.join(" ")).join(", ");
      return `${v.id} (${v.impact}) ${v.help} → ${where}\n    ${v.nodes[0]?.failureSummary ?? ""}`;
    });
}

describe.each([
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const)("%s", (label, viewport) => {
  const screens = [
    ...signedOutScreens.map((screen) => ({ screen, who: () => visitor.page })),
    ...signedInScreens(seeded).map((screen) => ({ screen, who: () => owner.page })),
  ];
  it.each(screens.map((s) => [s.screen.name, s] as const))("%s", async (_name, { screen, who }) => {
    const page = who();
    await setViewport(page, viewport);
    await screen.open(page);
    const found = await seriousViolations(page);
    if (found.length > 0) await snapshot(page, `a11y-${label}-${screen.name.replaceAll(" ", "-")}`);
    expect(found, `axe: serious or critical violations on ${screen.name} (${label})`).toEqual([]);
  });
});
