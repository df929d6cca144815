/**
 * `npm run dev`: Vite with hot reload on PORT (default 3000) proxying /trpc, /healthz, /readyz and
 * /dev to the API server on PORT + 1, which `node --watch` restarts on change.
 * Without DATABASE_URL one embedded PostgreSQL is started here and shared by every restart.
 * Ctrl-C or SIGTERM stops both, then the database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { parseEnv } from "@quarry/core/env";
import type { ResolvedDatabase } from "@quarry/db/resolve-database";
import { startEmbeddedDatabase } from "../jobs/src/embedded-database.ts";

const env = parseEnv();
const webPort = env.PORT;
const apiPort = env.PORT + 1;
let database: ResolvedDatabase | undefined;
const children: ChildProcess[] = [];
let stopping = false;

function run(name: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`dev: ${name} exited (${signal ?? code}); stopping everything`);
      void stop(typeof code === "number" && code !== 0 ? code : 1);
    }
  });
  children.push(child);
  return child;
}

async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const exited = children.map(
    (c) =>
      new Promise<void>((resolve) =>
        c.exitCode !== null || c.signalCode !== null ? resolve() : c.once("exit", () => resolve()),
      ),
  );
  for (const c of children) c.kill("SIGTERM");
  await Promise.all(exited);
  await database?.stop();
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(130);
    void stop(0);
  });
}

let databaseUrl = env.DATABASE_URL;
if (!databaseUrl) {
  database = await startEmbeddedDatabase(env.QUARRY_DATA_DIR);
  databaseUrl = database.url;
  console.log(`dev: embedded PostgreSQL at ${databaseUrl}`);
}
if (!stopping) {
  run("API server", process.execPath, ["--watch", "--watch-preserve-output", "apps/server/src/main.ts"], {
    PORT: String(apiPort),
    DATABASE_URL: databaseUrl,
    // Pages come from Vite's port, not the API's: its origin is the one links and the CSRF check use.
    APP_ORIGIN: env.APP_ORIGIN_EXPLICIT ? env.APP_ORIGIN : `http://localhost:${webPort}`,
  });
  run("Vite", "npm", ["run", "dev", "-w", "@quarry/web", "--", "--port", String(webPort), "--strictPort"], {
    QUARRY_API_URL: `http://localhost:${apiPort}`,
  });
  console.log(`dev: open http://localhost:${webPort} (API on http://localhost:${apiPort})`);
}
