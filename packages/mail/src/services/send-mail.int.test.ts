import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { queuedJobs } from "@quarry/queue/testing/queued-jobs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listMail } from "./list-mail.ts";
import { sendMail } from "./send-mail.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it("writes the message to the outbox and queues exactly one delivery job with it", async () => {
  await sendMail(t.db, { to: "Ada@Example.com", subject: "Hi", text: "Hello" });
  const [mail] = await listMail(t.db, { to: "ada@example.com" });
  expect(mail).toMatchObject({ to_address: "ada@example.com", subject: "Hi", text_body: "Hello" });
  const jobs = await queuedJobs(t.db);
  expect(jobs.map((j) => [j.task, j.payload])).toEqual([["mail/deliver", { outboxId: mail?.id }]]);
});

it("writes nothing when the surrounding transaction rolls back", async () => {
  await t.db
    .transaction()
    .execute(async (trx) => {
      await sendMail(trx, { to: "rollback@example.com", subject: "x", text: "y" });
      throw new Error("abort");
    })
    .catch(() => {});
  expect(await listMail(t.db, { to: "rollback@example.com" })).toEqual([]);
});
