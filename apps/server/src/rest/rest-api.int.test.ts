import { workspaceDigest } from "@quarry/api/testing/access-fixture";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { companySchema } from "@quarry/records/schemas/companies";
import { contactSchema } from "@quarry/records/schemas/contacts";
import { restShape } from "@quarry/rest/snake-case";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate, startTestApp, type TestApp } from "../testing/test-app.ts";
import { type ApiWorkspace, apiClient, apiWorkspace } from "./testing/rest-fixture.ts";

const restContact = restShape("Contact", contactSchema).schema;

let t: TestDatabase;
let server: TestApp;
let a: ApiWorkspace;
let b: ApiWorkspace;
beforeAll(async () => {
  t = await createTestDatabase();
  server = await startTestApp({ db: t.db });
  a = await apiWorkspace(t.db, "a");
  b = await apiWorkspace(t.db, "b");
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

/** Every write endpoint, with a body that would succeed for a read_write key of the workspace. */
const writeCases = [
  { method: "POST", path: "/contacts", body: () => ({ email: "new-by-read@example.com" }) },
  {
    method: "PUT",
    path: "/contacts",
    body: (w: ApiWorkspace) => ({ email: w.contactEmail, title: "Changed" }),
  },
  { method: "PATCH", path: "/contacts/:contact", body: () => ({ title: "Changed" }) },
  { method: "POST", path: "/companies", body: () => ({ domain: "new-by-read.example.com" }) },
  {
    method: "PUT",
    path: "/companies",
    body: (w: ApiWorkspace) => ({ domain: w.companyDomain, industry: "Changed" }),
  },
  { method: "PATCH", path: "/companies/:company", body: () => ({ industry: "Changed" }) },
  { method: "POST", path: "/enrichment/runs", body: (w: ApiWorkspace) => runInput(w.contactId) },
];

function runInput(contactId: string) {
  return { entity: "contact", selection: { ids: [contactId] }, fields: ["company_domain"] };
}

async function runsOf(workspaceId: string) {
  return t.db.selectFrom("enrichment_runs").select("id").where("workspace_id", "=", workspaceId).execute();
}

function pathIn(w: ApiWorkspace, template: string): string {
  return template.replace(":contact", w.contactId).replace(":company", w.companyId);
}

function send(key: string, method: string, path: string, body: unknown) {
  const client = apiClient(server.url, key);
  if (method === "POST") return client.post(path, body);
  if (method === "PUT") return client.put(path, body);
  return client.patch(path, body);
}

describe("authentication", () => {
  it("refuses a request without a key, with a malformed key and with a wrong secret (401)", async () => {
    const wrong = `${a.writeKey.slice(0, -4)}aaaa`;
    for (const key of [null, "nonsense", wrong]) {
      const res = await apiClient(server.url, key).get("/contacts");
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: { code: "unauthorized", message: expect.stringMatching(/API key/) },
      });
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("refuses a revoked key (401) while the workspace's other keys keep working", async () => {
    const created = await a.caller.workspaces.apiKeys.create({
      workspaceId: a.workspaceId,
      name: "temp",
      scope: "read",
    });
    const client = apiClient(server.url, created.key);
    expect((await client.get("/contacts")).status).toBe(200);
    await a.caller.workspaces.apiKeys.revoke({ workspaceId: a.workspaceId, id: created.id });
    const res = await client.get("/contacts");
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/revoked/);
    expect((await apiClient(server.url, a.readKey).get("/contacts")).status).toBe(200);
  });

  it("ignores cookies: a signed-in session is no API key, and CSRF rules do not apply to key requests", async () => {
    const signUp = await mutate(server.url, "auth.signUp", {
      email: "cookie-user@example.com",
      password: "correct horse battery",
      name: "Cookie",
    });
    const cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/^quarry_session=/);

    const withCookieOnly = await apiClient(server.url, null, { cookie }).get("/contacts");
    expect(withCookieOnly.status).toBe(401);

    // A cross-site Origin with a cookie changes nothing: the key alone decides.
    const res = await apiClient(server.url, a.writeKey, { cookie, origin: "https://evil.example" }).post(
      "/contacts",
      {
        email: "cross-site-ok@example.com",
      },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});

describe("a read key", () => {
  it("reads contacts and companies", async () => {
    const client = apiClient(server.url, a.readKey);
    expect((await client.get("/contacts")).status).toBe(200);
    expect((await client.get(`/contacts/${a.contactId}`)).body).toMatchObject({ id: a.contactId });
    expect((await client.get(`/companies/${a.companyId}`)).body).toMatchObject({ id: a.companyId });
  });

  it.each(writeCases)("cannot $method $path (403) and nothing changes", async ({ method, path, body }) => {
    const before = await workspaceDigest(t.db, b.workspaceId);
    const res = await send(b.readKey, method, pathIn(b, path), body(b));
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({
      code: "forbidden",
      message: expect.stringMatching(/read scope.*records\.write|read scope.*enrichment\.run/),
    });
    expect(await workspaceDigest(t.db, b.workspaceId)).toBe(before);
  });

  it("can write once the same workspace uses its read_write key", async () => {
    for (const { method, path, body } of writeCases) {
      const res = await send(b.writeKey, method, pathIn(b, path), body(b));
      expect([200, 201]).toContain(res.status);
    }
  });
});

describe("workspace isolation", () => {
  it("lists only the key's workspace", async () => {
    const contacts = await apiClient(server.url, a.readKey).get("/contacts?limit=500");
    const ids = contacts.body.items.map((c) => c.id);
    expect(ids).toContain(a.contactId);
    expect(ids).not.toContain(b.contactId);
    const companies = await apiClient(server.url, a.readKey).get("/companies?limit=500");
    expect(companies.body.items.map((c) => c.id)).not.toContain(b.companyId);
    expect(JSON.stringify([contacts.body, companies.body])).not.toContain(b.contactEmail);
  });

  it.each([
    ["GET", "/contacts/:contact"],
    ["GET", "/companies/:company"],
    ["PATCH", "/contacts/:contact"],
    ["PATCH", "/companies/:company"],
  ])("%s %s of B with A's key is 404 and changes nothing of B", async (method, template) => {
    const path = pathIn(b, template);
    const before = await workspaceDigest(t.db, b.workspaceId);
    const client = apiClient(server.url, a.writeKey);
    const body = path.startsWith("/contacts") ? { title: "Hacked" } : { industry: "Hacked" };
    const res = method === "GET" ? await client.get(path) : await client.patch(path, body);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
    expect(await workspaceDigest(t.db, b.workspaceId)).toBe(before);
  });

  it("upserting B's email or domain with A's key makes a record in A and leaves B alone", async () => {
    const before = await workspaceDigest(t.db, b.workspaceId);
    const client = apiClient(server.url, a.writeKey);
    const contact = await client.put("/contacts", { email: b.contactEmail, title: "Mine" });
    expect(contact.status).toBe(201);
    expect(contact.body.id).not.toBe(b.contactId);
    const company = await client.put("/companies", { domain: b.companyDomain });
    expect(company.status).toBe(201);
    expect(await workspaceDigest(t.db, b.workspaceId)).toBe(before);
  });

  it("refuses to link A's contact to B's company, naming the field", async () => {
    const res = await apiClient(server.url, a.writeKey).post("/contacts", { company_id: b.companyId });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: "bad_request",
      field: "company_id",
      message: "company_id must be a company in this workspace",
    });
  });
});

describe("contacts and companies", () => {
  it("creates, reads, updates and upserts a contact, attributing writes to the key's creator via the API", async () => {
    const client = apiClient(server.url, a.writeKey);
    const created = await client.post("/contacts", {
      email: " Lin@Example.com ",
      first_name: "Lin",
      custom: {},
    });
    expect(created.status).toBe(201);
    expect(restContact.safeParse(created.body).error).toBeUndefined();
    const contact = created.body;
    expect(contact).toMatchObject({
      email: "lin@example.com",
      first_name: "Lin",
      title: null,
      deleted_at: null,
    });

    expect((await client.get(`/contacts/${contact.id}`)).body).toEqual(created.body);

    const patched = await client.patch(`/contacts/${contact.id}`, { title: "CTO", first_name: null });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: contact.id, title: "CTO", first_name: null });

    const updated = await client.put("/contacts", { email: "LIN@example.com", city: "Oslo" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: contact.id, title: "CTO", city: "Oslo" });

    const fresh = await client.put("/contacts", { email: "new-lin@example.com", first_name: "New" });
    expect(fresh.status).toBe(201);
    expect(fresh.body.id).not.toBe(contact.id);

    const activity = await a.caller.records.activity.list({
      workspaceId: a.workspaceId,
      entity: "contact",
      recordId: contact.id,
    });
    expect(activity.items.map((i) => [i.action, i.source, i.actor?.id])).toEqual([
      ["update", "api", a.owner.user.id],
      ["update", "api", a.owner.user.id],
      ["create", "api", a.owner.user.id],
    ]);
  });

  it("answers snake_case JSON throughout: records, pages and nested sources", async () => {
    const client = apiClient(server.url, a.readKey);
    const page = await client.get("/contacts?limit=1");
    expect(Object.keys(page.body).sort()).toEqual(["items", "next_cursor", "total"]);
    const one = await client.get(`/contacts/${a.contactId}`);
    expect(one.body).toMatchObject({
      created_at: expect.any(String),
      updated_at: expect.any(String),
      deleted_at: null,
    });
    const camel = (value: unknown): string[] =>
      value && typeof value === "object"
        ? Object.entries(value).flatMap(([k, v]) => [...(/[A-Z]/.test(k) ? [k] : []), ...camel(v)])
        : [];
    expect(camel([page.body, one.body])).toEqual([]);
  });

  it("upserts companies by their normalised domain", async () => {
    const client = apiClient(server.url, a.writeKey);
    const created = await client.put("/companies", { domain: "https://www.Globex.com/", name: "Globex" });
    expect(created.status).toBe(201);
    expect(restShape("Company", companySchema).schema.parse(created.body)).toMatchObject({
      domain: "globex.com",
      name: "Globex",
    });
    const updated = await client.put("/companies", { domain: "globex.com", employee_count: 50 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: created.body.id, name: "Globex", employee_count: 50 });
  });

  it("pages through a list with cursor and limit, and searches and sorts", async () => {
    const w = await apiWorkspace(t.db, "paging");
    const client = apiClient(server.url, w.writeKey);
    for (const name of ["Zed", "Amy", "Kim"]) {
      await client.post("/contacts", { first_name: name, email: `${name.toLowerCase()}@paging.example` });
    }
    const first = await client.get("/contacts?limit=2&sort=first_name");
    expect(first.body.total).toEqual({ value: 4, exact: true });
    expect(first.body.items.map((c) => c.email)).toEqual(["amy@paging.example", w.contactEmail]);
    const cursor = encodeURIComponent(first.body.next_cursor ?? "");
    const second = await client.get(`/contacts?limit=2&sort=first_name&cursor=${cursor}`);
    expect(second.body.items.map((c) => c.email)).toEqual(["kim@paging.example", "zed@paging.example"]);
    expect(second.body.next_cursor).toBeNull();

    const desc = await client.get("/contacts?sort=-first_name&limit=1");
    expect(desc.body.items.map((c) => c.email)).toEqual(["zed@paging.example"]);
    const found = await client.get("/contacts?search=kim");
    expect(found.body.items.map((c) => c.email)).toEqual(["kim@paging.example"]);
  });
});

