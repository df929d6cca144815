import { readdir, readFile } from "node:fs/promises";
import type pg from "pg";

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const HZ = 100;

export interface CpuSnapshot {
  at: number;
  bench: number;
  /** CPU seconds of every `postgres` process on the machine, by pid. */
  postgres: Map<number, number>;
  /** CPU seconds the whole machine has been busy (every core, /proc/stat). */
  machine: number;
}

async function machineBusySeconds(): Promise<number> {
  const line = (await readFile("/proc/stat", "utf8")).split("\n")[0] ?? "";
  // cpu user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = ticks.reduce((sum, t, i) => (i === 3 || i === 4 ? sum : sum + t), 0);
  return busy / HZ;
}

async function postgresProcesses(): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const pids = (await readdir("/proc")).filter((d) => /^\d+$/.test(d));
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
    if (!stat) continue;
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    if (comm !== "postgres" && !comm.startsWith("postgres:")) continue;
    const fields = stat.slice(close + 2).split(" ");
    out.set(Number(pid), (Number(fields[11]) + Number(fields[12])) / HZ);
  }
  return out;
}

export async function cpuSnapshot(): Promise<CpuSnapshot> {
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    bench: (usage.user + usage.system) / 1e6,
    postgres: await postgresProcesses(),
    machine: await machineBusySeconds(),
  };
}

export interface CoresUsed {
  /** This process: the worker, its task and the bench's own polling. */
  bench: number;
  /** Backends connected to the bench database at the end (the worker's pool). */
  postgres: number;
  /** Every postgres process on the machine: the bench's, the server's own, and other users'. */
  postgresAll: number;
  /** Everything else on the machine (other users' tests): the noise in a shared-machine result. */
  others: number;
}

/** CPU seconds per wall second between two snapshots; `pool` names the bench database's backends. */
export async function coresUsed(pool: pg.Pool, a: CpuSnapshot, b: CpuSnapshot): Promise<CoresUsed> {
  const wall = (b.at - a.at) / 1000;
  const { rows } = await pool.query<{ pid: number }>(
    "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
  );
  const ours = new Set(rows.map((r) => r.pid));
  let postgres = 0;
  let postgresAll = 0;
  for (const [pid, seconds] of b.postgres) {
    const used = seconds - (a.postgres.get(pid) ?? 0);
    postgresAll += used;
    if (ours.has(pid)) postgres += used;
  }
  const bench = b.bench - a.bench;
  const others = Math.max(0, b.machine - a.machine - bench - postgresAll);
  return {
    bench: bench / wall,
    postgres: postgres / wall,
    postgresAll: postgresAll / wall,
    others: others / wall,
  };
}
