import { silentLogger } from "@quarry/core/logger";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { listMail } from "@quarry/mail/services/list-mail";
import { sendMail } from "@quarry/mail/services/send-mail";
import { configureMailTransport } from "@quarry/mail/services/transport";
import { queuedJobs } from "@quarry/queue/testing/queued-jobs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "./testing/smtp-sink.ts";
import { startWorker, type WorkerHandle } from "./worker.ts";

let t: TestDatabase;
let smtp: SmtpSink;
let worker: WorkerHandle;

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startSmtpSink();
  configureMailTransport({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: "Quarry <no-reply@quarry.test>" });
  worker = await startWorker({
    connectionString: t.url,
    db: t.db,
    outbound: testOutbound,
    concurrency: 2,
    log: silentLogger,
    crontab: "",
  });
});

afterAll(async () => {
  await worker.stop();
  configureMailTransport({ smtpUrl: undefined, from: "Quarry <no-reply@quarry.local>" });
  await smtp.close();
  await t.drop();
});

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

it("picks up an enqueued delivery job and sends the mail over SMTP", async () => {
  await sendMail(t.db, { to: "ada@example.com", subject: "Welcome to Quarry", text: "Hello Ada" });
  const sent = await eventually(async () => {
    const [mail] = await listMail(t.db, { to: "ada@example.com" });
    return mail?.sent_at ? mail : undefined;
  });
  expect(sent.sent_at).toBeInstanceOf(Date);
  expect(smtp.messages).toHaveLength(1);
  expect(smtp.messages[0]).toContain("Subject: Welcome to Quarry");
  expect(smtp.messages[0]).toContain("Hello Ada");
  expect(await queuedJobs(t.db, "mail/deliver")).toEqual([]);
});

it("lets a running job finish when stopped", async () => {
  smtp.delayMs = 1500;
  await sendMail(t.db, { to: "bob@example.com", subject: "Slow one", text: "Hello Bob" });
  await eventually(async () => (smtp.messages.length === 2 ? true : undefined));
  const [before] = await listMail(t.db, { to: "bob@example.com" });
  expect(before?.sent_at).toBeNull(); // the SMTP server has not answered yet: the job is mid-run

  await worker.stop();
  const [after] = await listMail(t.db, { to: "bob@example.com" });
  expect(after?.sent_at).toBeInstanceOf(Date);
  expect(await queuedJobs(t.db, "mail/deliver")).toEqual([]);
});
