/**
 * CI check: the script a browser must load before the first screen shows stays under 200 kB
 * gzipped. Reads apps/web/dist/.vite/manifest.json (run `npm run build:web` first), follows the
 * static imports from the entry (index.html) and from the sign-in and contacts routes, gzips each
 * file and fails naming the screen and its largest files when one is over.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type Budgeted, kB, type Manifest, measure } from "./bundle-budget.ts";

const BUDGET_BYTES = 200_000;
const dist = path.resolve(import.meta.dirname, "../apps/web/dist");
const manifestPath = path.join(dist, ".vite/manifest.json");

/** Keys are the route modules' paths in apps/web (see apps/web/src/app/routes.tsx). */
const SCREENS: Budgeted[] = [
  { name: "entry (index.html)", keys: ["index.html"] },
  { name: "sign-in", keys: ["index.html", "src/features/auth/pages/sign-in-page.tsx"] },
  {
    name: "contacts",
    keys: ["index.html", "src/app/shell/workspace-route.tsx", "src/features/records/pages/contacts-page.tsx"],
  },
];

if (!existsSync(manifestPath)) {
  console.error(`bundle budget: ${manifestPath} is missing; run \`npm run build:web\` first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;

let results: ReturnType<typeof measure>;
try {
  results = measure(
    manifest,
    SCREENS,
    (file) => gzipSync(readFileSync(path.join(dist, file))).length,
    BUDGET_BYTES,
  );
} catch (error) {
  console.error(
    `bundle budget: ${(error as Error).message}. A route module moved? Update SCREENS in scripts/check-bundle-budget.ts.`,
  );
  process.exit(1);
}

console.log(
  `bundle budget: script loaded before the first screen shows (gzipped, budget ${kB(BUDGET_BYTES)})`,
);
for (const r of results) {
  console.log(
    `  ${r.overBudget ? "OVER" : "ok  "} ${r.name.padEnd(20)} ${kB(r.gzipBytes).padStart(9)} in ${r.files.length} files`,
  );
}
const over = results.filter((r) => r.overBudget);
for (const r of over) {
  const largest = [...r.files].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 5);
  console.error(
    `\nbundle budget: ${r.name} loads ${kB(r.gzipBytes)} of gzipped script before it shows, over the ${kB(BUDGET_BYTES)} budget. Largest files:`,
  );
  for (const f of largest) console.error(`  ${kB(f.gzipBytes).padStart(9)}  ${f.file}`);
  console.error("Load heavy parts when they are opened (React.lazy / dynamic import()) instead of up front.");
}
process.exit(over.length > 0 ? 1 : 0);
