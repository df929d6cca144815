import { enrichmentThroughputBenchmark } from "./enrichment-throughput/enrichment-throughput.bench.ts";
import type { Benchmark } from "./lib/bench-result.ts";
import { queueNoopBenchmark } from "./queue-noop/queue-noop.bench.ts";
import { recordsListBenchmark } from "./records-list/records-list.bench.ts";
import { stripeWebhooksBenchmark } from "./stripe-webhooks/stripe-webhooks.bench.ts";

/** Every benchmark `npm run bench -- <name>` can run, in the order a plain `npm run bench` runs them. */
export const benchmarks: Benchmark[] = [
  recordsListBenchmark,
  queueNoopBenchmark,
  enrichmentThroughputBenchmark,
  stripeWebhooksBenchmark,
];
