import type { Page } from "playwright-core";
import { inject } from "vitest";
import { uniqueEmail, type Viewport } from "./browser.ts";

/** Steps shared by the specs: signing up, seeding records, switching the window size. */

export const PASSWORD = "correct horse battery";

export interface SignedUp {
  email: string;
  workspaceId: string;
}

/** Signs up a new user through the form and creates their first workspace; ends on its contacts. */
export async function signUp(
  page: Page,
  { name = "Ada Owner", email = uniqueEmail("owner"), workspace = "Acme Sales" } = {},
): Promise<SignedUp> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByLabel("Workspace name").fill(workspace);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.waitForURL("**/w/*/contacts");
  return { email, workspaceId: workspaceIdOf(page) };
}

export function workspaceIdOf(page: Page): string {
  const id = /\/w\/([^/]+)/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`not on a workspace page: ${page.url()}`);
  return id;
}

export async function setViewport(page: Page, viewport: Viewport): Promise<void> {
  await page.setViewportSize(viewport);
}

/**
 * Calls a tRPC mutation as the signed-in user (the page's cookies), the way the app does: a JSON
 * POST from the app's own origin. For seeding data a spec does not test through the UI.
 */
export async function trpcMutation<T = unknown>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/trpc/${path}`, {
    data: input,
    headers: { origin: inject("baseUrl"), "content-type": "application/json" },
  });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok() || !body.result)
    throw new Error(`${path} failed (${res.status()}): ${JSON.stringify(body.error)}`);
  return body.result.data;
}

export async function createContact(page: Page, workspaceId: string, data: Record<string, string>) {
  return trpcMutation<{ id: string }>(page, "records.contacts.create", { workspaceId, data });
}

export async function createCompany(page: Page, workspaceId: string, data: Record<string, string>) {
  return trpcMutation<{ id: string }>(page, "records.companies.create", { workspaceId, data });
}

/** Starts an enrichment run over every contact for free built-in fields; returns the run's id. */
export async function startFreeContactRun(page: Page, workspaceId: string, fields = ["seniority"]) {
  return trpcMutation<{ id: string }>(page, "enrichment.runs.create", {
    workspaceId,
    entity: "contact",
    selection: {},
    fields,
  });
}
