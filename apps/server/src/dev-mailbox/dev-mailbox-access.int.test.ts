import { networkInterfaces } from "node:os";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sendMail } from "@quarry/mail/services/send-mail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "../testing/raw-request.ts";
import { startTestApp } from "../testing/test-app.ts";
import { mayReadDevMailbox } from "./dev-mailbox-route.ts";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await sendMail(t.db, {
    to: "ada@example.com",
    subject: "Reset",
    text: "http://localhost/reset-password/secret",
  });
});
afterAll(async () => {
  await t.drop();
});

/** This machine's first non-loopback address of a family: a source that is not loopback. */
function externalAddress(family: "IPv4" | "IPv6"): string | undefined {
  const all = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return all.find((i) => !i.internal && i.family === family && !i.address.startsWith("fe80:"))?.address;
}
const externalV4 = externalAddress("IPv4");
const externalV6 = externalAddress("IPv6");

describe("who may read the outbox: the socket's peer address decides", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.10.20.30", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["192.0.2.10", false],
    ["::ffff:192.0.2.10", false],
    ["10.0.0.1", false],
    ["fd00::2", false],
    ["::ffff:7f00:1", false],
    ["", false],
    [undefined, false],
  ])("%s → %s", (remoteAddress, allowed) => {
    const request = { socket: { remoteAddress } } as Parameters<typeof mayReadDevMailbox>[0];
    expect(mayReadDevMailbox(request)).toBe(allowed);
  });
});

describe("/dev/mailbox over HTTP", () => {
  const cases: Array<{
    name: string;
    env: Record<string, string>;
    from: string | undefined;
    headers?: Record<string, string>;
    status: number;
  }> = [
    { name: "loopback (IPv4), development", env: {}, from: "127.0.0.1", status: 200 },
    { name: "loopback (IPv6), development", env: {}, from: "::1", status: 200 },
    { name: "another address (IPv4)", env: {}, from: externalV4, status: 404 },
    { name: "another address (IPv6)", env: {}, from: externalV6, status: 404 },
    {
      name: "another address claiming loopback through a trusted proxy header",
      env: { TRUSTED_PROXIES: externalV4 ?? "192.0.2.1" },
      from: externalV4,
      headers: { "x-forwarded-for": "127.0.0.1" },
      status: 404,
    },
    {
      name: "loopback, production",
      env: { NODE_ENV: "production", APP_ORIGIN: "https://quarry.example.com" },
      from: "127.0.0.1",
      status: 404,
    },
    {
      name: "loopback, SMTP_URL set",
      env: { SMTP_URL: "smtp://mail.example.com:587" },
      from: "127.0.0.1",
      status: 404,
    },
  ];

  it.each(cases)("$name → $status", async ({ env, from, headers, status }) => {
    // Needs an address of this machine's that is not loopback; every CI runner and container has one.
    expect(from, "this machine has no non-loopback address to test from").toBeDefined();
    const app = await startTestApp({ db: t.db, env, host: "::" });
    try {
      const port = new URL(app.url).port;
      const target = from?.includes(":") ? `[${from}]` : from;
      const res = await rawRequest(`http://${target}:${port}/dev/mailbox`, { localAddress: from, headers });
      expect(res.status).toBe(status);
      if (status === 200) expect(res.body).toContain("/reset-password/secret");
      else expect(res.body).not.toContain("secret");
    } finally {
      await app.close();
    }
  });
});
