import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCompany, createContact, setViewport, signUp, startFreeContactRun } from "../support/app.ts";
import { launchBrowser, newUserPage, PHONE, snapshot } from "../support/browser.ts";
import { type Seeded, sidewaysScroll, signedInScreens, signedOutScreens } from "../support/pages.ts";

/**
 * A phone held upright (390 px): every screen fits without sideways scrolling, the navigation
 * folds into a Menu disclosure that works by mouse and keyboard, and the account menu and
 * "New contact" are on screen and usable. One owner, signed up on the phone, is reused.
 */

let browser: Browser;
let visitor: { context: BrowserContext; page: Page };
let owner: { context: BrowserContext; page: Page };
const seeded: Seeded = { workspaceId: "", runId: "", contactName: "Ada Lovelace" };

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await newUserPage(browser, PHONE);
  owner = await newUserPage(browser, PHONE);
  const page = owner.page;
  const { workspaceId } = await signUp(page, { name: "Ada Owner" });
  await createContact(page, workspaceId, {
    first_name: "Ada",
    last_name: "Lovelace",
    email: "ada.lovelace.with.a.long.address@analytical-engines.example",
    title: "VP of Engineering",
  });
  await createCompany(page, workspaceId, { name: "Analytical Engines", domain: "engines.example" });
  const run = await startFreeContactRun(page, workspaceId);
  Object.assign(seeded, { workspaceId, runId: run.id });
});
afterAll(() => browser?.close());

const screens = [
  ...signedOutScreens.map((screen) => ({ screen, who: () => visitor.page })),
  ...signedInScreens(seeded).map((screen) => ({ screen, who: () => owner.page })),
];

it.each(screens.map((s) => [s.screen.name, s] as const))(
  "%s fits 390 px without sideways scrolling",
  async (_n, s) => {
    const page = s.who();
    await s.screen.open(page);
    const problems = await sidewaysScroll(page);
    // E2E_SNAPSHOTS=1 keeps a picture of every screen to look over (e2e/artifacts/).
    if (problems.length > 0 || process.env.E2E_SNAPSHOTS)
      await snapshot(page, `narrow-${s.screen.name.replaceAll(" ", "-")}`);
    expect(problems, `${s.screen.name} scrolls sideways at 390 px`).toEqual([]);
  },
);

it("folds the navigation into a Menu button that opens, follows links and closes on Escape", async () => {
  const page = owner.page;
  await page.goto(`/w/${seeded.workspaceId}/contacts`);
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  const companies = page.getByRole("link", { name: "Companies" });
  expect(await companies.isVisible()).toBe(false);
  expect(await menu.getAttribute("aria-expanded")).toBe("false");
  const controls = await menu.getAttribute("aria-controls");
  expect(await page.locator(`[id="${controls}"]`).getAttribute("aria-label")).toBe("Workspace");

  // Opening moves focus into the menu; a link goes to its page and closes the menu.
  await menu.click();
  expect(await menu.getAttribute("aria-expanded")).toBe("true");
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Contacts");
  await companies.click();
  await page.waitForURL("**/companies");
  await page.getByRole("heading", { level: 1, name: "Companies" }).waitFor();
  expect(await menu.getAttribute("aria-expanded")).toBe("false");
  expect(await companies.isVisible()).toBe(false);

  // By keyboard: Enter opens, Tab moves through the links, Escape closes and returns focus.
  await menu.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("link", { name: "Members" }).waitFor();
  await page.keyboard.press("Tab");
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Companies");
  await page.keyboard.press("Escape");
  expect(await menu.getAttribute("aria-expanded")).toBe("false");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-controls"))).toBe(controls);
  await page.getByRole("link", { name: "Members" }).waitFor({ state: "hidden" });
});

it("at tablet width (800 px) shows every navigation link without sideways scrolling", async () => {
  const page = owner.page;
  await setViewport(page, { width: 800, height: 1000 });
  try {
    await page.goto(`/w/${seeded.workspaceId}/contacts`);
    await page.getByRole("heading", { level: 1, name: "Contacts" }).waitFor();
    expect(await page.getByRole("button", { name: "Menu", exact: true }).isVisible()).toBe(false);
    const nav = page.getByRole("navigation", { name: "Workspace" });
    for (const name of [
      "Contacts",
      "Companies",
      "Enrichment runs",
      "Members",
      "Providers",
      "Credits",
      "API keys",
    ]) {
      await expectOnScreen(page, nav.getByRole("link", { name, exact: true }), `the ${name} link`);
    }
    expect(await sidewaysScroll(page)).toEqual([]);
  } finally {
    await setViewport(page, PHONE);
  }
});

