import { signUpUser } from "@quarry/auth/testing/sign-up-user";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "./testing/raw-request.ts";
import { mutate, startTestApp, type TestApp } from "./testing/test-app.ts";

let t: TestDatabase;
/** No APP_ORIGIN: links use http://localhost:3000 (PORT's default), CSRF takes loopback on the server's port. */
let local: TestApp;
/** APP_ORIGIN set: the only origin links and the CSRF check use. */
let hosted: TestApp;
const APP_ORIGIN = "https://quarry.example.com";
let email: string;

beforeAll(async () => {
  t = await createTestDatabase();
  local = await startTestApp({ db: t.db });
  hosted = await startTestApp({ db: t.db, env: { APP_ORIGIN } });
  ({
    user: { email },
  } = await signUpUser(t.db));
});
afterAll(async () => {
  await Promise.all([local?.close(), hosted?.close()]);
  await t.drop();
});

let unknownEmails = 0;

/**
 * A password-reset request as a browser at `origin` sends it, to a server reached as `host`: for
 * the signed-up user, or (`to: "nobody"`, same answer, no mail) a fresh unknown address.
 */
function requestReset(
  app: TestApp,
  origin: string,
  host = new URL(app.url).host,
  to: "user" | "nobody" = "user",
) {
  const address = to === "user" ? email : `nobody-${++unknownEmails}@example.com`;
  return rawRequest(`${app.url}/trpc/auth.passwordReset.request`, {
    method: "POST",
    headers: { host, origin, "content-type": "application/json" },
    body: JSON.stringify({ email: address }),
  });
}

const outboxLinks = async () =>
  (await t.db.selectFrom("outbox").select("text_body").execute()).flatMap(
    (m) => m.text_body.match(/https?:\/\/\S+\/(reset-password|invite)\/\S+/g) ?? [],
  );

describe("CSRF: which page origins may change data", () => {
  const port = () => new URL(local.url).port;
  const otherPort = () => String(Number(port()) + 1);
  it.each<{ name: string; app: () => TestApp; origin: () => string; host?: string; status: number }>([
    {
      name: "unset: 127.0.0.1 on the server's port",
      app: () => local,
      origin: () => `http://127.0.0.1:${port()}`,
      status: 200,
    },
    {
      name: "unset: localhost on the server's port",
      app: () => local,
      origin: () => `http://localhost:${port()}`,
      status: 200,
    },
    {
      name: "unset: [::1] on the server's port",
      app: () => local,
      origin: () => `http://[::1]:${port()}`,
      status: 200,
    },
    {
      name: "unset: localhost on another port",
      app: () => local,
      origin: () => `http://localhost:${otherPort()}`,
      status: 403,
    },
    {
      name: "unset: the default APP_ORIGIN's port (not this server's)",
      app: () => local,
      origin: () => "http://localhost:3000",
      status: 403,
    },
    {
      name: "unset: a site whose Host header matches",
      app: () => local,
      origin: () => "http://evil.example",
      host: "evil.example",
      status: 403,
    },
    {
      name: "unset: this machine's LAN address",
      app: () => local,
      origin: () => `http://192.0.2.2:${port()}`,
      status: 403,
    },
    { name: "unset: null", app: () => local, origin: () => "null", status: 403 },
    { name: "set: APP_ORIGIN", app: () => hosted, origin: () => APP_ORIGIN, status: 200 },
    {
      name: "set: APP_ORIGIN over plain http",
      app: () => hosted,
      origin: () => "http://quarry.example.com",
      status: 403,
    },
    { name: "set: a look-alike", app: () => hosted, origin: () => `${APP_ORIGIN}.evil.example`, status: 403 },
    {
      name: "set: loopback on the server's port",
      app: () => hosted,
      origin: () => `http://127.0.0.1:${new URL(hosted.url).port}`,
      status: 403,
    },
    {
      name: "set: a site whose Host header matches",
      app: () => hosted,
      origin: () => "http://evil.example",
      host: "evil.example",
      status: 403,
    },
  ])("$name → $status", async ({ app, origin, host, status }) => {
    const res = await requestReset(app(), origin(), host, "nobody");
    expect(res.status).toBe(status);
  });

  it("tells what to set when an origin is refused while APP_ORIGIN is unset", async () => {
    const res = await requestReset(local, "http://quarry.internal:8080", "quarry.internal:8080", "nobody");
    expect(JSON.parse(res.body)).toMatchObject({
      error: {
        message: expect.stringContaining(
          "set APP_ORIGIN to it (e.g. APP_ORIGIN=http://quarry.internal:8080)",
        ),
        data: { code: "FORBIDDEN" },
      },
    });
  });
});

