import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newUserPage, snapshot } from "../support/browser.ts";
import { openGridWith } from "../support/records.ts";

/**
 * The grid's editing bugs, each as a person meets it: Escape must cancel (Enter and double-click
 * alike), an invalid value keeps focus in its cell, a click right after an edit works, the
 * header never counts fewer contacts than it lists, and closing the record panel asks before
 * throwing unsaved changes away.
 */

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = (await newUserPage(browser)).page;
  await openGridWith(page, [
    { first: "Ada", last: "Lovelace", email: "ada@engines.example", title: "Engineer" },
    { first: "Grace", last: "Hopper", email: "grace@navy.example", title: "Admiral" },
    { first: "Alan", last: "Turing", email: "alan@bletchley.example", title: "Researcher" },
    { first: "Katherine", last: "Johnson", email: "kj@nasa.example", title: "Mathematician" },
    { first: "Edsger", last: "Dijkstra", email: "ewd@tue.example", title: "Professor" },
    { first: "Barbara", last: "Liskov", email: "liskov@mit.example", title: "Professor" },
  ]);
});
afterAll(() => browser?.close());

const grid = () => page.getByRole("grid", { name: "Contacts" });
const adaRow = () => page.getByRole("row", { name: /Ada Lovelace/ });
const adaCell = (text: string) => adaRow().getByRole("gridcell", { name: text, exact: true });
const editor = (label: string) => grid().getByRole("textbox", { name: label });

async function check(name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    await snapshot(page, `grid-editing-${name}`);
    throw error;
  }
}

it("counts the six listed contacts exactly", () =>
  check("count", async () => {
    await page.getByRole("status").filter({ hasText: "6 contacts" }).waitFor();
    expect(await page.getByText(/~\d/).count()).toBe(0);
  }));

it("Escape cancels an edit started with Enter, and one started with a double-click", () =>
  check("escape", async () => {
    await adaCell("Engineer").click();
    await page.keyboard.press("Enter");
    await editor("Title").fill("Boss");
    await page.keyboard.press("Escape");
    await editor("Title").waitFor({ state: "detached" });
    await adaCell("Engineer").waitFor();

    await adaCell("Engineer").dblclick();
    await editor("Title").fill("Chief");
    await page.keyboard.press("Escape");
    await editor("Title").waitFor({ state: "detached" });

    await page.reload();
    await adaCell("Engineer").waitFor();
    expect(
      await grid()
        .getByRole("gridcell", { name: /Boss|Chief/ })
        .count(),
    ).toBe(0);
  }));

it("keeps focus in the cell after an invalid email, with the error announced, until it is fixed", () =>
  check("invalid-email", async () => {
    await adaCell("ada@engines.example").dblclick();
    const email = editor("Email");
    await email.fill("broken@");
    await page.keyboard.press("Enter");
    await page.getByText("Email must be a valid email address").waitFor();
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = await email.getAttribute("aria-describedby");
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain(
      "Email must be a valid email address",
    );
    expect(await email.evaluate((input) => input === document.activeElement)).toBe(true);

    await page.keyboard.press("Control+A");
    await page.keyboard.type("ada@fixed.example");
    await page.keyboard.press("Enter");
    await adaCell("ada@fixed.example").waitFor();
    await page.reload();
    await adaCell("ada@fixed.example").waitFor();
  }));

it("opens a record with one click right after an inline edit", () =>
  check("click-after-edit", async () => {
    await adaCell("Engineer").dblclick();
    await editor("Title").fill("CTO");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Open Ada Lovelace" }).click();
    await page.getByRole("dialog", { name: "Ada Lovelace" }).waitFor();
    await adaCell("CTO").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog", { name: "Ada Lovelace" }).waitFor({ state: "detached" });
  }));

it("reopens the editor with the server's reason when a save is refused, and puts the old value back", () =>
  check("server-refusal", async () => {
    const grace = page.getByRole("row", { name: /Grace Hopper/ });
    await grace.getByRole("gridcell", { name: "grace@navy.example", exact: true }).dblclick();
    const email = editor("Email");
    // Valid as an address, but Ada already has it: only the server can say no.
    await email.fill("ada@fixed.example");
    await page.keyboard.press("Enter");
    await expect.poll(() => email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = await email.getAttribute("aria-describedby");
    expect((await page.locator(`[id="${describedBy}"]`).textContent())?.trim()).not.toBe("");
    expect(await email.inputValue()).toBe("ada@fixed.example");
    expect(await email.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    await grace.getByRole("gridcell", { name: "grace@navy.example", exact: true }).waitFor();
  }));

it("asks before Escape discards unsaved changes in the record panel, and not when nothing changed", () =>
  check("panel-discard", async () => {
    const panel = page.getByRole("dialog", { name: "Ada Lovelace" });
    await page.getByRole("button", { name: "Open Ada Lovelace" }).click();
    await panel.getByLabel("Title").fill("Countess");
    await page.keyboard.press("Escape");
    const confirm = page.getByRole("dialog", { name: "Discard changes?" });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "detached" });
    expect(await panel.getByLabel("Title").inputValue()).toBe("Countess");
    // Escape in the question answers it ("keep editing"), and leaves the panel open.
    await panel.getByLabel("Title").press("Escape");
    await confirm.waitFor();
    await page.keyboard.press("Escape");
    await confirm.waitFor({ state: "detached" });
    expect(await panel.getByLabel("Title").inputValue()).toBe("Countess");

    await panel.getByLabel("Title").press("Escape");
    await confirm.getByRole("button", { name: "Discard changes" }).click();
    await panel.waitFor({ state: "detached" });
    await adaCell("CTO").waitFor();

    await page.getByRole("button", { name: "Open Ada Lovelace" }).click();
    expect(await panel.getByLabel("Title").inputValue()).toBe("CTO");
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    expect(await page.getByRole("dialog", { name: "Discard changes?" }).count()).toBe(0);
  }));
