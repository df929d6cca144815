import { randomUUID } from "node:crypto";
import { testCaller } from "@quarry/api/testing/test-context";
import type { Database } from "@quarry/db/client";
import { insertTestUser, type TestUser } from "@quarry/trpc/testing/test-users";

/** A workspace reached through the REST API: its owner, a read and a read-write key, one contact and one company. */
export interface ApiWorkspace {
  owner: TestUser;
  caller: ReturnType<typeof testCaller>;
  workspaceId: string;
  readKey: string;
  writeKey: string;
  writeKeyId: string;
  contactId: string;
  contactEmail: string;
  companyId: string;
  companyDomain: string;
}

export async function apiWorkspace(db: Database, label: string): Promise<ApiWorkspace> {
  const tag = `${label}${randomUUID().slice(0, 6)}`.toLowerCase();
  const owner = await insertTestUser(db, { email: `owner-${tag}@example.com`, name: `Owner ${tag}` });
  const caller = testCaller(db, owner);
  const { id: workspaceId } = await caller.workspaces.create({ name: `Workspace ${tag}` });
  const write = await caller.workspaces.apiKeys.create({ workspaceId, name: "write", scope: "read_write" });
  const read = await caller.workspaces.apiKeys.create({ workspaceId, name: "read", scope: "read" });
  const companyDomain = `${tag}.example.org`;
  const company = await caller.records.companies.create({
    workspaceId,
    data: { name: `Company ${tag}`, domain: companyDomain },
  });
  const contactEmail = `contact-${tag}@example.org`;
  const contact = await caller.records.contacts.create({
    workspaceId,
    data: { first_name: "Contact", last_name: tag, email: contactEmail, company_id: company.id },
  });
  return {
    owner,
    caller,
    workspaceId,
    readKey: read.key,
    writeKey: write.key,
    writeKeyId: write.id,
    contactId: contact.id,
    contactEmail,
    companyId: company.id,
    companyDomain,
  };
}

/** The parts of response bodies tests read directly; everything else goes through toMatchObject. */
export interface ApiBody {
  id: string;
  items: Array<{ id: string; email?: string | null }>;
  next_cursor: string | null;
  error: { code: string; message: string; field?: string };
  [key: string]: unknown;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: ApiBody;
}

/** Calls /api/v1 like an integration would: bearer key, JSON body. */
export function apiClient(base: string, key: string | null, extraHeaders: Record<string, string> = {}) {
  const call = async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...extraHeaders };
    if (key) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  };
  return {
    get: (path: string) => call("GET", path),
    post: (path: string, body: unknown) => call("POST", path, body),
    put: (path: string, body: unknown) => call("PUT", path, body),
    patch: (path: string, body: unknown) => call("PATCH", path, body),
  };
}
