import { readdir, readFile } from "node:fs/promises";
import type { Pool } from "pg";

/** Clock ticks per second of /proc times (USER_HZ, 100 on Linux). */
const HZ = 100;

async function processSeconds(pid: number): Promise<{ comm: string; seconds: number } | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!stat) return null;
  const close = stat.lastIndexOf(")");
  const fields = stat.slice(close + 2).split(" ");
  return {
    comm: stat.slice(stat.indexOf("(") + 1, close),
    seconds: (Number(fields[11]) + Number(fields[12])) / HZ,
  };
}

export interface CpuSnapshot {
  at: number;
  /** CPU seconds of the watched processes (workers, fake vendor), by pid. */
  watched: Map<number, number>;
  /** CPU seconds of every `postgres` process on the machine, by pid. */
  postgres: Map<number, number>;
  /** CPU seconds the whole machine has been busy (/proc/stat, every core). */
  machine: number;
  bench: number;
}

export async function cpuSnapshot(watchedPids: readonly number[]): Promise<CpuSnapshot> {
  const watched = new Map<number, number>();
  for (const pid of watchedPids) watched.set(pid, (await processSeconds(pid))?.seconds ?? 0);
  const postgres = new Map<number, number>();
  for (const d of await readdir("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    const p = await processSeconds(Number(d));
    if (p && (p.comm === "postgres" || p.comm.startsWith("postgres:"))) postgres.set(Number(d), p.seconds);
  }
  const line = (await readFile("/proc/stat", "utf8")).split("\n")[0] ?? "";
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = ticks.reduce((sum, t, i) => (i === 3 || i === 4 ? sum : sum + t), 0) / HZ;
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    watched,
    postgres,
    machine: busy,
    bench: (usage.user + usage.system) / 1e6,
  };
}

export interface CoresUsed {
  /** Each watched pid's cores (CPU seconds per wall second). */
  watched: Map<number, number>;
  /** Every postgres process (the bench database's backends, and anyone else's on this server). */
  postgres: number;
  /** The rest of the machine: other users' work, the noise in a shared-machine result. */
  others: number;
}

export function coresUsed(a: CpuSnapshot, b: CpuSnapshot): CoresUsed {
  const wall = (b.at - a.at) / 1000;
  const watched = new Map<number, number>();
  let watchedTotal = 0;
  for (const [pid, s] of b.watched) {
    const used = s - (a.watched.get(pid) ?? 0);
    watchedTotal += used;
    watched.set(pid, used / wall);
  }
  let postgres = 0;
  for (const [pid, s] of b.postgres) postgres += s - (a.postgres.get(pid) ?? 0);
  const others = Math.max(0, b.machine - a.machine - watchedTotal - postgres - (b.bench - a.bench));
  return { watched, postgres: postgres / wall, others: others / wall };
}

/**
 * CPU seconds of each backend connected to the pool's database (this bench's own PostgreSQL work,
 * without other databases' backends on a shared server), by pid.
 */
export async function backendSeconds(pool: Pool): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>(
    "select pid from pg_stat_activity where datname = current_database()",
  );
  const seconds = new Map<number, number>();
  for (const { pid } of rows) seconds.set(pid, (await processSeconds(pid))?.seconds ?? 0);
  return seconds;
}

/** CPU seconds the backends used between two readings (a backend that started in between counts whole). */
export function backendSecondsUsed(a: Map<number, number>, b: Map<number, number>): number {
  let used = 0;
  for (const [pid, s] of b) used += s - (a.get(pid) ?? 0);
  return used;
}
