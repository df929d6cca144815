import { resolveDatabase } from "@quarry/db/resolve-database";

/**
 * Child process that owns the embedded PostgreSQL (started by embedded-database.ts, detached, so
 * a terminal's Ctrl-C reaches only its parent, which drains before the database stops). It stops
 * PostgreSQL and exits when the parent disconnects: on purpose, or because the parent died.
 */
const dataDir = process.argv[2] ?? ".data";
const port = Number(process.argv[3] ?? 54329);
const send = (message: object) => process.send?.(message);

try {
  const database = await resolveDatabase({ databaseUrl: undefined, dataDir, port });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    database.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("disconnect", stop);
  if (process.connected) send({ type: "ready", url: database.url });
  else stop();
} catch (err) {
  send({ type: "failed", message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}
