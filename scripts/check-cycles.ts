/**
 * Package-level dependency check, run in CI beside Biome's file-level noImportCycles:
 * 1. every `@quarry/*` import in a package's source is declared in its package.json;
 * 2. the declared graph between workspace packages has no cycle;
 * 3. every `@trpc/*` package is declared at one exact version everywhere (client and server must match).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const rootPkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { workspaces: string[] };

interface Pkg {
  name: string;
  dir: string;
  deps: string[];
  versions: Record<string, string>;
}

function workspaceDirs(): string[] {
  const dirs: string[] = [];
  for (const pattern of rootPkg.workspaces) {
    if (pattern.endsWith("/*")) {
      const base = path.join(root, pattern.slice(0, -2));
      for (const d of readdirSync(base)) dirs.push(path.join(base, d));
    } else dirs.push(path.join(root, pattern));
  }
  return dirs.filter((d) => {
    try {
      return statSync(path.join(d, "package.json")).isFile();
    } catch {
      return false;
    }
  });
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const pkgs: Pkg[] = workspaceDirs().map((dir) => {
  const json = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  const all = { ...json.dependencies, ...json.devDependencies };
  return {
    name: json.name,
    dir,
    deps: Object.keys(all).filter((d) => d.startsWith("@quarry/")),
    versions: all,
  };
});

const problems: string[] = [];
const importRe = /(?:import|export)\s[^"']*?from\s+["'](@quarry\/[^/"']+)|import\(\s*["'](@quarry\/[^/"']+)/g;
for (const pkg of pkgs) {
  for (const file of sourceFiles(pkg.dir)) {
    for (const m of readFileSync(file, "utf8").matchAll(importRe)) {
      const target = m[1] ?? m[2] ?? "";
      if (target !== pkg.name && !pkg.deps.includes(target)) {
        problems.push(`${path.relative(root, file)} imports ${target}, which ${pkg.name} does not declare`);
      }
    }
  }
}

const byName = new Map(pkgs.map((p) => [p.name, p]));
const state = new Map<string, "visiting" | "done">();
function visit(name: string, trail: string[]): void {
  if (state.get(name) === "done") return;
  if (state.get(name) === "visiting") {
    problems.push(`cycle: ${[...trail.slice(trail.indexOf(name)), name].join(" → ")}`);
    return;
  }
  state.set(name, "visiting");
  for (const dep of byName.get(name)?.deps ?? []) visit(dep, [...trail, name]);
  state.set(name, "done");
}
for (const p of pkgs) visit(p.name, []);

const trpcVersions = new Map<string, string[]>();
for (const pkg of pkgs) {
  for (const [dep, version] of Object.entries(pkg.versions)) {
    if (!dep.startsWith("@trpc/")) continue;
    trpcVersions.set(version, [...(trpcVersions.get(version) ?? []), `${pkg.name}:${dep}`]);
  }
}
if (trpcVersions.size > 1 || [...trpcVersions.keys()].some((v) => !/^\d+\.\d+\.\d+$/.test(v))) {
  problems.push(
    `@trpc/* must be pinned to one exact version: ${[...trpcVersions].map(([v, who]) => `${v} (${who.join(", ")})`).join("; ")}`,
  );
}

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `Package graph OK: ${pkgs.length} packages, no cycles, every internal import declared, @trpc/* on ${[...trpcVersions.keys()].join("")}.`,
);
