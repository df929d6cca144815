import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newUserPage, snapshot, uniqueEmail } from "../support/browser.ts";

/**
 * Feedback and forms from one user's side: sign-up refuses `password123` with the strength meter
 * and a sentence naming the field; deleting a contact shows a toast whose Undo restores it; the
 * account page (inside the workspace header) renames the user and changes the password with the
 * current one; the roles page lists what each role may do.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the record's side panel from its row's Open button (a click on a cell selects it). */
async function openPanel(page: Page, name: string) {
  const panel = page.getByRole("dialog", { name });
  await page.getByRole("button", { name: `Open ${name}` }).click();
  await panel.waitFor();
  return panel;
}

it("refuses a weak password, undoes a delete from its toast, and edits the account", async () => {
  const { page } = await newUserPage(browser);
  const email = uniqueEmail("forms");
  try {
    // Sign-up: the meter and the same rule as the server.
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Fran Forms");
    await page.getByLabel("Email").fill(email);
    const password = page.getByLabel("Password", { exact: true });
    await password.fill("password123");
    const meter = page.getByRole("meter", { name: "Strength: Very weak" });
    await meter.waitFor();
    expect(await meter.getAttribute("value")).toBe("0");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByText(/^Password is too easy to guess\. This is a commonly used password\./).waitFor();
    expect(await password.getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).pathname).toBe("/sign-up");

    await password.fill("correct horse battery");
    await page.getByRole("meter", { name: "Strength: Very strong" }).waitFor();
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByLabel("Workspace name").fill("Forms Co");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL("**/w/*/contacts");
    await page.getByText("Workspace “Forms Co” created.").waitFor();

    // A contact, deleted and brought back from the toast.
    await page.getByRole("button", { name: "New contact" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New contact" });
    await dialog.getByLabel("First name").fill("Ada");
    await dialog.getByLabel("Last name").fill("Lovelace");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("Ada Lovelace created.").waitFor();

    const panel = await openPanel(page, "Ada Lovelace");
    await panel.getByRole("button", { name: "Delete" }).click();
    await page
      .getByRole("dialog", { name: "Delete contact" })
      .getByRole("button", { name: "Delete" })
      .click();
    const deleted = page.getByRole("listitem").filter({ hasText: "Ada Lovelace deleted." });
    await deleted.waitFor();
    await panel.waitFor({ state: "detached" });
    const row = page.getByRole("row", { name: /Ada Lovelace/ });
    await row.waitFor({ state: "detached" });
    await deleted.getByRole("button", { name: "Undo" }).click();
    await page.getByText("Ada Lovelace restored.").waitFor();
    await row.waitFor();

    // The roles page, from Members.
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Members" }).click();
    await page.getByRole("link", { name: "What each role may do" }).click();
    await page.getByRole("heading", { name: "Roles" }).waitFor();
    const seeRecords = page.getByRole("row", { name: /See contacts and companies/ });
    // Owner, admin, member, viewer may; a billing admin may not.
    expect(await seeRecords.getByRole("cell").allTextContents()).toEqual([
      "✓Allowed",
      "✓Allowed",
      "✓Allowed",
      "✓Allowed",
      "—Not allowed",
    ]);

    // The account page keeps the workspace header.
    await page.getByRole("button", { name: "Account menu for Fran Forms" }).click();
    await page.getByRole("link", { name: "Account & sessions" }).click();
    await page.waitForURL("**/account");
    await page
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "Contacts" })
      .waitFor();

    await page.getByLabel("Name", { exact: true }).fill("Fran Renamed");
    await page.getByRole("button", { name: "Save name" }).click();
    await page.getByText("Name saved.").waitFor();
    await page.getByRole("button", { name: "Account menu for Fran Renamed" }).waitFor();

    const current = page.getByLabel("Current password", { exact: true });
    const next = page.getByLabel("New password", { exact: true });
    await current.fill("not my password");
    await next.fill("a brand new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Current password is not correct.").waitFor();
    await current.fill("correct horse battery");
    await next.fill("password123");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText(/^New password is too easy to guess\./).waitFor();
    await next.fill("a brand new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Password changed. Your other sessions were signed out.").waitFor();

    // Signed out, the new password signs in and the old one does not.
    await page.getByRole("button", { name: "Account menu for Fran Renamed" }).click();
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.waitForURL("**/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Email or password is incorrect.").waitFor();
    await page.getByLabel("Password", { exact: true }).fill("a brand new passphrase");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/w/*/contacts");
  } catch (error) {
    await snapshot(page, "feedback-forms");
    throw error;
  }
});
