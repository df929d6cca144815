import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { systemClock } from "@quarry/core/clock";
import { getBalance } from "@quarry/credits/services/get-balance";
import { ledgerCtx } from "@quarry/credits/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { authenticateApiKey } from "@quarry/workspaces/services/authenticate-api-key";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./rest/testing/rest-fixture.ts";
import { startTestApp, type TestApp } from "./testing/test-app.ts";

const entry = fileURLToPath(new URL("./admin.ts", import.meta.url));

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

/** Runs `npm run admin -- …` as an operator would, against the test database. */
function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [entry, ...args],
      { env: { PATH: process.env.PATH, DATABASE_URL: t.url }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("npm run admin", () => {
  it("creates a user, their workspace and an API key that works, each printing one JSON object", async () => {
    const user = await admin(
      "create-user",
      "--email",
      "Ops@Example.com",
      "--password",
      "correct horse battery",
    );
    expect(user).toMatchObject({ code: 0, stderr: "" });
    const u = JSON.parse(user.stdout);
    expect(u).toEqual({ id: expect.any(String), email: "ops@example.com", name: "ops" });
    expect(user.stdout.trim().split("\n")).toHaveLength(1);
    // createAccount signs the new user in; the CLI leaves no session behind.
    const sessions = await t.db.selectFrom("sessions").select("id").where("user_id", "=", u.id).execute();
    expect(sessions).toEqual([]);

    const ws = await admin("create-workspace", "--owner", "ops@example.com", "--name", "Self Hosted");
    expect(ws.code).toBe(0);
    const w = JSON.parse(ws.stdout);
    expect(w).toEqual({
      id: expect.any(String),
      name: "Self Hosted",
      owner: { id: u.id, email: "ops@example.com" },
    });
    const role = await t.db
      .selectFrom("memberships")
      .select("role")
      .where("workspace_id", "=", w.id)
      .where("user_id", "=", u.id)
      .executeTakeFirst();
    expect(role).toEqual({ role: "owner" });

    const key = await admin("create-api-key", "--workspace", w.id, "--scope", "read-write");
    expect(key.code).toBe(0);
    const k = JSON.parse(key.stdout);
    expect(k).toMatchObject({
      workspaceId: w.id,
      scope: "read_write",
      name: "Admin CLI",
      key: expect.stringMatching(/^qk_live_/),
    });
    expect(await authenticateApiKey(t.db, systemClock, k.key)).toMatchObject({
      workspaceId: w.id,
      scope: "read_write",
    });
    const created = await apiClient(server.url, k.key).post("/contacts", { email: "from-cli@example.com" });
    expect(created.status).toBe(201);

    const read = JSON.parse(
      (await admin("create-api-key", "--workspace", w.id, "--scope", "read", "--name", "BI")).stdout,
    );
    expect(read).toMatchObject({ scope: "read", name: "BI" });
    expect(
      (await apiClient(server.url, read.key).post("/contacts", { email: "no@example.com" })).status,
    ).toBe(403);
  }, 90_000); // five CLI processes, each loading the app: past the default 20 s on a loaded machine

  it.each([
    [
      ["create-user", "--email", "nope", "--password", "correct horse battery"],
      /--email must be a valid email address/,
    ],
    [
      ["create-user", "--email", "short@example.com", "--password", "short"],
      /--password must be at least 10 characters/,
    ],
    [["create-user", "--password", "correct horse battery"], /--email is required/],
    [
      ["create-workspace", "--owner", "nobody@example.com", "--name", "X"],
      /--owner: no account with the email nobody@example.com/,
    ],
    [["create-workspace", "--owner", "ops@example.com"], /--name is required/],
    [["create-api-key", "--workspace", "not-a-uuid", "--scope", "read"], /--workspace must be a valid id/],
    [
      ["create-api-key", "--workspace", "00000000-0000-4000-8000-000000000000", "--scope", "read"],
      /--workspace: no workspace/,
    ],
    [
      ["create-api-key", "--workspace", "00000000-0000-4000-8000-000000000000", "--scope", "write"],
      /--scope must be "read" or "read-write"/,
    ],
    [
      ["create-api-key", "--workspace", "00000000-0000-4000-8000-000000000000", "--color", "red"],
      /Unknown option '--color'/,
    ],
    [
      [
        "grant-credits",
        "--workspace",
        "00000000-0000-4000-8000-000000000000",
        "--amount",
        "5",
        "--memo",
        "m",
      ],
      /--workspace: no workspace with the id/,
    ],
    [
      [
        "grant-credits",
        "--workspace",
        "00000000-0000-4000-8000-000000000000",
        "--amount",
        "0",
        "--memo",
        "m",
      ],
      /--amount must not be zero/,
    ],
    [
      [
        "grant-credits",
        "--workspace",
        "00000000-0000-4000-8000-000000000000",
        "--amount",
        "1.5",
        "--memo",
        "m",
      ],
      /--amount must be a whole number of credits/,
    ],
    [
      ["grant-credits", "--workspace", "00000000-0000-4000-8000-000000000000", "--amount", "5"],
      /--memo is required/,
    ],
    [["drop-everything"], /Unknown command: drop-everything/],
    [[], /Usage: npm run admin/],
  ])("refuses %j on stderr with exit code 1", async (args, message) => {
    const result = await admin(...args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });

  it("refuses a second account with the same email", async () => {
    await admin("create-user", "--email", "twice@example.com", "--password", "correct horse battery");
    const again = await admin(
      "create-user",
      "--email",
      "twice@example.com",
      "--password",
      "correct horse battery",
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/--email: an account with twice@example.com already exists/);
  });

  it("grants and adjusts a workspace's credits as the operator, never below zero", async () => {
    const ws = await t.db
      .insertInto("workspaces")
      .values({ name: "Granted" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const granted = await admin("grant-credits", "--workspace", ws.id, "--amount", "250", "--memo", "Pilot");
    expect(granted).toMatchObject({ code: 0, stderr: "" });
    expect(granted.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(granted.stdout)).toEqual({
      workspaceId: ws.id,
      kind: "grant",
      transactionId: expect.any(String),
      amount: 250,
      balance: { available: 250, held: 0, spent: 0 },
    });

    const adjusted = await admin(
      "grant-credits",
      "--workspace",
      ws.id,
      "--amount=-50",
      "--memo",
      "Correction",
    );
    expect(adjusted.code).toBe(0);
    expect(JSON.parse(adjusted.stdout)).toMatchObject({ kind: "adjustment", amount: -50 });
    expect(await getBalance(ledgerCtx(t.db, ws.id))).toEqual({ available: 200, held: 0, spent: 0 });

    const tooMuch = await admin("grant-credits", "--workspace", ws.id, "--amount=-201", "--memo", "Oops");
    expect(tooMuch).toEqual({
      code: 1,
      stdout: "",
      stderr: "grant-credits: Not enough credits: 200 available, 201 needed.\n",
    });
    expect(await getBalance(ledgerCtx(t.db, ws.id))).toEqual({ available: 200, held: 0, spent: 0 });
  });
});
