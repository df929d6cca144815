import type { Benchmark, BenchResult, Target } from "./lib/bench-result.ts";
import { writeResult } from "./lib/write-result.ts";
import { benchmarks } from "./registry.ts";

/**
 * `npm run bench -- <name>…` runs the named benchmarks (all of them without a name), writes
 * bench/results/<name>.json for each and prints a summary table with the targets.
 */
function pick(names: string[]): Benchmark[] {
  if (names.length === 0) return benchmarks;
  return names.map((name) => {
    const found = benchmarks.find((b) => b.name === name);
    if (!found) {
      const known = benchmarks.map((b) => b.name).join(", ");
      throw new Error(`Unknown benchmark "${name}". Known: ${known}`);
    }
    return found;
  });
}

function verdict(value: number | undefined, target: Target): string {
  if (value === undefined) return "missing";
  const ok = target.op === "<=" ? value <= target.value : value >= target.value;
  return ok ? "ok" : "MISSED";
}

function printSummary(bench: Benchmark, result: BenchResult): void {
  const rows = Object.entries(result.metrics).map(([metric, value]) => {
    const target = bench.targets.find((t) => t.metric === metric);
    return {
      metric,
      value,
      target: target ? `${target.op} ${target.value}` : "",
      verdict: target ? verdict(value, target) : "",
    };
  });
  console.log(`\n${result.name} — ${result.machine} — ${result.at}`);
  console.table(rows);
}

const selected = pick(process.argv.slice(2).filter((a) => !a.startsWith("-")));
let failed = false;
for (const bench of selected) {
  console.log(`\n▶ ${bench.name}: ${bench.description}`);
  const result = await bench.run();
  const file = await writeResult(result);
  printSummary(bench, result);
  console.log(`wrote ${file}`);
  failed ||= bench.targets.some((t) => verdict(result.metrics[t.metric], t) !== "ok");
}
if (failed) console.log("\nSome targets were missed (see MISSED above).");
