import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newUserPage, snapshot, uniqueEmail } from "../support/browser.ts";

/**
 * Contacts and their companies in the app: an empty New contact form says what it needs, a
 * contact with a work email gets its company, the company's panel lists it, and an admin can
 * turn company creation off.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

it("asks for a name, email or LinkedIn URL, links a contact to its company and lists it on the company", async () => {
  const { page } = await newUserPage(browser);
  try {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Cora Owner");
    await page.getByLabel("Email").fill(uniqueEmail("companies"));
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByLabel("Workspace name").fill("Linked Co");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL("**/w/*/contacts");

    // An empty form is refused with a sentence naming what to add; nothing is created.
    await page.getByRole("button", { name: "New contact" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New contact" });
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByRole("alert").filter({ hasText: "Add a name, an email or a LinkedIn URL" }).waitFor();
    await snapshot(page, "company-links-empty-contact");

    await dialog.getByLabel("First name").fill("Ada");
    await dialog.getByLabel("Email").fill("ada@acme-e2e.com");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("row", { name: /Ada/ }).waitFor();
    await page.getByText("1 contact", { exact: true }).waitFor();

    // Her company was created from her email's domain; its panel lists her.
    await page.getByRole("link", { name: "Companies" }).click();
    const row = page.getByRole("row", { name: /acme-e2e\.com/ });
    await row.waitFor();
    await row.getByRole("button", { name: /^Open / }).click();
    const panel = page.getByRole("dialog", { name: "acme-e2e.com" });
    const contacts = panel.getByRole("list", { name: "Contacts of this company" });
    await contacts.getByText("Ada", { exact: true }).waitFor();
    expect(await contacts.getByRole("listitem").count()).toBe(1);
    await snapshot(page, "company-links-panel");
    await page.keyboard.press("Escape");

    // The owner turns company creation off on the settings page.
    await page.getByRole("link", { name: "Providers" }).click();
    const toggle = page.getByRole("checkbox", { name: "Create a company for each new contact domain" });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await page.getByText("Saved: no companies are created.").waitFor();
    await page.reload();
    await page.getByRole("checkbox", { name: "Create a company for each new contact domain" }).waitFor();
    await expect
      .poll(() =>
        page.getByRole("checkbox", { name: "Create a company for each new contact domain" }).isChecked(),
      )
      .toBe(false);
  } finally {
    await page.context().close();
  }
});
