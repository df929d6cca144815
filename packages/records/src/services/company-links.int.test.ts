import { systemClock } from "@quarry/core/clock";
import { systemActor } from "@quarry/core/service-context";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import type { ServiceCtx } from "@quarry/db/service-context";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { queuedJobs } from "@quarry/queue/testing/queued-jobs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactEntity } from "../schemas/entities.ts";
import { linkContactsTask } from "../tasks/link-contacts.task.ts";
import { linkContactsSweepTask } from "../tasks/link-contacts-sweep.task.ts";
import { activityRows, dropTestDatabase, type Member, newWorkspace } from "../testing/fixtures.ts";
import { applyEnrichedValues } from "./apply-enriched-values.ts";
import { companyIdFor } from "./link-companies.ts";
import { upsertRecord } from "./upsert-record.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => dropTestDatabase(t));

async function companiesOf(m: Member) {
  const page = await m.caller.records.companies.list({ workspaceId: m.workspaceId, limit: 500 });
  return page.items;
}

function svc(m: Member, actor = systemActor("enrichment")): ServiceCtx {
  const log: ServiceCtx["log"] = { info() {}, warn() {}, error() {}, debug() {}, child: () => log };
  return { db: t.db, workspaceId: m.workspaceId, actor, clock: systemClock, log };
}

const helpers = () => ({
  db: t.db,
  log: { info() {}, error() {} },
  jobId: "1",
  attempts: 1,
  outbound: testOutbound,
});

async function pendingJobs(task: string) {
  return (await queuedJobs(t.db, task)).map((j) => ({
    payload: j.payload as Record<string, unknown>,
    key: j.key,
  }));
}

describe("linking on create", () => {
  it("links a contact to the company of its domain, creating it once, named after company_name", async () => {
    const m = await newWorkspace(t.db);
    const ws = { workspaceId: m.workspaceId };
    const ada = await m.caller.records.contacts.create({
      ...ws,
      data: { first_name: "Ada", company_domain: "https://www.Acme.com/about", company_name: "Acme Inc" },
    });
    const grace = await m.caller.records.contacts.create({ ...ws, data: { email: "grace@eu.acme.com" } });
    const companies = await companiesOf(m);
    expect(companies.map((c) => [c.name, c.domain])).toEqual([["Acme Inc", "acme.com"]]);
    expect(ada.company_id).toBe(companies[0]?.id);
    expect(grace.company_id).toBe(companies[0]?.id);
    expect(ada.company).toMatchObject({ id: companies[0]?.id, name: "Acme Inc", domain: "acme.com" });
    const created = await activityRows(t.db, companies[0]?.id ?? "");
    expect(created.map((a) => [a.action, a.source])).toEqual([["create", "user"]]);
  });

  it("never links by a free-mail address and keeps an explicit company_id", async () => {
    const m = await newWorkspace(t.db);
    const ws = { workspaceId: m.workspaceId };
    const gmail = await m.caller.records.contacts.create({ ...ws, data: { email: "bob@gmail.com" } });
    expect(gmail.company_id).toBeNull();
    expect(await companiesOf(m)).toEqual([]);
    const other = await m.caller.records.companies.create({ ...ws, data: { name: "Other" } });
    const chosen = await m.caller.records.contacts.create({
      ...ws,
      data: { email: "cy@acme.com", company_id: other.id },
    });
    expect(chosen.company_id).toBe(other.id);
    expect((await companiesOf(m)).map((c) => c.name)).toEqual(["Other"]);
  });

  it("creates one company when contacts of a new domain are created at the same time", async () => {
    const m = await newWorkspace(t.db);
    const ws = { workspaceId: m.workspaceId };
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        m.caller.records.contacts.create({ ...ws, data: { email: `p${i}@race${i % 2}.io` } }),
      ),
    );
    const companies = await companiesOf(m);
    expect(companies.map((c) => c.domain).sort()).toEqual(["race0.io", "race1.io"]);
    for (const [i, contact] of created.entries()) {
      expect(contact.company_id).toBe(companies.find((c) => c.domain === `race${i % 2}.io`)?.id);
    }
  });

  it("makes one company when two transactions create the same new domain: the second waits, then takes it", async () => {
    const m = await newWorkspace(t.db);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstId: string | null = null;
    const first = t.db.transaction().execute(async (trx) => {
      firstId = await companyIdFor(svc(m), trx, { email: "x@same-time.io" });
      await held;
    });
    await expect.poll(() => firstId).not.toBeNull();
    const second = t.db
      .transaction()
      .execute((trx) => companyIdFor(svc(m), trx, { email: "y@same-time.io" }));
    // The second insert waits on the first's uncommitted company (the unique live domain).
    await expect
      .poll(async () => {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(t.db);
        return rows[0]?.n;
      })
      .toBe(1);
    release();
    await first;
    expect(await second).toBe(firstId);
    expect((await companiesOf(m)).map((c) => c.domain)).toEqual(["same-time.io"]);
  });

  it("creates no company when the workspace turned it off, but still links to an existing one", async () => {
    const m = await newWorkspace(t.db);
    const ws = { workspaceId: m.workspaceId };
    expect(await m.caller.records.settings.get(ws)).toEqual({ autoCreateCompanies: true });
    await m.caller.records.settings.update({ ...ws, data: { autoCreateCompanies: false } });
    const lone = await m.caller.records.contacts.create({ ...ws, data: { email: "lone@solo.dev" } });
    expect(lone.company_id).toBeNull();
    expect(await companiesOf(m)).toEqual([]);

    // A company of that domain, created later, takes the contact.
    const solo = await m.caller.records.companies.create({ ...ws, data: { domain: "solo.dev" } });
    expect((await m.caller.records.contacts.get({ ...ws, id: lone.id })).company_id).toBe(solo.id);
    const later = await m.caller.records.contacts.create({ ...ws, data: { email: "later@solo.dev" } });
    expect(later.company_id).toBe(solo.id);
  });
});

