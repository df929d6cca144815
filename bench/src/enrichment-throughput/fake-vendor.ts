import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const serverScript = fileURLToPath(new URL("./fake-vendor-server.ts", import.meta.url));

/** What the fake vendor served; `accepted` holds the arrival time (ms, its own clock) of each accepted request. */
export interface VendorStats {
  accepted: number[];
  /** Requests answered 429 because the limit was reached. */
  rejected: number;
  badRequests: number;
  recordsServed: number;
}

export interface FakeVendor {
  url: string;
  pid: number;
  stats(): Promise<VendorStats>;
  stop(): Promise<void>;
}

/** Starts fake-vendor-server.ts as a child process and waits for its port. */
export async function startFakeVendor(latencyMs: number, limitPerSecond: number): Promise<FakeVendor> {
  const child: ChildProcess = spawn(
    process.execPath,
    [serverScript, String(latencyMs), String(limitPerSecond)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const pid = child.pid;
  if (pid === undefined || !child.stdout) throw new Error("could not start the fake vendor");
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString("utf8");
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`fake vendor exited with code ${code} before listening`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pid,
    async stats() {
      const res = await fetch(`${url}/stats`);
      return (await res.json()) as VendorStats;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    },
  };
}
