import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "node_modules" || entry.name === "dist" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The app's navigation has no "Settings" menu: Members, Providers, Credits and API keys sit in the
 * top bar under those names. A message telling people to go to "Settings → Providers" sends them
 * looking for something that is not there; name the page as the top bar does.
 */
it("no message in the web app or the server names a Settings menu the navigation does not have", () => {
  const dirs = ["apps/web/src", "apps/server/src", "packages", "jobs/src"].map((d) => path.join(root, d));
  const offenders = dirs
    .flatMap(sources)
    .flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ file: path.relative(root, file), line: i + 1, text: line }))
        .filter((l) => /\bSettings\s*(→|->|>|›|\/)\s*[A-Z]/.test(l.text)),
    )
    .map((l) => `${l.file}:${l.line}: ${l.text.trim()}`);
  expect(offenders).toEqual([]);
});
