/** What one benchmark hands back to the runner and writes to bench/results/<name>.json. */
export interface BenchResult {
  name: string;
  metrics: Record<string, number>;
  machine: string;
  at: string;
}

/** A target a metric is checked against in the summary table. */
export interface Target {
  metric: string;
  op: "<=" | ">=";
  value: number;
}

export interface Benchmark {
  name: string;
  description: string;
  targets: Target[];
  run(): Promise<BenchResult>;
}