describe("relinking", () => {
  it("moves a contact to its new domain's company, and unlinks it when it has no domain left", async () => {
    const m = await newWorkspace(t.db);
    const ws = { workspaceId: m.workspaceId };
    const c = await m.caller.records.contacts.create({
      ...ws,
      data: { email: "dan@gmail.com", company_domain: "first.com" },
    });
    const moved = await m.caller.records.contacts.update({
      ...ws,
      id: c.id,
      data: { company_domain: "second.com" },
    });
    const second = (await companiesOf(m)).find((co) => co.domain === "second.com");
    expect(moved.company_id).toBe(second?.id);
    expect(moved.company).toMatchObject({ domain: "second.com" });
    const activity = await activityRows(t.db, c.id);
    expect(activity.at(-1)?.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "company_id", new: second?.id })]),
    );
    const unlinked = await m.caller.records.contacts.update({
      ...ws,
      id: c.id,
      data: { company_domain: null },
    });
    expect(unlinked.company_id).toBeNull();
    expect(unlinked.company).toBeNull();
  });

  it("relinks through the API's upsert and through enrichment", async () => {
    const m = await newWorkspace(t.db);
    const upserted = await upsertRecord(svc(m), contactEntity, { email: "eve@upsert.io", first_name: "Eve" });
    const upsertCo = (await companiesOf(m)).find((co) => co.domain === "upsert.io");
    expect(upserted.record.company_id).toBe(upsertCo?.id);

    const c = await m.caller.records.contacts.create({
      workspaceId: m.workspaceId,
      data: { email: "fay@gmail.com" },
    });
    await applyEnrichedValues(
      svc(m),
      contactEntity,
      c.id,
      [
        {
          field: "company_domain",
          value: "enriched.co",
          provider: "hunter",
          confidence: 90,
          verification: "unknown",
          fetchedAt: new Date(),
          sandbox: false,
        },
      ],
      { overwrite: false, runId: null },
    );
    const enriched = await m.caller.records.contacts.get({ workspaceId: m.workspaceId, id: c.id });
    const co = (await companiesOf(m)).find((x) => x.domain === "enriched.co");
    expect(enriched.company_id).toBe(co?.id);
    expect(enriched.updatedAt).toBe(c.updatedAt);
    expect((await activityRows(t.db, c.id)).at(-1)).toMatchObject({
      source: "enrichment",
      changes: [{ field: "company_id", old: null, new: co?.id }],
    });
  });
});

