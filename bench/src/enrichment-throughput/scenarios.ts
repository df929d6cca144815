/** One way of running the enrichment: the fake vendor's behaviour and the bench provider's limit. */
export interface Scenario {
  name: string;
  what: string;
  /** Delay before every fake vendor reply. */
  latencyMs: number;
  /** Requests per second: the fake vendor's hard limit and the provider's declared rateLimit; 0 = none. */
  limit: number;
  /** Credits per value found (the bench provider's costCredits). */
  cost: number;
  /** Diagnostic: measured in the first round only, no headline metric. */
  diagnostic?: boolean;
}

export const scenarios: Scenario[] = [
  {
    name: "limited",
    what: "fake vendor with 20 ms latency and a hard 500 requests/s limit (429 + Retry-After beyond it)",
    latencyMs: 20,
    limit: 500,
    cost: 1,
  },
  {
    name: "ceiling",
    what: "fake vendor with no latency and no limit: the engine's own ceiling (ledger writes included)",
    latencyMs: 0,
    limit: 0,
    cost: 1,
  },
  {
    name: "realistic",
    what: "a vendor like real ones: 150 ms latency, a hard 100 requests/s limit, batches of 10 (the rate limit should bind, not the engine)",
    latencyMs: 150,
    limit: 100,
    cost: 1,
  },
  {
    name: "limited_free",
    what: "diagnostic: the limited vendor with a provider costing 0 credits, so no hold, capture or release takes the ledger lock",
    latencyMs: 20,
    limit: 500,
    cost: 0,
    diagnostic: true,
  },
];
