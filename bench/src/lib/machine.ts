import os from "node:os";

/** `2 cores, 24 GiB, AMD EPYC, node v24.x, PostgreSQL 15.x`: what a result was measured on. */
export function describeMachine(postgresVersion: string): string {
  const cores = os.cpus().length;
  const gib = Math.round(os.totalmem() / 2 ** 30);
  const model = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${cores} cores, ${gib} GiB, ${model}, node ${process.version}, PostgreSQL ${postgresVersion}`;
}
