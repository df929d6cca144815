import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./bench-result.ts";

export const resultsDir = fileURLToPath(new URL("../../results", import.meta.url));

/** Writes bench/results/<file> and returns its path. */
export async function writeResultFile(file: string, content: string): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const target = `${resultsDir}/${file}`;
  await writeFile(target, content);
  return target;
}

export function writeResult(result: BenchResult): Promise<string> {
  const ordered = { name: result.name, metrics: result.metrics, machine: result.machine, at: result.at };
  return writeResultFile(`${result.name}.json`, `${JSON.stringify(ordered, null, 2)}\n`);
}
