import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLogs } from "./testing/log-capture.ts";
import { rawRequest } from "./testing/raw-request.ts";
import { startTestApp, type TestApp } from "./testing/test-app.ts";

let t: TestDatabase;
const logs = captureLogs();
let server: TestApp;

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startTestApp({ db: t.db, logger: logs.logger });
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

/** The `req` of a request's "incoming request" line. */
async function loggedRequest(app: TestApp, path: string, headers: Record<string, string> = {}) {
  const res = await rawRequest(`${app.url}${path}`, { headers });
  const id = res.headers["x-request-id"];
  const line = logs.lines.find((l) => l.reqId === id && l.msg === "incoming request");
  return line?.req as { url: string; remoteAddress: string } | undefined;
}

describe("secret tokens never reach request logs", () => {
  const SECRET = "s3cretTOKENvalue";
  const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  it.each([
    ["/reset-password/<token>", `/reset-password/${SECRET}`, "/reset-password/[redacted]"],
    ["/invite/<token>", `/invite/${SECRET}`, "/invite/[redacted]"],
    ["/invite/<token>?query", `/invite/${SECRET}?from=mail`, "/invite/[redacted]?from=mail"],
    ["?token=", `/verify?token=${SECRET}&x=1`, "/verify?token=%5Bredacted%5D&x=1"],
    ["?resetToken=", `/verify?resetToken=${SECRET}`, "/verify?resetToken=%5Bredacted%5D"],
    [
      "a link in ?next=",
      `/sign-in?next=${encodeURIComponent(`/invite/${SECRET}`)}`,
      "/sign-in?next=%2Finvite%2F%5Bredacted%5D",
    ],
    [
      "a tRPC input's token",
      `/trpc/workspaces.invitations.preview?input=${input({ token: SECRET })}`,
      `/trpc/workspaces.invitations.preview?input=${encodeURIComponent('{"token":"[redacted]"}')}`,
    ],
  ])("%s", async (_name, path, logged) => {
    const req = await loggedRequest(server, path);
    expect(req?.url).toBe(logged);
    const requestLines = JSON.stringify(logs.lines);
    expect(requestLines).not.toContain(SECRET);
  });

  it("leaves other URLs as they are", async () => {
    const path = `/trpc/auth.me?input=${input({ q: "a b" })}`;
    expect((await loggedRequest(server, path))?.url).toBe(path);
  });
});

describe("X-Forwarded-For counts only from TRUSTED_PROXIES", () => {
  const forwarded = { "x-forwarded-for": "203.0.113.7" };
  it.each<{ name: string; env: Record<string, string>; headers: Record<string, string>; ip: string }>([
    { name: "no trusted proxies: the socket's address", env: {}, headers: forwarded, ip: "127.0.0.1" },
    {
      name: "another proxy trusted: the socket's address",
      env: { TRUSTED_PROXIES: "10.0.0.0/8" },
      headers: forwarded,
      ip: "127.0.0.1",
    },
    {
      name: "this proxy trusted: the forwarded client",
      env: { TRUSTED_PROXIES: "127.0.0.1" },
      headers: forwarded,
      ip: "203.0.113.7",
    },
    {
      name: "this proxy trusted by range: the forwarded client",
      env: { TRUSTED_PROXIES: "127.0.0.0/8,::1" },
      headers: forwarded,
      ip: "203.0.113.7",
    },
    {
      name: "trusted proxy, no header: the socket's address",
      env: { TRUSTED_PROXIES: "127.0.0.1" },
      headers: {},
      ip: "127.0.0.1",
    },
  ])("$name", async ({ env, headers, ip }) => {
    const app = await startTestApp({ db: t.db, env, logger: logs.logger });
    try {
      expect((await loggedRequest(app, "/healthz", headers))?.remoteAddress).toBe(ip);
    } finally {
      await app.close();
    }
  });
});
