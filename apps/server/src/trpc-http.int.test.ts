import { request } from "node:http";
import { DAY, manualClock } from "@quarry/core/clock";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { mutate, query, startTestApp, type TestApp } from "./testing/test-app.ts";

let t: TestDatabase;
let server: TestApp;
const clock = manualClock(new Date());

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startTestApp({ db: t.db, clock });
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

const signUp = (email: string) =>
  mutate(server.url, "auth.signUp", { email, password: "correct horse battery", name: "Ada" });

/** "quarry_session=<token>" from a response's Set-Cookie headers. */
function sessionCookie(res: Response): { pair: string; attributes: string } | null {
  const header = res.headers.getSetCookie().find((c) => c.startsWith("quarry_session="));
  if (!header) return null;
  const [pair = "", ...rest] = header.split("; ");
  return { pair, attributes: rest.join("; ") };
}

describe("CSRF", () => {
  const input = { email: "csrf@example.com", password: "correct horse battery", name: "Eve" };
  const post = (headers: Record<string, string>, body = JSON.stringify(input)) =>
    fetch(`${server.url}/trpc/auth.signUp`, { method: "POST", headers, body });

  it("refuses a mutation without an Origin header", async () => {
    const res = await post({ "content-type": "application/json" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { message: expect.stringContaining("Origin") } });
  });

  it("refuses a mutation from another origin", async () => {
    const res = await post({ origin: "https://evil.example", "content-type": "application/json" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { data: { code: "FORBIDDEN" } } });
  });

  it("refuses a form or plain-text body even from the right origin", async () => {
    const form = await post(
      { origin: server.url, "content-type": "application/x-www-form-urlencoded" },
      "email=csrf%40example.com",
    );
    expect(form.status).toBe(403);
    const text = await post({ origin: server.url, "content-type": "text/plain" });
    expect(text.status).toBe(403);
  });

  it("refused mutations change nothing; the same request from the app goes through", async () => {
    expect(await t.db.selectFrom("users").where("email", "=", input.email).execute()).toEqual([]);
    const res = await post({ origin: server.url, "content-type": "application/json" });
    expect(res.status).toBe(200);
  });
});

describe("queries sent as POST (method override)", () => {
  const postQuery = (headers: Record<string, string>) =>
    fetch(`${server.url}/trpc/auth.me`, { method: "POST", headers, body: "null" });

  it("answers a query whose input comes in a JSON body from the app's origin", async () => {
    const res = await postQuery({ "content-type": "application/json", origin: server.url });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { data: null } });
  });

  it("refuses it from another origin, like a mutation", async () => {
    const res = await postQuery({ "content-type": "application/json", origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });
});

