import { readdir, readFile } from "node:fs/promises";

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const HZ = 100;

async function processCpuSeconds(
  pid: number,
): Promise<{ comm: string; ppid: number; seconds: number } | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!stat) return null;
  const close = stat.lastIndexOf(")");
  const comm = stat.slice(stat.indexOf("(") + 1, close);
  const fields = stat.slice(close + 2).split(" ");
  // After "(comm) ": state is field 3, ppid 4, utime 14, stime 15 → indexes 1, 11 and 12 here.
  const seconds = (Number(fields[11]) + Number(fields[12])) / HZ;
  return { comm, ppid: Number(fields[1]), seconds };
}

export interface CpuSnapshot {
  at: number;
  /** CPU seconds of the server process and of each process it forked (HTTP_PROCESSES), by pid. */
  server: Map<number, number>;
  /** CPU seconds of each `postgres` process by pid (backends come and go between snapshots). */
  postgres: Map<number, number>;
  bench: number;
}

/**
 * CPU seconds used so far by the server process and its children, every `postgres` process on
 * this machine, and this process.
 */
export async function cpuSnapshot(serverPid: number): Promise<CpuSnapshot> {
  const server = new Map<number, number>();
  const postgres = new Map<number, number>();
  const pids = (await readdir("/proc")).filter((d) => /^\d+$/.test(d)).map(Number);
  for (const pid of pids) {
    const p = await processCpuSeconds(pid);
    if (!p) continue;
    if (pid === serverPid || p.ppid === serverPid) server.set(pid, p.seconds);
    else if (p.comm === "postgres" || p.comm.startsWith("postgres:")) postgres.set(pid, p.seconds);
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
  const used = (before: Map<number, number>, after: Map<number, number>) => {
    let sum = 0;
    for (const [pid, seconds] of after) sum += seconds - (before.get(pid) ?? 0);
    return sum;
  };
  const postgres = used(a.postgres, b.postgres);
  return {
    server: used(a.server, b.server) / wall,
    postgres: postgres / wall,
    bench: (b.bench - a.bench) / wall,
  };
}
