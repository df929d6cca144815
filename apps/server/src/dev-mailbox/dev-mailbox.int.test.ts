import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sendMail } from "@quarry/mail/services/send-mail";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestDatabase;
let server: TestApp;

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startTestApp({ db: t.db });
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

it("lists outbox mail newest first, escaped, with clickable links", async () => {
  await sendMail(t.db, { to: "ada@example.com", subject: "First", text: "hello" });
  await sendMail(t.db, {
    to: "ada@example.com",
    subject: "<script>alert(1)</script> Reset",
    text: "Open https://quarry.test/reset-password/abc?x=1&y=2. Thanks",
  });
  const res = await fetch(`${server.url}/dev/mailbox`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/html");
  const html = await res.text();
  expect(html).not.toContain("<script>alert(1)</script>");
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Reset");
  expect(html).toContain('<a href="https://quarry.test/reset-password/abc?x=1&amp;y=2">');
  expect(html.indexOf("Reset")).toBeLessThan(html.indexOf("First"));
});

it("filters by recipient", async () => {
  await sendMail(t.db, { to: "bob@example.com", subject: "For Bob", text: "hi" });
  const html = await (await fetch(`${server.url}/dev/mailbox?to=bob@example.com`)).text();
  expect(html).toContain("For Bob");
  expect(html).not.toContain("First");
});
