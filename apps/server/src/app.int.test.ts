import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { createDb } from "@quarry/db/client";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate, query, startTestApp, type TestApp } from "./testing/test-app.ts";

let t: TestDatabase;
let server: TestApp;
let webDist: string;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  t = await createTestDatabase();
  webDist = await mkdtemp(path.join(tmpdir(), "quarry-web-"));
  await mkdir(path.join(webDist, "assets"));
  await writeFile(
    path.join(webDist, "index.html"),
    "<!doctype html><title>Quarry</title><div id=root></div>",
  );
  await writeFile(path.join(webDist, "assets", "app-1a2b.js"), "console.log('quarry')");
  await mkdir(path.join(webDist, ".vite"));
  await writeFile(path.join(webDist, ".vite", "manifest.json"), '{"src/main.tsx":{"file":"secret-path.js"}}');
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  server = await startTestApp({ db: t.db, logger: pino({ level: "info" }, sink), webDistDir: webDist });
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

describe("health", () => {
  it("answers /healthz and /readyz when the database is reachable", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it("reports not ready (503) when the database cannot be reached", async () => {
    const deadDb = createDb("postgres://postgres@127.0.0.1:1/none", { max: 1 });
    const other = await startTestApp({ db: deadDb });
    try {
      const ready = await fetch(`${other.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ok: false });
      expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
    } finally {
      await other.close();
      await deadDb.destroy();
    }
  });
});

describe("request ids and logs", () => {
  it("sends a request id and puts it on every log line of that request", async () => {
    const res = await query(server.url, "auth.me");
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = logLines.filter((l) => l.reqId === id);
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(["incoming request", "request completed"]),
    );
    expect(lines.find((l) => l.msg === "request completed")).toHaveProperty("userId", null);
  });

  it("adds the signed-in user's id to the request's log lines", async () => {
    const signUp = await mutate(server.url, "auth.signUp", {
      email: "logged@example.com",
      password: "correct horse battery",
      name: "Logged",
    });
    const cookie = signUp.headers
      .getSetCookie()
      .find((c) => c.startsWith("quarry_session="))
      ?.split(";")[0];
    const res = await query(server.url, "auth.me", undefined, { cookie: cookie ?? "" });
    const { result } = (await res.json()) as { result: { data: { user: { id: string } } } };
    const completed = logLines.find(
      (l) => l.reqId === res.headers.get("x-request-id") && l.msg === "request completed",
    );
    expect(completed).toHaveProperty("userId", result.data.user.id);
  });

  it("keeps a well-formed x-request-id from a proxy", async () => {
    const res = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "lb-42.abc" } });
    expect(res.headers.get("x-request-id")).toBe("lb-42.abc");
    const bad = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "<script>" } });
    expect(bad.headers.get("x-request-id")).not.toBe("<script>");
  });
});

describe("web app", () => {
  it("serves built files and falls back to index.html for client-side routes", async () => {
    const asset = await fetch(`${server.url}/assets/app-1a2b.js`);
    expect(await asset.text()).toContain("quarry");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    const route = await fetch(`${server.url}/w/123/contacts`, { headers: { accept: "text/html" } });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain("<div id=root>");
  });

  it("never serves dot-files such as the build manifest (it names source files)", async () => {
    const res = await fetch(`${server.url}/.vite/manifest.json`);
    expect(await res.text()).not.toContain("secret-path");
  });

  it("answers unknown API paths with a JSON 404, not the web app", async () => {
    const res = await fetch(`${server.url}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { message: expect.stringContaining("Not found") } });
  });

  it("says how to build the web app when it is missing", async () => {
    const other = await startTestApp({ db: t.db, webDistDir: path.join(webDist, "missing") });
    try {
      const res = await fetch(`${other.url}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain("npm run build:web");
    } finally {
      await other.close();
    }
  });
});
