/**
 * The embedded PostgreSQL could not be started or reached. The message is one sentence that says
 * why and what to do, meant to be shown as is (no stack): CLIs print it and exit 1.
 */
export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

/** The first line PostgreSQL or initdb wrote that says what went wrong, without its prefix. */
export function firstProblem(output: string): string | undefined {
  const line = output
    .split("\n")
    .map((l) => l.trim())
    .find((l) => /(FATAL|PANIC|ERROR|error):/.test(l));
  return line?.replace(/^.*?(FATAL|PANIC|ERROR|error):\s*/, "");
}