describe("deleting a company", () => {
  it("keeps its contacts' company_id for a restore; its fields read empty meanwhile", async () => {
    const m = await newWorkspace(t.db);
    const ws = { workspaceId: m.workspaceId };
    const c = await m.caller.records.contacts.create({ ...ws, data: { email: "gil@kept.org" } });
    const companyId = c.company_id ?? "";
    await m.caller.records.companies.delete({ ...ws, id: companyId });
    const during = await m.caller.records.contacts.get({ ...ws, id: c.id });
    expect(during.company_id).toBe(companyId);
    expect(during.company).toBeNull();
    await m.caller.records.companies.restore({ ...ws, id: companyId });
    const after = await m.caller.records.contacts.get({ ...ws, id: c.id });
    expect(after.company).toMatchObject({ id: companyId, domain: "kept.org" });

    // A new company of the domain, made while the old one is in the trash, takes the contacts over.
    await m.caller.records.companies.delete({ ...ws, id: companyId });
    const fresh = await m.caller.records.companies.create({
      ...ws,
      data: { domain: "kept.org", name: "Kept 2" },
    });
    expect((await m.caller.records.contacts.get({ ...ws, id: c.id })).company_id).toBe(fresh.id);
  });
});

describe("the background job", () => {
  it("links existing contacts in chunks, re-enqueuing itself; started when the setting turns on", async () => {
    const m = await newWorkspace(t.db);
    const ws = { workspaceId: m.workspaceId };
    await m.caller.records.settings.update({ ...ws, data: { autoCreateCompanies: false } });
    const ids: string[] = [];
    for (const email of ["a@one.io", "b@one.io", "c@two.io", "d@gmail.com", "e@three.io"]) {
      ids.push((await m.caller.records.contacts.create({ ...ws, data: { email } })).id);
    }
    expect(await companiesOf(m)).toEqual([]);
    await sql`delete from graphile_worker._private_jobs`.execute(t.db);

    await m.caller.records.settings.update({ ...ws, data: { autoCreateCompanies: true } });
    const [start] = await pendingJobs("records/link-contacts");
    expect(start).toMatchObject({
      payload: { workspaceId: m.workspaceId, afterId: null },
      key: `records/link-contacts:${m.workspaceId}`,
    });

    // Run the chain by hand, two contacts a chunk.
    let payload = linkContactsTask.payload.parse({ ...start?.payload, limit: 2 });
    for (let hops = 0; hops < 10; hops++) {
      await sql`delete from graphile_worker._private_jobs`.execute(t.db);
      await linkContactsTask.run(payload, helpers());
      const [next] = await pendingJobs("records/link-contacts");
      if (!next) break;
      payload = linkContactsTask.payload.parse(next.payload);
    }
    const companies = await companiesOf(m);
    expect(companies.map((c) => c.domain).sort()).toEqual(["one.io", "three.io", "two.io"]);
    const contacts = await m.caller.records.contacts.list({ ...ws, limit: 50 });
    const byEmail = new Map(contacts.items.map((c) => [c.email, c.company?.domain ?? null]));
    expect(Object.fromEntries(byEmail)).toEqual({
      "a@one.io": "one.io",
      "b@one.io": "one.io",
      "c@two.io": "two.io",
      "d@gmail.com": null,
      "e@three.io": "three.io",
    });
    // Re-running changes nothing.
    await linkContactsTask.run(linkContactsTask.payload.parse({ workspaceId: m.workspaceId }), helpers());
    expect(await companiesOf(m)).toHaveLength(3);
  });

  it("is started nightly for workspaces with unlinked contacts", async () => {
    const m = await newWorkspace(t.db);
    await m.caller.records.contacts.create({ workspaceId: m.workspaceId, data: { email: "h@gmail.com" } });
    await sql`delete from graphile_worker._private_jobs`.execute(t.db);
    await linkContactsSweepTask.run({}, helpers());
    const keys = (await pendingJobs("records/link-contacts")).map((j) => j.key);
    expect(keys).toContain(`records/link-contacts:${m.workspaceId}`);
  });
});
