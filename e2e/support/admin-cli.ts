import { execFile } from "node:child_process";
import path from "node:path";
import { inject } from "vitest";

const entry = path.resolve(import.meta.dirname, "../../apps/server/src/admin.ts");

/** Runs `npm run admin -- …` against the e2e server's database, as the operator would; its JSON. */
export function adminCli(...args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [entry, ...args],
      { env: { PATH: process.env.PATH, DATABASE_URL: inject("databaseUrl") }, timeout: 60_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`admin ${args[0]}: ${stderr}`)) : resolve(JSON.parse(stdout)),
    );
  });
}
