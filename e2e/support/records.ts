import pg from "pg";
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { uniqueEmail } from "./browser.ts";

/** Signs a new owner up, creates a workspace and returns its id (from the contacts page's URL). */
export async function signUpOwner(page: Page, name = "Olive Owner"): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(uniqueEmail("grid"));
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByLabel("Workspace name").fill("Grid Works");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.waitForURL("**/w/*/contacts");
  const id = page.url().match(/\/w\/([^/]+)\/contacts/)?.[1];
  if (!id) throw new Error(`no workspace id in ${page.url()}`);
  return id;
}

/** Runs one statement on the e2e database (bulk rows straight into a spec's own workspace). */
export async function sqlOnE2eDb(text: string, values: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

export interface SeedContact {
  first: string;
  last: string;
  email: string;
  title: string;
}

/** Inserts contacts into a workspace, newest first in the list (the default sort) in the given order. */
export async function insertContacts(workspaceId: string, contacts: readonly SeedContact[]): Promise<void> {
  await sqlOnE2eDb(
    `insert into contacts (workspace_id, first_name, last_name, email, title, created_at)
     select $1::uuid, c->>'first', c->>'last', c->>'email', c->>'title', now() - (n || ' seconds')::interval
     from jsonb_array_elements($2::jsonb) with ordinality as t(c, n)`,
    [workspaceId, JSON.stringify(contacts)],
  );
}

/**
 * A new owner's contacts grid holding these contacts (inserted straight into the database, then
 * the page reloaded until the first one shows). Returns the workspace id.
 */
export async function openGridWith(page: Page, contacts: readonly SeedContact[]): Promise<string> {
  const workspaceId = await signUpOwner(page);
  await insertContacts(workspaceId, contacts);
  await page.reload();
  const first = contacts[0];
  if (first) await page.getByRole("row", { name: new RegExp(`${first.first} ${first.last}`) }).waitFor();
  return workspaceId;
}
