import { AppError } from "@quarry/core/app-error";
import { systemClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import { apiKeyActor } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companyEntity, contactEntity } from "../schemas/entities.ts";
import { activityRows, dropTestDatabase, type Member, newWorkspace } from "../testing/fixtures.ts";
import { deleteRecord } from "./delete-record.ts";
import { upsertRecord } from "./upsert-record.ts";

let t: TestDatabase;
let admin: Member;
let ctx: ServiceCtx;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await newWorkspace(t.db);
  ctx = {
    db: t.db,
    workspaceId: admin.workspaceId,
    actor: apiKeyActor({ keyId: "00000000-0000-4000-8000-000000000000", createdBy: admin.user.id }),
    clock: systemClock,
    log: silentLogger,
  };
});
afterAll(() => dropTestDatabase(t));

async function liveContactsWithEmail(email: string) {
  return t.db
    .selectFrom("contacts")
    .select("id")
    .where("workspace_id", "=", admin.workspaceId)
    .where("email", "=", email)
    .where("deleted_at", "is", null)
    .execute();
}

describe("upsertRecord", () => {
  it("creates a contact when no live one has the email, then updates it, matching the normalised email", async () => {
    const first = await upsertRecord(ctx, contactEntity, { email: "Grace@Example.com", first_name: "Grace" });
    expect(first.created).toBe(true);
    expect(first.record).toMatchObject({ email: "grace@example.com", first_name: "Grace", title: null });

    const second = await upsertRecord(ctx, contactEntity, {
      email: " GRACE@example.COM ",
      title: "Rear Admiral",
    });
    expect(second.created).toBe(false);
    expect(second.record).toMatchObject({ id: first.record.id, first_name: "Grace", title: "Rear Admiral" });
    expect(await liveContactsWithEmail("grace@example.com")).toHaveLength(1);

    const activity = await activityRows(t.db, first.record.id);
    expect(activity.map((a) => [a.action, a.source, a.actor_id])).toEqual([
      ["create", "api", admin.user.id],
      ["update", "api", admin.user.id],
    ]);
  });

  it("matches companies on the normalised domain", async () => {
    const made = await upsertRecord(ctx, companyEntity, { domain: "acme.io", name: "Acme" });
    const again = await upsertRecord(ctx, companyEntity, {
      domain: "https://www.ACME.io/about",
      industry: "Tools",
    });
    expect(again).toMatchObject({
      created: false,
      record: { id: made.record.id, name: "Acme", industry: "Tools" },
    });
  });

  it("requires the field it matches on, naming it", async () => {
    for (const data of [{ first_name: "Nobody" }, { email: null, first_name: "Nobody" }]) {
      const error = await upsertRecord(ctx, contactEntity, data).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "BAD_REQUEST", field: "data.email" });
    }
    await expect(upsertRecord(ctx, contactEntity, { email: "not an email" })).rejects.toMatchObject({
      field: "data.email",
    });
  });

  it("creates a new record when the only one with that email is in the trash", async () => {
    const old = await upsertRecord(ctx, contactEntity, { email: "trashed@example.com" });
    await deleteRecord(ctx, contactEntity, old.record.id);
    const fresh = await upsertRecord(ctx, contactEntity, { email: "trashed@example.com" });
    expect(fresh.created).toBe(true);
    expect(fresh.record.id).not.toBe(old.record.id);
  });

  it("makes exactly one record from concurrent upserts of one email", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        upsertRecord(ctx, contactEntity, { email: "race@example.com", city: `C${i}` }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
    expect(await liveContactsWithEmail("race@example.com")).toHaveLength(1);
  });
});