describe("errors over HTTP", () => {
  it("answers a protected procedure without a session with 401", async () => {
    const res = await query(server.url, "auth.sessions.list");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { data: { code: "UNAUTHORIZED" } } });
  });

  it("answers invalid input with 400 and a sentence per field that names it", async () => {
    const res = await mutate(server.url, "auth.signUp", {
      email: "not-an-email",
      password: "short",
      name: "x".repeat(201),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.data.fieldErrors).toEqual({
      email: "Email must be a valid email address",
      password: "Password must be at least 10 characters",
      name: "Name must be at most 200 characters",
    });
    expect(body.error.message).toBe(
      "Email must be a valid email address. Password must be at least 10 characters. Name must be at most 200 characters.",
    );
    expect(JSON.stringify(body)).not.toMatch(/Too big|Too small|Invalid input/);
  });

  it("refuses a common password on sign-up with a sentence naming the field", async () => {
    const res = await mutate(server.url, "auth.signUp", {
      email: "weak@example.com",
      password: "password123",
      name: "Weak",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.data.fieldErrors).toEqual({
      password: expect.stringMatching(/^Password is too easy to guess\. This is a commonly used password\./),
    });
  });

  it("names a missing field as required", async () => {
    const res = await mutate(server.url, "auth.signUp", {
      email: "ada@example.com",
      password: "a long passphrase here",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.data.fieldErrors).toEqual({ name: "Name is required" });
  });
});

describe("session cookie", () => {
  it("signs up, sets an HttpOnly cookie, and knows the user on the next request", async () => {
    const res = await signUp("ada@example.com");
    expect(res.status).toBe(200);
    const cookie = sessionCookie(res);
    expect(cookie?.attributes).toContain("HttpOnly");
    expect(cookie?.attributes).toContain("SameSite=Lax");
    expect(cookie?.attributes).toContain("Path=/");
    expect(cookie?.attributes).not.toContain("Secure"); // plain http to 127.0.0.1

    const me = await query(server.url, "auth.me", undefined, { cookie: cookie?.pair ?? "" });
    expect(await me.json()).toMatchObject({ result: { data: { user: { email: "ada@example.com" } } } });
    const anonymous = await query(server.url, "auth.me");
    expect(await anonymous.json()).toMatchObject({ result: { data: null } });
  });

  it("sets the cookie again with a later expiry when the session is renewed", async () => {
    const cookie = sessionCookie(await signUp("renew@example.com"));
    const me = () => query(server.url, "auth.me", undefined, { cookie: cookie?.pair ?? "" });
    expect(sessionCookie(await me())).toBeNull(); // fresh session: nothing to renew

    clock.advance(20 * DAY);
    const renewed = sessionCookie(await me());
    expect(renewed?.pair).toBe(cookie?.pair);
    const expires = new Date(renewed?.attributes.match(/Expires=([^;]+)/)?.[1] ?? 0);
    expect(expires.getTime()).toBeGreaterThan(clock.now().getTime() + 29 * DAY);
  });

  it("clears a cookie that no longer names a session", async () => {
    const res = await query(server.url, "auth.me", undefined, { cookie: "quarry_session=bogus.token" });
    expect(await res.json()).toMatchObject({ result: { data: null } });
    expect(sessionCookie(res)?.pair).toBe("quarry_session=");
  });

  it("marks the cookie Secure when the app is not on plain-http localhost", async () => {
    const public_ = await startTestApp({ db: t.db, clock, env: { APP_ORIGIN: "http://quarry.example" } });
    onTestFinished(() => public_.close());
    // fetch cannot set Host; a raw request can, as a reverse proxy would.
    const body = JSON.stringify({
      email: "secure@example.com",
      password: "correct horse battery",
      name: "Sec",
    });
    const { status, setCookie } = await new Promise<{ status: number; setCookie: string[] }>(
      (resolve, reject) => {
        const req = request(`${public_.url}/trpc/auth.signUp`, {
          method: "POST",
          headers: {
            host: "quarry.example",
            origin: "http://quarry.example",
            "content-type": "application/json",
          },
        });
        req.on("response", (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, setCookie: res.headers["set-cookie"] ?? [] });
        });
        req.on("error", reject);
        req.end(body);
      },
    );
    expect(status).toBe(200);
    expect(setCookie.find((c) => c.startsWith("quarry_session="))).toContain("; Secure");
  });
});

describe("workspace access over HTTP", () => {
  // The session lookup brings the user's roles along; each request must still see the current ones.
  it("checks the membership and role on every request: changes and revocations apply to the next one", async () => {
    const owner = sessionCookie(await signUp("owner@example.com"))?.pair ?? "";
    const guest = sessionCookie(await signUp("guest@example.com"));
    const guestCookie = guest?.pair ?? "";
    const created = await mutate(server.url, "workspaces.create", { name: "Acme" }, { cookie: owner });
    const workspaceId: string = (await created.json()).result.data.id;
    const guestUser = await t.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "guest@example.com")
      .executeTakeFirstOrThrow();

    const list = (cookie: string) =>
      query(server.url, "records.contacts.list", { workspaceId }, { cookie }).then((r) => r.status);
    const create = (cookie: string, email: string) =>
      mutate(server.url, "records.contacts.create", { workspaceId, data: { email } }, { cookie }).then(
        (r) => r.status,
      );

    expect(await list(owner)).toBe(200);
    expect(await list(guestCookie)).toBe(404);
    await t.db
      .insertInto("memberships")
      .values({ workspace_id: workspaceId, user_id: guestUser.id, role: "viewer" })
      .execute();
    expect(await list(guestCookie)).toBe(200);
    expect(await create(guestCookie, "a@example.com")).toBe(403);
    await t.db
      .updateTable("memberships")
      .set({ role: "member" })
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", guestUser.id)
      .execute();
    expect(await create(guestCookie, "b@example.com")).toBe(200);
    await t.db
      .deleteFrom("memberships")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", guestUser.id)
      .execute();
    expect(await list(guestCookie)).toBe(404);
    await t.db.deleteFrom("sessions").where("user_id", "=", guestUser.id).execute();
    expect(await list(guestCookie)).toBe(401);
    expect(await list(owner)).toBe(200);
  });
});

describe("response bodies", () => {
  it("sends a query's JSON whole, with its length", async () => {
    const res = await query(server.url, "auth.me");
    const body = await res.text();
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("transfer-encoding")).toBeNull();
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
    expect(JSON.parse(body)).toEqual({ result: { data: null } });
  });

  it("still streams a subscription (SSE)", async () => {
    const input = {
      workspaceId: "00000000-0000-4000-8000-000000000000",
      id: "00000000-0000-4000-8000-000000000001",
    };
    const res = await query(server.url, "enrichment.runs.watch", input);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("content-length")).toBeNull();
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain("UNAUTHORIZED");
    await reader?.cancel();
  });
});
