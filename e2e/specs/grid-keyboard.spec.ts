import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newUserPage, snapshot } from "../support/browser.ts";
import { openGridWith } from "../support/records.ts";

/** A keyboard-only pass over the grid: select, edit, cancel, fix an invalid value, save. */

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = (await newUserPage(browser)).page;
  await openGridWith(page, [
    { first: "Ada", last: "Lovelace", email: "ada@engines.example", title: "Engineer" },
    { first: "Grace", last: "Hopper", email: "grace@navy.example", title: "Admiral" },
  ]);
});
afterAll(() => browser?.close());

/** The text of the cell the grid points at (aria-activedescendant). */
async function activeCellText(): Promise<string> {
  return page.evaluate(() => {
    const grid = document.querySelector('[role="grid"]');
    const id = grid?.getAttribute("aria-activedescendant");
    return id ? (document.getElementById(id)?.textContent ?? "") : "";
  });
}

async function tabIntoGrid() {
  await page.getByRole("searchbox", { name: "Search contacts" }).focus();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    const role = await page.evaluate(() => document.activeElement?.getAttribute("role"));
    if (role === "grid") return;
  }
  throw new Error("Tab never reached the grid");
}

it("selects, edits, cancels and saves cells with the keyboard alone", async () => {
  try {
    await tabIntoGrid();
    expect(await activeCellText()).toBe("Ada Lovelace");
    // Name, Quality, First name, Last name, Email, Title.
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    expect(await activeCellText()).toBe("Engineer");

    // Enter edits, Escape cancels: the value is unchanged, also after a reload.
    await page.keyboard.press("Enter");
    const title = page.getByRole("grid").getByRole("textbox", { name: "Title" });
    await title.waitFor();
    await page.keyboard.type("Overlord");
    await page.keyboard.press("Escape");
    await title.waitFor({ state: "detached" });
    expect(await activeCellText()).toBe("Engineer");
    await page.reload();
    await page.getByRole("gridcell", { name: "Engineer", exact: true }).waitFor();
    expect(await page.getByText("Overlord").count()).toBe(0);

    // Back to the email cell; an invalid address keeps focus in the editor with the error.
    await tabIntoGrid();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    expect(await activeCellText()).toBe("ada@engines.example");
    await page.keyboard.press("Enter");
    const email = page.getByRole("grid").getByRole("textbox", { name: "Email" });
    await email.waitFor();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("broken@");
    await page.keyboard.press("Enter");
    await page.getByText("Email must be a valid email address").waitFor();
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    expect(await email.evaluate((input) => input === document.activeElement)).toBe(true);

    // Fix it; Enter saves and focus returns to the grid on the same cell.
    await page.keyboard.press("Control+A");
    await page.keyboard.type("ada@lovelace.example");
    await page.keyboard.press("Enter");
    await email.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("grid");
    await page.reload();
    await page.getByRole("gridcell", { name: "ada@lovelace.example", exact: true }).waitFor();

    // Space opens the record panel of the active row.
    await tabIntoGrid();
    await page.keyboard.press("Space");
    await page.getByRole("dialog", { name: "Ada Lovelace" }).waitFor();
  } catch (error) {
    await snapshot(page, "grid-keyboard-failure");
    throw error;
  }
});
