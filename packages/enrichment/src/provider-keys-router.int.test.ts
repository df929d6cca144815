import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { createCallerFactory, fieldErrors, router } from "@quarry/trpc/init";
import { testContext } from "@quarry/trpc/testing/test-context";
import { insertTestUser, type TestUser } from "@quarry/trpc/testing/test-users";
import { workspaceAccess } from "@quarry/workspaces/services/access";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { providerKeysRouter } from "./provider-keys-router.ts";
import type { FakeServer } from "./testing/fakes/fake-http.ts";
import { startHunterFake } from "./testing/fakes/hunter.fake.ts";

/**
 * enrichment.providerKeys.* through tRPC as router.ts mounts them: membership, permission matrix,
 * tenant isolation, and that no answer ever carries the secret.
 */
const createCaller = createCallerFactory(
  router({ enrichment: router({ providerKeys: providerKeysRouter }) }),
);
const callerFor = (u: TestUser) =>
  createCaller(testContext(t.db, { ...u, access: workspaceAccess })).enrichment.providerKeys;

type Role = "owner" | "admin" | "member" | "viewer" | "billing_admin";
let t: TestDatabase;
let hunter: FakeServer;
let a: { id: string; users: Record<Role, TestUser> };
let b: { id: string; users: Record<Role, TestUser> };

async function workspaceWithEveryRole(name: string) {
  const { id } = await t.db
    .insertInto("workspaces")
    .values({ name })
    .returning("id")
    .executeTakeFirstOrThrow();
  const users = {} as Record<Role, TestUser>;
  for (const role of ["owner", "admin", "member", "viewer", "billing_admin"] as const) {
    users[role] = await insertTestUser(t.db);
    await t.db
      .insertInto("memberships")
      .values({ workspace_id: id, user_id: users[role].user.id, role })
      .execute();
  }
  return { id, users };
}

beforeAll(async () => {
  t = await createTestDatabase();
  hunter = await startHunterFake();
  a = await workspaceWithEveryRole("A");
  b = await workspaceWithEveryRole("B");
});
afterAll(async () => {
  await hunter.close();
  await t.drop();
});

const SECRET_A = "a-hunter-secret-key-AAAA";
const SECRET_B = "b-apollo-secret-key-BBBB";

describe("enrichment.providerKeys", () => {
  it("an owner sets a key; answers show the last 4 characters, never the key", async () => {
    const set = await callerFor(a.users.owner).set({
      workspaceId: a.id,
      providerId: "hunter",
      apiKey: SECRET_A,
      baseUrl: hunter.url,
    });
    expect(set).toMatchObject({ providerId: "hunter", configured: true, last4: "AAAA", baseUrl: hunter.url });
    await callerFor(b.users.admin).set({ workspaceId: b.id, providerId: "apollo", apiKey: SECRET_B });
    const listed = await callerFor(a.users.viewer).list({ workspaceId: a.id });
    expect(listed.items.filter((i) => i.configured).map((i) => [i.providerId, i.last4])).toEqual([
      ["hunter", "AAAA"],
    ]);
    expect(JSON.stringify([set, listed])).not.toContain(SECRET_A);
    expect(JSON.stringify(listed)).not.toContain("BBBB");
  });

  it("tests the stored key against the vendor", async () => {
    expect(await callerFor(a.users.admin).test({ workspaceId: a.id, providerId: "hunter" })).toMatchObject({
      status: "valid",
    });
    expect(hunter.requests.at(-1)?.headers["x-api-key"]).toBe(SECRET_A);
  });

  it.each([
    ["member", "set"],
    ["viewer", "delete"],
    ["billing_admin", "test"],
    ["billing_admin", "list"],
  ] as const)("refuses %s calling %s", async (role, verb) => {
    const caller = callerFor(a.users[role]);
    const input = { workspaceId: a.id, providerId: "hunter" as const, apiKey: "changed-key-0000" };
    const call = verb === "list" ? caller.list({ workspaceId: a.id }) : caller[verb](input);
    await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    const row = await t.db
      .selectFrom("provider_keys")
      .select("last4")
      .where("workspace_id", "=", a.id)
      .executeTakeFirst();
    expect(row?.last4).toBe("AAAA");
  });

  it("keeps workspaces apart: A's owner naming B gets NOT_FOUND and changes nothing", async () => {
    const before = await t.db
      .selectFrom("provider_keys")
      .selectAll()
      .where("workspace_id", "=", b.id)
      .execute();
    const owner = callerFor(a.users.owner);
    const calls = [
      () => owner.list({ workspaceId: b.id }),
      () => owner.set({ workspaceId: b.id, providerId: "apollo", apiKey: "hijacked-key-0000" }),
      () => owner.delete({ workspaceId: b.id, providerId: "apollo" }),
      () => owner.test({ workspaceId: b.id, providerId: "apollo" }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await t.db.selectFrom("provider_keys").selectAll().where("workspace_id", "=", b.id).execute(),
    ).toEqual(before);
  });

  it("names the field for bad input", async () => {
    const owner = callerFor(a.users.owner);
    const short = await owner
      .set({ workspaceId: a.id, providerId: "pdl", apiKey: "short" })
      .catch((e: unknown) => e);
    expect(short).toMatchObject({ code: "BAD_REQUEST" });
    const cause = (short as { cause?: unknown }).cause;
    expect(cause instanceof ZodError ? fieldErrors(cause) : null).toEqual({
      apiKey: "API key must be at least 8 characters",
    });
    await expect(
      owner.set({
        workspaceId: a.id,
        providerId: "pdl",
        apiKey: "long-enough-key",
        baseUrl: "http://169.254.169.254",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "must use https (plain http only for localhost)",
    });
  });

  it("an admin deletes the key", async () => {
    expect(await callerFor(a.users.admin).delete({ workspaceId: a.id, providerId: "hunter" })).toEqual({
      deleted: true,
    });
    expect(await callerFor(a.users.owner).test({ workspaceId: a.id, providerId: "hunter" })).toMatchObject({
      status: "not_configured",
    });
  });
});
