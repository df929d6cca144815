import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { adminCli } from "../support/admin-cli.ts";
import { launchBrowser, newUserPage, snapshot, uniqueEmail } from "../support/browser.ts";

/**
 * Enrichment from the owner's side: credits granted by the operator (admin CLI) and seen on the credits page, two contacts enriched
 * by the free built-ins (preview → confirm → live run page → completed), the value's provenance
 * on hover in the grid; then a Hunter key pointed at a vendor that never answers, a paid run
 * that hangs in flight, and "Stop run" ending it as cancelled with nothing charged.
 */

let browser: Browser;
let vendor: Server;
let vendorUrl = "";
/** Paths the stand-in Hunter API received (search calls are left hanging on purpose). */
const vendorCalls: string[] = [];
const hanging = new Set<ServerResponse>();

function hunterStandIn(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? "/", "http://vendor").pathname;
  vendorCalls.push(path);
  if (path === "/v2/account") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({ data: { plan_name: "Free", requests: { searches: { used: 0, available: 25 } } } }),
    );
    return;
  }
  hanging.add(res);
  res.on("close", () => hanging.delete(res));
}

beforeAll(async () => {
  browser = await launchBrowser();
  vendor = createServer(hunterStandIn);
  await new Promise<void>((resolve) => vendor.listen(0, "127.0.0.1", resolve));
  vendorUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  // Without a vendor (the browser failed to start first) there is nothing to close: awaiting
  // vendor?.close would never settle and hang the run for the hook's timeout.
  if (vendor) {
    vendor.closeAllConnections();
    await new Promise((resolve) => vendor.close(resolve));
  }
  await browser?.close();
});

