import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { launchBrowser, newUserPage, snapshot, uniqueEmail } from "../support/browser.ts";

/**
 * The foundation's whole story in one browser session: an owner signs up, builds a small contact
 * list, filters and sorts it, invites a viewer through the mailed link, the viewer joins and
 * cannot edit, and the owner's edit shows in the activity timeline as old → new.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const password = "correct horse battery";
const ownerEmail = uniqueEmail("owner");
const viewerEmail = uniqueEmail("viewer");

async function addContact(
  page: Page,
  c: { first: string; last: string; email: string; title: string; company: string },
) {
  await page.getByRole("button", { name: "New contact" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New contact" });
  await dialog.getByLabel("First name").fill(c.first);
  await dialog.getByLabel("Last name").fill(c.last);
  await dialog.getByLabel("Email").fill(c.email);
  await dialog.getByLabel("Title").fill(c.title);
  await dialog.getByLabel("Company").fill(c.company);
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByRole("row", { name: new RegExp(`${c.first} ${c.last}`) }).waitFor();
}

/** Full names of the grid's data rows, top to bottom. */
async function rowNames(page: Page): Promise<string[]> {
  const rows = page.getByRole("grid", { name: "Contacts" }).getByRole("row");
  const names: string[] = [];
  for (let i = 1; i < (await rows.count()); i++) {
    const first = await rows.nth(i).getByRole("gridcell").first().textContent();
    if (first) names.push(first.trim());
  }
  return names;
}

it("owner builds a list, invites a viewer who cannot edit, and the timeline shows the owner's edit", async () => {
  const { page } = await newUserPage(browser);
  try {
    // Sign up and create a workspace.
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Ada Owner");
    await page.getByLabel("Email").fill(ownerEmail);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByRole("heading", { name: "Create your first workspace" }).waitFor();
    await page.getByLabel("Workspace name").fill("Acme Sales");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL("**/w/*/contacts");
    await page.getByText("No contacts yet").waitFor();

    // Add contacts.
    await addContact(page, {
      first: "Ada",
      last: "Lovelace",
      email: "ada@engines.example",
      title: "Engineer",
      company: "Analytical Engines",
    });
    await addContact(page, {
      first: "Grace",
      last: "Hopper",
      email: "grace@navy.example",
      title: "Admiral",
      company: "US Navy",
    });
    await addContact(page, {
      first: "Alan",
      last: "Turing",
      email: "alan@bletchley.example",
      title: "Researcher",
      company: "Analytical Engines",
    });
    await page.getByText("3 contacts").waitFor();

    // Sort on last name, both ways.
    const grid = page.getByRole("grid", { name: "Contacts" });
    await grid.getByRole("button", { name: "Last name" }).click();
    await expect.poll(() => rowNames(page)).toEqual(["Grace Hopper", "Ada Lovelace", "Alan Turing"]);
    await grid.getByRole("button", { name: "Last name" }).click();
    await expect.poll(() => rowNames(page)).toEqual(["Alan Turing", "Ada Lovelace", "Grace Hopper"]);
    expect(await grid.getByRole("columnheader", { name: "Last name" }).getAttribute("aria-sort")).toBe(
      "descending",
    );

    // Filter on company = Analytical Engines: Grace drops out.
    await page.getByRole("button", { name: "Filter" }).click();
    const filter = page.getByRole("dialog", { name: "Filter contacts" });
    await filter.getByRole("button", { name: "+ Add condition" }).click();
    await filter.getByLabel("Field 1").selectOption("company_name");
    await filter.getByLabel("Operator 1").selectOption("equals");
    await filter.getByLabel("Value 1").fill("Analytical Engines");
    await filter.getByRole("button", { name: "Apply" }).click();
    await page.getByText("2 contacts").waitFor();
    await expect.poll(() => rowNames(page)).toEqual(["Alan Turing", "Ada Lovelace"]);
    await snapshot(page, "team-flow-filtered");

    // Invite a viewer; the link comes from the outbox (/dev/mailbox without SMTP).
    await page.getByRole("link", { name: "Members" }).click();
    await page.getByRole("heading", { level: 1, name: "Members" }).waitFor();
    await page.getByLabel("Email", { exact: true }).fill(viewerEmail);
    await page.getByLabel("Role").selectOption("viewer");
    await page.getByRole("button", { name: "Invite" }).click();
    await page.getByRole("cell", { name: viewerEmail, exact: true }).first().waitFor();
    const mailbox = await (
      await fetch(`${inject("baseUrl")}/dev/mailbox?to=${encodeURIComponent(viewerEmail)}`)
    ).text();
    const invitePath = mailbox.match(/\/invite\/[0-9a-z]+/)?.[0];
    expect(invitePath, "invitation link in the outbox").toBeTruthy();

    // The viewer joins through the link, signs out, signs in again, and cannot edit.
    const viewer = await newUserPage(browser);
    const v = viewer.page;
    await v.goto(invitePath ?? "");
    await v.getByRole("heading", { name: "Join Acme Sales" }).waitFor();
    await v.getByRole("link", { name: "Create an account" }).click();
    await v.getByLabel("Name").fill("Val Viewer");
    expect(await v.getByLabel("Email").inputValue()).toBe(viewerEmail);
    await v.getByLabel("Password").fill(password);
    await v.getByRole("button", { name: "Sign up" }).click();
    await v.getByRole("button", { name: "Accept invitation" }).click();
    await v.waitForURL("**/w/*/contacts");
    await viewer.context.clearCookies();
    await v.goto("/sign-in");
    await v.getByLabel("Email").fill(viewerEmail);
    await v.getByLabel("Password").fill(password);
    await v.getByRole("button", { name: "Sign in" }).click();
    await v.waitForURL("**/w/*/contacts");
    await v.getByText("View-only access").first().waitFor();
    await v.getByRole("row", { name: /Ada Lovelace/ }).waitFor();
    expect(await v.getByRole("button", { name: "New contact" }).count()).toBe(0);
    await v.getByRole("gridcell", { name: "Engineer" }).dblclick();
    await v.waitForTimeout(300);
    expect(await v.getByRole("grid").getByRole("textbox", { name: "Title" }).count()).toBe(0);
    await snapshot(v, "team-flow-viewer");

    // The owner edits Ada's title inline; the timeline shows old → new.
    await page.getByRole("link", { name: "Contacts" }).click();
    await page.getByRole("gridcell", { name: "Engineer" }).dblclick();
    const title = page.getByRole("grid").getByRole("textbox", { name: "Title" });
    await title.fill("CTO");
    await title.press("Enter");
    await page.getByRole("gridcell", { name: "CTO" }).waitFor();
    const panel = page.getByRole("dialog", { name: "Ada Lovelace" });
    // Saving is optimistic: the row's open button works right after the edit.
    await page.getByRole("button", { name: "Open Ada Lovelace" }).click();
    await panel.waitFor();
    await panel
      .getByRole("list", { name: "Activity" })
      .getByText(/Ada Owner changed title from 'Engineer' to 'CTO'/)
      .waitFor();
    await snapshot(page, "team-flow-timeline");

    // And the viewer sees the new value after a reload, still read-only.
    await v.reload();
    await v.getByRole("gridcell", { name: "CTO" }).waitFor();
    await viewer.context.close();
  } catch (error) {
    await snapshot(page, "team-flow-failure");
    throw error;
  }
});