describe("enrichment runs", () => {
  it("starts a run on the key's records and reports its status and cost", async () => {
    const client = apiClient(server.url, a.writeKey);
    const started = await client.post("/enrichment/runs", runInput(a.contactId));
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      id: expect.any(String),
      entity: "contact",
      fields: ["company_domain"],
      status: expect.stringMatching(/^(queued|running|completed)$/),
      record_count: 1,
      credits: { spent: 0, held: 0 },
      estimate: { record_count: 1 },
    });
    expect(started.body).not.toHaveProperty("creditsSpent");
    const read = await apiClient(server.url, a.readKey).get(`/enrichment/runs/${started.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: started.body.id,
      counts: { total: 1 },
      credits: { spent: 0, held: 0 },
    });
    expect(await runsOf(a.workspaceId)).toContainEqual({ id: started.body.id });
  });

  it("never runs on or shows another workspace's records or runs", async () => {
    const before = await runsOf(b.workspaceId);
    const onB = await apiClient(server.url, a.writeKey).post("/enrichment/runs", runInput(b.contactId));
    expect(onB.status).toBe(400);
    expect(onB.body.error).toMatchObject({ code: "bad_request", field: "selection" });

    const bRun = await apiClient(server.url, b.writeKey).post("/enrichment/runs", runInput(b.contactId));
    expect(bRun.status).toBe(201);
    const seen = await apiClient(server.url, a.readKey).get(`/enrichment/runs/${bRun.body.id}`);
    expect(seen.status).toBe(404);
    expect(await runsOf(b.workspaceId)).toHaveLength(before.length + 1);
  });

  it("names the field of a bad run request", async () => {
    const res = await apiClient(server.url, a.writeKey).post("/enrichment/runs", {
      ...runInput(a.contactId),
      fields: [],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: "bad_request",
      field: "fields",
      message: "fields must name at least one field",
    });
  });
});

describe("errors", () => {
  it.each([
    ["POST", "/contacts", { email: "not-an-email" }, "email", "email must be a valid email address"],
    ["POST", "/contacts", { first_name: 42 }, "first_name", "first_name must be text"],
    ["POST", "/contacts", { nickname: "Al" }, "nickname", "nickname is not a known field"],
    [
      "POST",
      "/contacts",
      { custom: { nope: 1 } },
      "custom.nope",
      "custom.nope is not a custom field of contacts",
    ],
    [
      "PUT",
      "/contacts",
      { first_name: "No email" },
      "email",
      "email is required: contacts are matched on it",
    ],
    ["PUT", "/companies", { name: "No domain" }, "domain", "domain is required: companies are matched on it"],
    [
      "POST",
      "/companies",
      { domain: "not a domain" },
      "domain",
      "domain must be a valid domain like example.com",
    ],
    ["PATCH", "/companies/not-a-uuid", { name: "X" }, "id", "id must be a valid id"],
  ])("%s %s with bad input is 400 naming the field (%j)", async (method, path, body, field, message) => {
    const res = await send(a.writeKey, method, path, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: "bad_request", field, message } });
  });

  it.each([
    ["/contacts?limit=0", "limit", "limit must be a whole number from 1 to 500"],
    ["/contacts?limit=ten", "limit", "limit must be a whole number from 1 to 500"],
    ["/contacts?sort=shoe_size", "sort", "sort: shoe_size is not a field of contacts"],
    ["/contacts?sort=first%20name", "sort", expect.stringMatching(/^sort must be a field name/)],
    ["/contacts?cursor=garbage", "cursor", "cursor is not valid: start again from the first page"],
  ])("GET %s is 400 naming %s", async (path, field, message) => {
    const res = await apiClient(server.url, a.readKey).get(path);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: "bad_request", field, message } });
  });

  it("answers 409 naming the field when a live contact already has the email", async () => {
    const res = await apiClient(server.url, a.writeKey).post("/contacts", { email: a.contactEmail });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", field: "email" });
  });

  it("answers malformed JSON, a missing body and unknown endpoints in the same error shape", async () => {
    const bad = await fetch(`${server.url}/api/v1/contacts`, {
      method: "POST",
      headers: { authorization: `Bearer ${a.writeKey}`, "content-type": "application/json" },
      body: "{nope",
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "bad_request", message: expect.any(String) } });

    const noBody = await fetch(`${server.url}/api/v1/contacts`, {
      method: "POST",
      headers: { authorization: `Bearer ${a.writeKey}` },
    });
    expect(noBody.status).toBe(400);
    expect(await noBody.json()).toMatchObject({ error: { code: "bad_request" } });

    for (const client of [apiClient(server.url, a.readKey), apiClient(server.url, null)]) {
      const unknown = await client.get("/nothing-here");
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({
        code: "not_found",
        message: expect.stringMatching(/^Not found: GET \/api\/v1\/nothing-here is no endpoint/),
      });
      expect((await client.post("/contacts/x/y", {})).status).toBe(404);
    }
  });
});
