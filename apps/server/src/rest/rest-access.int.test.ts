import { restRoutes } from "@quarry/api/rest-routes";
import { workspaceDigest } from "@quarry/api/testing/access-fixture";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app.ts";
import { type ApiWorkspace, apiClient, apiWorkspace } from "./testing/rest-fixture.ts";

/**
 * Every REST route called with a read key and a read_write key of its workspace, and with a
 * read_write key aimed at another workspace's ids. The statuses are written here, per route:
 * a new route fails the coverage test until it joins the table.
 */
interface Target extends ApiWorkspace {
  runId: string;
}

interface RestCase {
  route: string;
  path(w: Target): string;
  body?(w: Target, n: number): unknown;
  read: number;
  readWrite: number;
  /** A's read_write key on B's ids (path or body); B must not change. Absent: nothing of B's to name. */
  foreign?: number;
}

const cases: RestCase[] = [
  { route: "GET /contacts", path: () => "/contacts", read: 200, readWrite: 200 },
  {
    route: "GET /contacts/:id",
    path: (w) => `/contacts/${w.contactId}`,
    read: 200,
    readWrite: 200,
    foreign: 404,
  },
  {
    route: "POST /contacts",
    path: () => "/contacts",
    body: (w, n) => ({ email: `new-${n}@access.example`, company_id: w.companyId }),
    read: 403,
    readWrite: 201,
    foreign: 400,
  },
  {
    route: "PUT /contacts",
    path: () => "/contacts",
    body: (w) => ({ email: w.contactEmail, title: "Changed" }),
    read: 403,
    readWrite: 200,
  },
  {
    route: "PATCH /contacts/:id",
    path: (w) => `/contacts/${w.contactId}`,
    body: () => ({ title: "Changed" }),
    read: 403,
    readWrite: 200,
    foreign: 404,
  },
  { route: "GET /companies", path: () => "/companies", read: 200, readWrite: 200 },
  {
    route: "GET /companies/:id",
    path: (w) => `/companies/${w.companyId}`,
    read: 200,
    readWrite: 200,
    foreign: 404,
  },
  {
    route: "POST /companies",
    path: () => "/companies",
    body: (_w, n) => ({ domain: `new-${n}.access.example` }),
    read: 403,
    readWrite: 201,
  },
  {
    route: "PUT /companies",
    path: () => "/companies",
    body: (w) => ({ domain: w.companyDomain, industry: "Changed" }),
    read: 403,
    readWrite: 200,
  },
  {
    route: "PATCH /companies/:id",
    path: (w) => `/companies/${w.companyId}`,
    body: () => ({ industry: "Changed" }),
    read: 403,
    readWrite: 200,
    foreign: 404,
  },
  {
    route: "POST /enrichment/runs",
    path: () => "/enrichment/runs",
    body: (w) => ({ entity: "contact", selection: { ids: [w.contactId] }, fields: ["company_domain"] }),
    read: 403,
    readWrite: 201,
    // Records of another workspace are not a selection of this one: 400 naming `selection`.
    foreign: 400,
  },
  {
    route: "GET /enrichment/runs/:id",
    path: (w) => `/enrichment/runs/${w.runId}`,
    read: 200,
    readWrite: 200,
    foreign: 404,
  },
];

let t: TestDatabase;
let server: TestApp;
let a: Target;
let b: Target;
let n = 0;

async function target(label: string): Promise<Target> {
  const w = await apiWorkspace(t.db, label);
  const run = await apiClient(server.url, w.writeKey).post("/enrichment/runs", {
    entity: "contact",
    selection: { ids: [w.contactId] },
    fields: ["company_domain"],
  });
  expect(run.status).toBe(201);
  return { ...w, runId: run.body.id };
}

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startTestApp({ db: t.db });
  a = await target("a");
  b = await target("b");
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

/** Everything of a workspace a REST call could change: its rows, its runs. */
async function stateOf(workspaceId: string): Promise<string> {
  const runs = await t.db
    .selectFrom("enrichment_runs")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirstOrThrow();
  return `${await workspaceDigest(t.db, workspaceId)} runs=${runs.n}`;
}

function call(key: string, c: RestCase, pathOf: Target, bodyOf: Target) {
  const client = apiClient(server.url, key);
  const method = c.route.split(" ")[0];
  const path = c.path(pathOf);
  const body = c.body?.(bodyOf, ++n);
  if (method === "GET") return client.get(path);
  if (method === "POST") return client.post(path, body);
  if (method === "PUT") return client.put(path, body);
  return client.patch(path, body);
}

describe("REST access", () => {
  it("has a case for every route the API serves", () => {
    expect(cases.map((c) => c.route).sort()).toEqual(restRoutes.map((r) => `${r.method} ${r.url}`).sort());
  });

  it.each(cases)("$route with a read key → $read", async (c) => {
    const before = await stateOf(a.workspaceId);
    const res = await call(a.readKey, c, a, a);
    expect(res.status, JSON.stringify(res.body)).toBe(c.read);
    if (c.read === 403) {
      expect(res.body.error).toMatchObject({
        code: "forbidden",
        message: expect.stringMatching(/read scope/),
      });
      expect(await stateOf(a.workspaceId)).toBe(before);
    }
  });

  it.each(cases)("$route with a read_write key → $readWrite", async (c) => {
    const res = await call(a.writeKey, c, a, a);
    expect(res.status, JSON.stringify(res.body)).toBe(c.readWrite);
  });

  it.each(cases.filter((c) => c.foreign !== undefined))(
    "$route with another workspace's ids → $foreign, and that workspace is unchanged",
    async (c) => {
      const before = await stateOf(b.workspaceId);
      const bodyOwner = c.route.includes(":id") ? a : b;
      const res = await call(a.writeKey, c, c.route.includes(":id") ? b : a, bodyOwner);
      expect(res.status, JSON.stringify(res.body)).toBe(c.foreign);
      expect(JSON.stringify(res.body)).not.toContain(b.contactEmail);
      expect(await stateOf(b.workspaceId)).toBe(before);
    },
  );
});
