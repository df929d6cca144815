import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { signUp, workspaceIdOf } from "../support/app.ts";
import { launchBrowser, newUserPage, snapshot } from "../support/browser.ts";

/**
 * An owner buys Starter: the billing page shows the trial, the plan picker asks before leaving,
 * the Stripe fake's hosted Checkout takes the payment and sends its signed webhooks to the
 * server, and back on the billing page the plan is active with the month's credits added to the
 * trial's. The global setup runs the server against the fake, with `billing-sync` done.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it("owner picks Starter, pays on Stripe's Checkout page and comes back to an active plan with its credits", async () => {
  const { page } = await newUserPage(browser);
  try {
    const { workspaceId } = await signUp(page, { workspace: "Paying Co" });
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Billing" }).click();
    await page.getByRole("heading", { level: 1, name: "Billing" }).waitFor();
    const summary = page.getByRole("region", { name: "Current plan" });
    await summary.getByText("Trial", { exact: true }).waitFor();
    await summary.getByText("14", { exact: true }).waitFor();
    await summary.getByText("500 credits", { exact: true }).waitFor();
    // Nothing to manage before the first purchase.
    expect(await summary.getByRole("button", { name: "Manage card and invoices" }).count()).toBe(0);

    await page.getByRole("button", { name: "Choose Starter" }).click();
    const confirm = page.getByRole("dialog", { name: "Subscribe to Starter" });
    await confirm.getByText(/\$49 \/ month/).waitFor();
    // Cancel leaves nothing behind; the second time goes on to Checkout.
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Choose Starter" }).click();
    await confirm.getByRole("button", { name: "Continue to checkout" }).click();

    // Stripe's hosted page (the fake), on its own origin.
    await page.getByRole("heading", { name: "Pay USD 49.00" }).waitFor();
    expect(new URL(page.url()).origin).not.toBe(new URL(inject("baseUrl")).origin);
    await page.getByRole("button", { name: "Pay" }).click();

    await page.waitForURL(`**/w/${workspaceId}/settings/billing?checkout=success*`);
    // The webhooks make it active; the page waits for them.
    await page.getByText("Thank you: the workspace is on the Starter plan.").waitFor();
    await summary.getByText("Active", { exact: true }).waitFor();
    await summary.getByText("Renews on").waitFor();
    await summary.getByText("2,500 credits", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: /^Choose / }).count()).toBe(0);
    await page.getByText("Current plan", { exact: true }).waitFor();

    // The card and invoices are Stripe's portal, which returns to the billing page.
    await summary.getByRole("button", { name: "Manage card and invoices" }).click();
    await page.getByRole("heading", { name: "Billing portal" }).waitFor();
    await page.getByText("quarry_starter_monthly: active").waitFor();
    await page.getByRole("link", { name: "Return" }).click();
    await page.waitForURL(`**/w/${workspaceId}/settings/billing`);
    await summary.getByText("Active", { exact: true }).waitFor();
  } catch (error) {
    await snapshot(page, "billing-checkout");
    throw error;
  } finally {
    await page.context().close();
  }
});

/** Makes a signed-up user a member of another workspace with this role, as an accepted invitation would. */
async function addMember(workspaceId: string, userWorkspaceId: string, role: string): Promise<void> {
  const db = new pg.Client({ connectionString: inject("databaseUrl") });
  await db.connect();
  try {
    await db.query(
      `insert into memberships (workspace_id, user_id, role)
       select $1, user_id, $3 from memberships where workspace_id = $2 and role = 'owner'`,
      [workspaceId, userWorkspaceId, role],
    );
  } finally {
    await db.end();
  }
}

it("an admin sees the plan's name and limits only; a member has no Billing link", async () => {
  const owner = await newUserPage(browser);
  const admin = await newUserPage(browser);
  const member = await newUserPage(browser);
  try {
    const { workspaceId } = await signUp(owner.page, { workspace: "Shared Co" });
    await signUp(admin.page, { name: "Adam Admin", workspace: "Adam's" });
    await signUp(member.page, { name: "Mia Member", workspace: "Mia's" });
    await addMember(workspaceId, workspaceIdOf(admin.page), "admin");
    await addMember(workspaceId, workspaceIdOf(member.page), "member");

    await admin.page.goto(`/w/${workspaceId}/contacts`);
    await admin.page
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "Billing" })
      .click();
    const summary = admin.page.getByRole("region", { name: "Current plan" });
    await summary.getByRole("heading", { name: "Starter plan" }).waitFor();
    await summary.getByText("25,000", { exact: true }).waitFor();
    // No prices, balance or monthly credits: the account part is for those who pay.
    expect(await admin.page.getByText(/\d credits|\$\d/).count()).toBe(0);
    expect(await admin.page.getByRole("button", { name: /Choose|Manage/ }).count()).toBe(0);

    await member.page.goto(`/w/${workspaceId}/contacts`);
    await member.page
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "Credits" })
      .waitFor();
    expect(await member.page.getByRole("link", { name: "Billing" }).count()).toBe(0);
    await member.page.goto(`/w/${workspaceId}/settings/billing`);
    await member.page.getByText("Billing is not available to your role.").waitFor();
  } catch (error) {
    await snapshot(admin.page, "billing-admin-view");
    throw error;
  } finally {
    await Promise.all([owner.context.close(), admin.context.close(), member.context.close()]);
  }
});
