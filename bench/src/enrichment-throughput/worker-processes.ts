import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const workerScript = fileURLToPath(new URL("./bench-worker.ts", import.meta.url));
const READY_TIMEOUT_MS = 60_000;

export interface WorkerSettings {
  databaseUrl: string;
  vendorUrl: string;
  /** Requests per second the bench provider is limited to; 0 = none. */
  rateLimit: number;
  /** Credits per value the bench provider charges. */
  cost: number;
  concurrency: number;
}

export interface WorkerProcesses {
  pids: number[];
  /** Peak resident set (VmHWM) of each worker so far, in MiB. */
  peakRssMb(): Promise<number[]>;
  /** CPU seconds (user + system) each worker used so far. */
  cpuSeconds(): Promise<number[]>;
  stop(): Promise<void>;
}

async function status(pid: number, key: string): Promise<number> {
  const text = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text);
  return m ? Number(m[1]) / 1024 : 0;
}

async function cpu(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
}

function waitReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("bench worker not ready in time")), READY_TIMEOUT_MS);
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString("utf8");
      if (out.includes("ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`bench worker exited with code ${code} before it was ready`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  await exited;
  clearTimeout(timer);
}

/** `count` bench-worker.ts processes (the real startWorker), each ready to take jobs. */
export async function startWorkers(count: number, s: WorkerSettings): Promise<WorkerProcesses> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  try {
    for (let i = 0; i < count; i++) {
      const child = spawn(process.execPath, [workerScript], {
        env: {
          ...process.env,
          DATABASE_URL: s.databaseUrl,
          BENCH_VENDOR_URL: s.vendorUrl,
          BENCH_RATE_LIMIT: String(s.rateLimit),
          BENCH_COST: String(s.cost),
          WORKER_CONCURRENCY: String(s.concurrency),
          NODE_ENV: "production",
          // Production refuses to start without these; a bench worker mails nothing and stores no key.
          APP_ORIGIN: process.env.APP_ORIGIN ?? "http://127.0.0.1:3000",
          QUARRY_ENCRYPTION_KEY: process.env.QUARRY_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
          // The fake vendor listens on 127.0.0.1.
          QUARRY_ALLOW_PRIVATE_NETWORKS: "true",
        },
        stdio: ["ignore", "pipe", "inherit"],
      });
      children.push(child);
    }
    await Promise.all(children.map(waitReady));
  } catch (err) {
    await stop();
    throw err;
  }
  const pids = children.map((c) => c.pid ?? 0);
  return {
    pids,
    peakRssMb: () => Promise.all(pids.map((pid) => status(pid, "VmHWM"))),
    cpuSeconds: () => Promise.all(pids.map(cpu)),
    stop,
  };
}
