import { readdir, readFile } from "node:fs/promises";

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const HZ = 100;

async function processCpuSeconds(pid: number): Promise<{ comm: string; seconds: number } | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!stat) return null;
  const close = stat.lastIndexOf(")");
  const comm = stat.slice(stat.indexOf("(") + 1, close);
  const fields = stat.slice(close + 2).split(" ");
  // After "(comm) ": state is field 3, utime 14, stime 15 → indexes 11 and 12 here.
  const seconds = (Number(fields[11]) + Number(fields[12])) / HZ;
  return { comm, seconds };
}

export interface CpuSnapshot {
  at: number;
  server: number;
  /** CPU seconds of each `postgres` process by pid (backends come and go between snapshots). */
  postgres: Map<number, number>;
  bench: number;
}

/** CPU seconds used so far by the server process, every `postgres` process on this machine, and this process. */
export async function cpuSnapshot(serverPid: number): Promise<CpuSnapshot> {
  const server = (await processCpuSeconds(serverPid))?.seconds ?? 0;
  const postgres = new Map<number, number>();
  const pids = (await readdir("/proc")).filter((d) => /^\d+$/.test(d)).map(Number);
  for (const pid of pids) {
    const p = await processCpuSeconds(pid);
    if (p && (p.comm === "postgres" || p.comm.startsWith("postgres:"))) postgres.set(pid, p.seconds);
  }
  const usage = process.cpuUsage();
  return { at: performance.now(), server, postgres, bench: (usage.user + usage.system) / 1e6 };
}

/** Cores used (CPU seconds per wall second) by each between two snapshots. */
export function coresUsed(
  a: CpuSnapshot,
  b: CpuSnapshot,
): { server: number; postgres: number; bench: number } {
  const wall = (b.at - a.at) / 1000;
  // A process that exited in between is not counted; one that started counts from zero.
  let postgres = 0;
  for (const [pid, seconds] of b.postgres) postgres += seconds - (a.postgres.get(pid) ?? 0);
  return {
    server: (b.server - a.server) / wall,
    postgres: postgres / wall,
    bench: (b.bench - a.bench) / wall,
  };
}
