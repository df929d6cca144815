import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signUp } from "../support/app.ts";
import { launchBrowser, newUserPage, PHONE, snapshot } from "../support/browser.ts";
import { sidewaysScroll } from "../support/pages.ts";

/**
 * A newcomer on a phone (390 px) does the whole first loop: signs up, adds a contact, opens it,
 * and enriches it in test mode, and at no step does the page scroll sideways.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function expectNoSidewaysScroll(page: Page, step: string): Promise<void> {
  expect(await sidewaysScroll(page), `sideways scroll after: ${step}`).toEqual([]);
}

it("signs up, adds a contact, opens it and enriches it in test mode at 390 px without sideways scroll", async () => {
  const { page } = await newUserPage(browser, PHONE);
  try {
    await signUp(page, { name: "Pia Phone", workspace: "Pocket Sales" });
    await expectNoSidewaysScroll(page, "sign-up");

    // Add a contact from the toolbar.
    await page.getByRole("button", { name: "New contact" }).first().click();
    const form = page.getByRole("dialog", { name: "New contact" });
    await form.getByLabel("First name").fill("Ada");
    await form.getByLabel("Last name").fill("Lovelace");
    // The sandbox answers this address (it deterministically misses one lookup in five).
    await form.getByLabel("Email").fill("ada@lovelace.example");
    await expectNoSidewaysScroll(page, "new contact dialog");
    await form.getByRole("button", { name: "Save" }).click();
    await form.waitFor({ state: "detached" });

    // The list is a card list here; the card opens the record panel.
    const cards = page.getByRole("list", { name: /contacts/i });
    await cards.getByText("Ada Lovelace", { exact: true }).waitFor();
    await expectNoSidewaysScroll(page, "card list");
    await cards.getByRole("button", { name: "Open Ada Lovelace" }).click();
    const panel = page.getByRole("dialog", { name: "Ada Lovelace" });
    await panel.waitFor();
    await expectNoSidewaysScroll(page, "record panel");
    await panel
      .getByRole("button", { name: /^Close/ })
      .first()
      .click();
    await panel.waitFor({ state: "detached" });

    // Test mode in one switch, from the getting-started checklist.
    const checklist = page.getByRole("complementary", { name: "Get started" });
    const testMode = checklist.getByRole("switch", { name: /Test mode/ });
    await testMode.click();
    await expect.poll(() => testMode.isChecked()).toBe(true);

    // Select the card, enrich it: the dialog fits and its Start button is on screen.
    await cards.getByRole("checkbox", { name: "Select Ada Lovelace" }).check();
    await page.getByRole("button", { name: "Enrich 1 contact" }).click();
    const dialog = page.getByRole("dialog", { name: "Enrich records" });
    await dialog.getByText("Test mode is on.").waitFor();
    await dialog.getByRole("checkbox", { name: /^Title/ }).check();
    const start = dialog.getByRole("button", { name: /^Start test run/ });
    await expect.poll(() => start.isEnabled()).toBe(true);
    const box = await start.boundingBox();
    expect(box, "Start is laid out").not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    await expectNoSidewaysScroll(page, "enrich dialog");
    await start.click();

    await page.waitForURL("**/enrichment/runs/*");
    await page.locator(".run-header").getByText("Test run").waitFor();
    await page.locator(".run-header").getByText("Completed").waitFor();
    await expectNoSidewaysScroll(page, "run page");

    // Back on the contact, the title is filled and marked as made-up sandbox data.
    await page.getByRole("link", { name: "Back to contacts" }).click();
    await cards.getByRole("button", { name: "Open Ada Lovelace" }).click();
    await panel.waitFor();
    await panel.getByText("Sandbox — test data").first().waitFor();
    await expectNoSidewaysScroll(page, "record panel after enrichment");
    await snapshot(page, "phone-newcomer-enriched");
  } catch (error) {
    await snapshot(page, "phone-newcomer-failure");
    throw error;
  }
});