describe("links in mail never come from the request", () => {
  it("refuses Host: evil.example with Origin: http://evil.example and mails nothing", async () => {
    await t.db.deleteFrom("outbox").execute();
    for (const app of [local, hosted]) {
      expect((await requestReset(app, "http://evil.example", "evil.example")).status).toBe(403);
    }
    expect(await outboxLinks()).toEqual([]);
  });

  it.each([
    {
      name: "APP_ORIGIN unset",
      app: () => local,
      origin: () => local.url,
      link: "http://localhost:3000/reset-password/",
    },
    {
      name: "APP_ORIGIN set",
      app: () => hosted,
      origin: () => APP_ORIGIN,
      link: `${APP_ORIGIN}/reset-password/`,
    },
  ])("$name: a reset link points at $link whatever the Host header says", async ({ app, origin, link }) => {
    await t.db.deleteFrom("outbox").execute();
    expect((await requestReset(app(), origin(), "evil.example")).status).toBe(200);
    const links = await outboxLinks();
    expect(links).toHaveLength(1);
    expect(links[0]?.startsWith(link)).toBe(true);
    expect(links.join(" ")).not.toContain("evil.example");
  });

  it("an invitation link points at APP_ORIGIN whatever the Host header says", async () => {
    await t.db.deleteFrom("outbox").execute();
    const signUp = await mutate(
      hosted.url,
      "auth.signUp",
      {
        email: "owner@example.com",
        password: "correct horse battery",
        name: "Owner",
      },
      { origin: APP_ORIGIN },
    );
    const cookie =
      signUp.headers
        .getSetCookie()
        .find((c) => c.startsWith("quarry_session="))
        ?.split(";")[0] ?? "";
    const created = await mutate(
      hosted.url,
      "workspaces.create",
      { name: "Acme" },
      { cookie, origin: APP_ORIGIN },
    );
    const workspaceId: string = (await created.json()).result.data.id;
    const res = await rawRequest(`${hosted.url}/trpc/workspaces.invitations.create`, {
      method: "POST",
      headers: { host: "evil.example", origin: APP_ORIGIN, cookie, "content-type": "application/json" },
      body: JSON.stringify({ workspaceId, email: "new@example.com", role: "member" }),
    });
    expect(res.status).toBe(200);
    const links = await outboxLinks();
    expect(links).toHaveLength(1);
    expect(links[0]?.startsWith(`${APP_ORIGIN}/invite/`)).toBe(true);
  });
});

describe("the origin shown on pages (API docs)", () => {
  it.each([
    {
      name: "unset, reached at 127.0.0.1",
      app: () => local,
      host: () => new URL(local.url).host,
      shown: () => local.url,
    },
    {
      name: "unset, reached as evil.example",
      app: () => local,
      host: () => "evil.example",
      shown: () => "http://localhost:3000",
    },
    {
      name: "set, reached at 127.0.0.1",
      app: () => hosted,
      host: () => new URL(hosted.url).host,
      shown: () => APP_ORIGIN,
    },
    {
      name: "set, reached as evil.example",
      app: () => hosted,
      host: () => "evil.example",
      shown: () => APP_ORIGIN,
    },
  ])("$name", async ({ app, host, shown }) => {
    const res = await rawRequest(`${app().url}/api/docs`, { headers: { host: host() } });
    expect(res.body).toContain(`curl -X PUT &#39;${shown()}/api/v1/contacts&#39;`);
    expect(res.body).not.toContain("evil.example");
  });
});
