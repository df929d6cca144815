import type { ListClient } from "./list-client.ts";
import { listPath } from "./list-client.ts";
import type { Scenario } from "./scenarios.ts";

export interface PreparedScenario extends Scenario {
  /** The cursor of the measured page (null: page 1). */
  cursor: string | null;
  path: string;
  total: { value: number; exact: boolean };
}

/** Walks `skipPages` pages through HTTP to get the measured page's cursor, and checks the page is full. */
export async function prepareScenario(
  client: ListClient,
  workspaceId: string,
  scenario: Scenario,
): Promise<PreparedScenario> {
  let cursor: string | null = null;
  for (let i = 0; i < scenario.skipPages; i++) {
    const page = await client.page(listPath(workspaceId, scenario.input, cursor));
    if (!page.nextCursor) throw new Error(`${scenario.name}: ran out of pages after ${i + 1}`);
    cursor = page.nextCursor;
  }
  const path = listPath(workspaceId, scenario.input, cursor);
  const page = await client.page(path);
  if (page.items.length !== scenario.input.limit) {
    throw new Error(`${scenario.name}: expected ${scenario.input.limit} items, got ${page.items.length}`);
  }
  return { ...scenario, cursor, path, total: page.total };
}

/**
 * Sequential requests on one keep-alive connection: `warmup` unmeasured, then `count` timed (ms),
 * or fewer when `maxSeconds` runs out first.
 */
export async function timeHttp(
  client: ListClient,
  path: string,
  warmup: number,
  count: number,
  maxSeconds = Number.POSITIVE_INFINITY,
): Promise<number[]> {
  const samples: number[] = [];
  const until = performance.now() + maxSeconds * 1000;
  for (let i = 0; i < warmup + count && performance.now() < until; i++) {
    const t = performance.now();
    const { status, body } = await client.get(path);
    const ms = performance.now() - t;
    if (status !== 200) throw new Error(`GET ${path} → ${status}: ${body.slice(0, 300)}`);
    if (i >= warmup) samples.push(ms);
  }
  return samples;
}