it("keeps the account menu on screen and usable", async () => {
  const page = owner.page;
  await page.goto(`/w/${seeded.workspaceId}/contacts`);
  const account = page.getByRole("button", { name: "Account menu for Ada Owner" });
  await expectOnScreen(page, account, "the account menu button");
  await account.click();
  const link = page.getByRole("link", { name: "Account & sessions" });
  await expectOnScreen(page, link, "Account & sessions");
  await link.click();
  await page.getByRole("heading", { level: 1, name: "Account" }).waitFor();
});

it("keeps New contact on screen; its dialog fits the phone and saves", async () => {
  const page = owner.page;
  await page.goto(`/w/${seeded.workspaceId}/contacts`);
  await page.getByRole("heading", { level: 1, name: "Contacts" }).waitFor();
  const newContact = page.getByRole("button", { name: "New contact" }).first();
  await expectOnScreen(page, newContact, "New contact");
  await newContact.click();
  const dialog = page.getByRole("dialog", { name: "New contact" });
  await dialog.waitFor();
  await expectOnScreen(page, dialog, "the New contact dialog");
  await dialog.getByLabel("First name").fill("Grace");
  await dialog.getByLabel("Last name").fill("Hopper");
  const save = dialog.getByRole("button", { name: "Save" });
  await expectOnScreen(page, save, "the dialog's Save button");
  await save.click();
  await dialog.waitFor({ state: "detached" });
  await page.getByText("Grace Hopper").first().waitFor();
});

it("fits the Enrich dialog to the phone: one choice per line, Start on screen", async () => {
  const page = owner.page;
  await page.goto(`/w/${seeded.workspaceId}/contacts`);
  await page.getByRole("checkbox", { name: "Select all loaded rows" }).check();
  await page
    .getByRole("button", { name: /^Enrich/ })
    .first()
    .click();
  const dialog = page.getByRole("dialog", { name: "Enrich records" });
  await dialog.getByRole("checkbox", { name: /^Seniority/ }).check();
  await expectOnScreen(page, dialog, "the Enrich dialog");
  await expectOnScreen(page, dialog.getByRole("button", { name: /^Start enrichment/ }), "Start enrichment");
  // The field choices are styled boxes stacked in a column, not words running on in a paragraph.
  const choices = dialog.locator("label").filter({ has: page.getByRole("checkbox") });
  const first = await choices.nth(0).boundingBox();
  const second = await choices.nth(1).boundingBox();
  expect(
    second && first && second.y >= first.y + first.height,
    "second field choice sits below the first",
  ).toBe(true);
  await dialog.getByRole("button", { name: "Cancel" }).click();
});

it("keeps page styles on screens shown without the app shell", async () => {
  const page = visitor.page;
  await page.goto("/no-such-page");
  await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  const box = await page.getByRole("link", { name: "Go home" }).boundingBox();
  const middle = box ? box.x + box.width / 2 : 0;
  expect(Math.abs(middle - PHONE.width / 2), "the Go home button is centred under the heading").toBeLessThan(
    10,
  );
});

it("offers a reload when a page's code cannot be fetched, keeping the top bar and menu", async () => {
  const page = owner.page;
  await page.goto(`/w/${seeded.workspaceId}/contacts`);
  await page.getByRole("heading", { level: 1, name: "Contacts" }).waitFor();
  // As after a deploy that removed the old chunk: the members page's script is gone.
  await page.route(/\/assets\/members-page-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: "" }));
  try {
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    await page.getByRole("link", { name: "Members" }).click();
    await page.getByRole("alert").getByText("This page could not be shown").waitFor();
    await page.getByRole("button", { name: "Reload" }).waitFor();
    await expectOnScreen(page, page.getByRole("button", { name: "Menu", exact: true }), "the Menu button");
  } finally {
    await page.unroute(/\/assets\/members-page-[^/]*\.js$/);
  }
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Members" }).waitFor();
});

/** The element's box lies inside the window: reachable without scrolling the page. */
async function expectOnScreen(page: Page, locator: ReturnType<Page["locator"]>, what: string) {
  await locator.waitFor();
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  expect(box, `${what} has a box`).not.toBeNull();
  if (!box) return;
  const left = Math.round(box.x);
  const right = Math.round(box.x + box.width);
  const top = Math.round(box.y);
  const bottom = Math.round(box.y + box.height);
  expect(
    left >= 0 && right <= width && top >= 0 && bottom <= height,
    `${what} spans x ${left}–${right}, y ${top}–${bottom} in a ${width}×${height} window`,
  ).toBe(true);
}