async function addContact(
  page: Page,
  c: { first: string; last: string; email: string; title: string; phone: string },
) {
  await page.getByRole("button", { name: "New contact" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New contact" });
  await dialog.getByLabel("First name").fill(c.first);
  await dialog.getByLabel("Last name").fill(c.last);
  await dialog.getByLabel("Email").fill(c.email);
  await dialog.getByLabel("Title").fill(c.title);
  await dialog.getByLabel("Phone").fill(c.phone);
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByRole("row", { name: new RegExp(`${c.first} ${c.last}`) }).waitFor();
}

it("previews cost, runs enrichment live, shows provenance, and stops a hanging paid run", async () => {
  const { page } = await newUserPage(browser);
  try {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Olga Owner");
    await page.getByLabel("Email").fill(uniqueEmail("enrich"));
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByLabel("Workspace name").fill("Enrich Co");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL("**/w/*/contacts");

    // Credits: no role mints them; a new workspace starts with the trial's 500, the operator
    // grants more, and the balance and the ledger show both.
    const workspaceId = /\/w\/([^/]+)\//.exec(new URL(page.url()).pathname)?.[1] ?? "";
    await adminCli(
      "grant-credits",
      "--workspace",
      workspaceId,
      "--amount",
      "100",
      "--memo",
      "Operator grant",
    );
    await page.getByRole("link", { name: "Credits" }).click();
    await page.getByRole("region", { name: "Balance" }).getByText("600 credits").waitFor();
    await page.getByRole("cell", { name: "Operator grant" }).waitFor();
    await page.getByRole("cell", { name: "14-day trial credits" }).waitFor();

    await page.getByRole("link", { name: "Contacts" }).click();
    await addContact(page, {
      first: "Vera",
      last: "Sales",
      email: "vera@northwind-traders.com",
      title: "VP of Sales",
      phone: "+44 20 7946 0958",
    });
    await addContact(page, {
      first: "Ben",
      last: "Builder",
      email: "ben@northwind-traders.com",
      title: "Senior Software Engineer",
      phone: "",
    });

    // Select both, pick fields, and read the cost before anything runs.
    await page.getByRole("checkbox", { name: "Select all loaded rows" }).check();
    await page.getByText("2 contacts selected.").waitFor();
    await page.getByRole("button", { name: "Enrich 2 contacts" }).click();
    const dialog = page.getByRole("dialog", { name: "Enrich records" });
    await dialog.getByRole("checkbox", { name: /^Seniority/ }).check();
    await dialog.getByRole("checkbox", { name: /^Company domain/ }).check();
    const totals = dialog.getByRole("definition");
    await dialog.getByText("Worst case").last().waitFor();
    expect(await totals.allTextContents()).toEqual(["0 credits", "0 credits", "600 credits"]);
    await dialog
      .getByRole("row", { name: /Title → seniority and department/ })
      .first()
      .waitFor();
    await snapshot(page, "enrichment-preview");
    await dialog.getByRole("button", { name: /^Start enrichment/ }).click();

    // The run page follows the run live to the end.
    await page.waitForURL("**/enrichment/runs/*");
    const progress = page.getByRole("progressbar", { name: "Run progress" });
    await expect.poll(() => progress.getAttribute("aria-valuemax")).toBe("4");
    await page.locator(".run-header").getByText("Completed").waitFor();
    expect(await progress.getAttribute("aria-valuenow")).toBe("4");
    await snapshot(page, "enrichment-run-completed");

    // Back in the grid: the enriched seniority, with where it came from on hover.
    await page.getByRole("link", { name: "Back to contacts" }).click();
    await page.getByRole("button", { name: "Columns" }).click();
    await page.getByRole("dialog", { name: "Columns" }).getByRole("checkbox", { name: "Seniority" }).check();
    await page.getByRole("dialog", { name: "Columns" }).getByRole("button", { name: "Done" }).click();
    const vp = page
      .getByRole("row", { name: /Vera Sales/ })
      .getByRole("gridcell", { name: "VP", exact: true });
    await vp.hover();
    const tip = page.getByRole("tooltip").filter({ visible: true });
    await expect
      .poll(() => tip.textContent())
      .toMatch(/^From Title → seniority and department · confidence \d+/);
    await snapshot(page, "enrichment-provenance");

    // A Hunter key pointed at a stand-in that accepts calls and never answers them.
    await page.getByRole("link", { name: "Providers" }).click();
    const hunter = page.getByRole("article", { name: "Hunter" });
    await hunter.getByLabel("Hunter API key").fill("test-key-12345678");
    await hunter.getByLabel("Hunter base URL (optional)").fill(vendorUrl);
    await hunter.getByRole("button", { name: "Connect key" }).click();
    await hunter.getByText("••••5678").waitFor();
    await hunter.getByRole("button", { name: "Test key" }).click();
    await hunter
      .getByRole("status")
      .getByText(/Key works/)
      .waitFor();

    // A paid run: the preview names Hunter's price; the call hangs; Stop ends it, nothing charged.
    await page.getByRole("link", { name: "Contacts" }).click();
    await page.getByRole("checkbox", { name: "Select Vera Sales" }).check();
    await page.getByRole("button", { name: "Enrich 1 contact" }).click();
    await dialog.getByRole("checkbox", { name: /^LinkedIn/ }).check();
    await dialog
      .getByRole("row", { name: /Hunter Email Finder/ })
      .getByText("1 credit")
      .first()
      .waitFor();
    await dialog.getByRole("button", { name: /^Start enrichment · up to 1 credit/ }).click();
    await page.waitForURL("**/enrichment/runs/*");
    await expect.poll(() => vendorCalls.includes("/v2/email-finder"), { timeout: 20_000 }).toBe(true);
    await page.locator(".run-header").getByText("Running").waitFor();
    await page.getByRole("button", { name: "Stop run" }).click();
    await page
      .getByRole("dialog", { name: "Stop this run?" })
      .getByRole("button", { name: "Stop run" })
      .click();
    await page.locator(".run-header").getByText("Cancelled").waitFor();
    // The lookup that was stopped is cancelled, not done.
    await expect.poll(() => progress.getAttribute("aria-valuetext")).toBe("0 of 1 lookups done, 1 cancelled");
    await page.getByText("0 of 1 done (0%)").waitFor();
    expect(await page.getByRole("button", { name: /Stop run|Stopping/ }).count()).toBe(0);
    const credits = page.getByRole("region", { name: "Credits" });
    await credits.getByText("Spent by this run").waitFor();
    expect(await credits.getByRole("definition").first().textContent()).toBe("0 credits");
    await expect.poll(() => credits.getByRole("definition").last().textContent()).toBe("600 credits");
    await snapshot(page, "enrichment-run-cancelled");
  } catch (error) {
    await snapshot(page, "enrichment-flow-failure");
    throw error;
  }
});
