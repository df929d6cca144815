import { spawnSync } from "node:child_process";
import { chmod, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { canEnter, isRoot, postgresUser, reachableBinaries } from "./as-root.ts";
import { binariesUnder, packagedBinaries } from "./binaries.ts";

/**
 * A clone under /root (mode 700): the postgres user cannot reach the packaged programs there, so
 * as root they are copied to a folder it can enter (SYSTEM_HOME; here a temporary one).
 */
let hidden: string;
let home: string;
beforeAll(async () => {
  hidden = await mkdtemp(path.join(tmpdir(), "quarry-hidden-")); // mode 700, owned by root
  home = await mkdtemp(path.join(tmpdir(), "quarry-home-"));
  await chmod(home, 0o755);
});
afterAll(async () => {
  await rm(hidden, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
});

it.runIf(isRoot())(
  "runs programs the postgres user cannot reach from a copy it can reach",
  async () => {
    const packaged = await packagedBinaries();
    await cp(packaged.root, path.join(hidden, "native"), { recursive: true, verbatimSymlinks: true });
    const unreachable = binariesUnder(path.join(hidden, "native"), packaged);
    const user = await postgresUser();
    expect(canEnter(path.dirname(unreachable.initdb), user)).toBe(false);

    const bin = await reachableBinaries(unreachable, user, home);
    expect(bin.postgres.startsWith(home)).toBe(true);
    const version = spawnSync(bin.postgres, ["--version"], {
      uid: user.uid,
      gid: user.gid,
      encoding: "utf8",
    });
    expect(version.error).toBeUndefined();
    expect(version.stdout).toMatch(/PostgreSQL/);
    // A second start reuses the copy.
    expect(await reachableBinaries(unreachable, user, home)).toEqual(bin);
  },
  60_000,
);
