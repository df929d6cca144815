import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import net from "node:net";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const READY_TIMEOUT_MS = 60_000;

export interface ServerProcess {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (!address || typeof address === "string") throw new Error("could not find a free port");
  return address.port;
}

async function waitReady(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited with code ${child.exitCode} before it was ready`);
    const ok = await fetch(`${origin}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready at ${origin} after ${READY_TIMEOUT_MS} ms`);
}

/**
 * The real server (`node apps/server/src/main.ts`) in its own process, so the load generator does
 * not share its event loop: production mode, no job worker, warnings and errors only, and
 * `httpProcesses` HTTP processes (HTTP_PROCESSES: one per core is how it is deployed).
 */
export async function startServer(
  databaseUrl: string,
  httpProcesses: number,
  /** Settings over the defaults above (another benchmark runs the worker: RUN_WORKER=1). */
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["apps/server/src/main.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      RUN_WORKER: "0",
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      APP_ORIGIN: `http://127.0.0.1:${port}`,
      // Production refuses to start without a key for secrets at rest; this run stores none.
      QUARRY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      HTTP_PROCESSES: String(httpProcesses),
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => process.stderr.write(`[server] ${d}`));
  child.stderr?.on("data", (d: Buffer) => process.stderr.write(`[server] ${d}`));
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start the server process");
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitReady(origin, child);
  } catch (err) {
    await stop();
    throw err;
  }
  return { origin, pid, stop };
}
