import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app.ts";
import { type ApiWorkspace, apiClient, apiWorkspace } from "./testing/rest-fixture.ts";

let t: TestDatabase;
let server: TestApp;
let a: ApiWorkspace;
beforeAll(async () => {
  t = await createTestDatabase();
  server = await startTestApp({ db: t.db });
  a = await apiWorkspace(t.db, "links");
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

describe("a record needs something to be known by", () => {
  it.each([
    ["POST", "/contacts", { title: "CTO" }, "Add a name, an email or a LinkedIn URL"],
    ["POST", "/companies", { industry: "Software" }, "Add a name or a domain"],
  ])("%s %s without one is 400 saying what to add", async (_method, path, body, message) => {
    const res = await apiClient(server.url, a.writeKey).post(path, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "bad_request", field: "data" });
    expect(res.body.error.message).toContain(message);
  });

  it("PATCH may not empty the last one, for contacts and companies", async () => {
    const client = apiClient(server.url, a.writeKey);
    const contact = await client.post("/contacts", { first_name: "Only" });
    const emptied = await client.patch(`/contacts/${contact.body.id}`, { first_name: null });
    expect(emptied.status).toBe(400);
    expect(emptied.body.error.message).toContain("Add a name, an email or a LinkedIn URL");
    const company = await client.post("/companies", { name: "Only Co" });
    const cleared = await client.patch(`/companies/${company.body.id}`, { name: "" });
    expect(cleared.status).toBe(400);
    expect(cleared.body.error.message).toContain("Add a name or a domain");
    expect((await client.get(`/companies/${company.body.id}`)).body).toMatchObject({ name: "Only Co" });
  });
});

describe("contacts link to companies through the API", () => {
  it("POST and PUT link by domain and answer company_id and the company's fields", async () => {
    const client = apiClient(server.url, a.writeKey);
    const posted = await client.post("/contacts", { email: "ivy@rest-linked.io", first_name: "Ivy" });
    expect(posted.status).toBe(201);
    const companies = await client.get("/companies?search=rest-linked.io");
    const company = companies.body.items[0];
    expect(posted.body).toMatchObject({
      company_id: company?.id,
      company: { id: company?.id, domain: "rest-linked.io", employee_count: null },
    });

    const upserted = await client.put("/contacts", {
      email: "jo@rest-linked.io",
      company_domain: "other-co.io",
    });
    expect(upserted.status).toBe(201);
    expect(upserted.body.company).toMatchObject({ domain: "other-co.io" });
    const moved = await client.put("/contacts", { email: "jo@rest-linked.io", company_domain: null });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ company_id: company?.id, company: { domain: "rest-linked.io" } });
  });

  it("sorts contacts on a field of their company", async () => {
    const client = apiClient(server.url, a.writeKey);
    await a.caller.records.companies.create({
      workspaceId: a.workspaceId,
      data: { domain: "big-co.io", employee_count: 5000 },
    });
    await a.caller.records.companies.create({
      workspaceId: a.workspaceId,
      data: { domain: "small-co.io", employee_count: 3 },
    });
    await client.post("/contacts", { email: "kim@small-co.io" });
    await client.post("/contacts", { email: "lee@big-co.io" });
    const page = await client.get("/contacts?sort=-company.employee_count&limit=2");
    expect(page.status).toBe(200);
    expect(page.body.items.map((c) => c.email)).toEqual(["lee@big-co.io", "kim@small-co.io"]);
    const bad = await client.get("/contacts?sort=company.description");
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("sort");
  });
});
