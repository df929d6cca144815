import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newUserPage, snapshot, uniqueEmail } from "../support/browser.ts";

/**
 * A newcomer's first enrichment: a new workspace shows the getting-started checklist; adding a
 * contact ticks its first step; test mode goes on in one switch; a test run fills the contact's
 * title with a made-up value marked as sandbox data, at no cost; test mode goes off again in one
 * switch on the Providers page, where an unsaved waterfall order is not dropped without asking;
 * the checklist is dismissed and stays away.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const checklist = (page: Page) => page.getByRole("complementary", { name: "Get started" });

it("checklist, test mode in one switch, a sandbox-filled test run, and confirm before discarding an order", async () => {
  const { page } = await newUserPage(browser);
  try {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Nina Newcomer");
    await page.getByLabel("Email").fill(uniqueEmail("newcomer"));
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByLabel("Workspace name").fill("First Steps");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL("**/w/*/contacts");

    // A new workspace: four steps, none done.
    await checklist(page).getByText("0 of 4 done").waitFor();
    expect(await checklist(page).getByRole("listitem").allTextContents()).toHaveLength(4);

    await page.getByRole("button", { name: "New contact" }).first().click();
    const form = page.getByRole("dialog", { name: "New contact" });
    await form.getByLabel("First name").fill("Ada");
    await form.getByLabel("Last name").fill("Lovelace");
    await form.getByLabel("Email").fill("ada@lovelace.example");
    await form.getByRole("button", { name: "Save" }).click();
    await form.waitFor({ state: "detached" });
    await page.getByRole("row", { name: /Ada Lovelace/ }).waitFor();
    // The step ticks itself off from the contact now in the workspace.
    await checklist(page).getByText("1 of 4 done").waitFor();
    await checklist(page).getByText("Add contacts (done)").waitFor();

    // Test mode: one switch.
    const testMode = checklist(page).getByRole("switch", { name: /Test mode/ });
    await testMode.click();
    await expect.poll(() => testMode.isChecked()).toBe(true);
    await checklist(page)
      .getByText(/Now select contacts and choose Enrich/)
      .waitFor();

    await page.getByRole("checkbox", { name: "Select Ada Lovelace" }).check();
    await page.getByRole("button", { name: "Enrich 1 contact" }).click();
    const dialog = page.getByRole("dialog", { name: "Enrich records" });
    await dialog.getByText("Test mode is on.").waitFor();
    await dialog.getByRole("checkbox", { name: /^Title/ }).check();
    await dialog
      .getByRole("row", { name: /Sandbox — test data/ })
      .first()
      .waitFor();
    await snapshot(page, "test-mode-dialog");
    await dialog.getByRole("button", { name: /^Start test run · up to 0 credits/ }).click();

    await page.waitForURL("**/enrichment/runs/*");
    await page.locator(".run-header").getByText("Test run").waitFor();
    await page.locator(".run-header").getByText("Completed").waitFor();
    const credits = page.getByRole("region", { name: "Credits" });
    expect(await credits.getByRole("definition").first().textContent()).toBe("0 credits");

    // The title is filled, and marked as made-up sandbox data where it shows.
    await page.getByRole("link", { name: "Back to contacts" }).click();
    const ada = page.getByRole("row", { name: /Ada Lovelace/ });
    await ada.getByText("Sandbox — test data", { exact: true }).waitFor();
    await checklist(page).getByText("Try enrichment in test mode (done)").waitFor();
    await snapshot(page, "test-mode-filled");

    // Off again, in one switch, on the Providers page.
    await page.getByRole("link", { name: "Providers" }).click();
    const providersSwitch = page.getByRole("region", { name: "Test mode" }).getByRole("switch");
    expect(await providersSwitch.isChecked()).toBe(true);
    await page.getByText(/Test mode is on: runs use the free built-ins/).waitFor();
    await snapshot(page, "test-mode-providers");
    await providersSwitch.click();
    await expect.poll(() => providersSwitch.isChecked()).toBe(false);
    await page.getByText(/Test mode is on: runs use the free built-ins/).waitFor({ state: "detached" });

    // An unsaved order is not discarded by switching field without asking.
    const waterfalls = page.getByRole("region", { name: "Waterfalls" });
    const field = waterfalls.getByLabel("Field");
    const first = await field.inputValue();
    await waterfalls
      .getByRole("button", { name: /^Remove / })
      .first()
      .click();
    await waterfalls.getByText("Unsaved changes").waitFor();
    const other = await field.locator("option").nth(1).getAttribute("value");
    await field.selectOption(other ?? "");
    const confirm = page.getByRole("dialog", { name: "Discard the unsaved order?" });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "detached" });
    expect(await field.inputValue()).toBe(first);
    await waterfalls.getByText("Unsaved changes").waitFor();
    await field.selectOption(other ?? "");
    await confirm.getByRole("button", { name: "Discard changes" }).click();
    await expect.poll(() => field.inputValue()).toBe(other);
    await waterfalls.getByText("Default order").waitFor();

    // The checklist can be dismissed, and stays dismissed.
    await page.getByRole("link", { name: "Contacts" }).click();
    await checklist(page).getByText("2 of 4 done").waitFor();
    await checklist(page).getByRole("button", { name: "Dismiss checklist" }).click();
    await checklist(page).waitFor({ state: "detached" });
    await page.reload();
    await page.getByRole("row", { name: /Ada Lovelace/ }).waitFor();
    expect(await checklist(page).count()).toBe(0);
  } catch (error) {
    await snapshot(page, "enrichment-test-mode-failure");
    throw error;
  }
});
