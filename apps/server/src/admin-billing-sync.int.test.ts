import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type StripeFake, startStripeFake } from "@quarry/billing/testing/stripe-fake";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("./admin.ts", import.meta.url));

let t: TestDatabase;
let fake: StripeFake;
beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startStripeFake({});
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

function admin(env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [entry, ...args],
      { env: { PATH: process.env.PATH, DATABASE_URL: t.url, ...env }, timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run admin -- billing-sync", () => {
  it("creates the plans' products and prices once; a second run changes nothing", async () => {
    const env = { STRIPE_SECRET_KEY: fake.apiKey, STRIPE_API_BASE: fake.url };
    const first = await admin(env, "billing-sync");
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(
      JSON.parse(first.stdout).plans.map((p: { plan: string; action: string }) => [p.plan, p.action]),
    ).toEqual([
      ["starter", "created"],
      ["pro", "created"],
      ["enterprise", "created"],
    ]);
    const second = await admin(env, "billing-sync");
    expect(JSON.parse(second.stdout).plans.map((p: { action: string }) => p.action)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    const stripe = fake.stripe();
    expect((await stripe.products.list({ limit: 100 })).data).toHaveLength(3);
    const prices = (await stripe.prices.list({ limit: 100 })).data;
    expect(prices.map((p) => [p.lookup_key, p.unit_amount]).sort()).toEqual([
      ["quarry_enterprise_monthly", 99_900],
      ["quarry_pro_monthly", 14_900],
      ["quarry_starter_monthly", 4_900],
    ]);
  });

  it("without STRIPE_SECRET_KEY says so on one line and exits 1", async () => {
    const res = await admin({}, "billing-sync");
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^billing-sync: STRIPE_SECRET_KEY is not set/);
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
  });
});
