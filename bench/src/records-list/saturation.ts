import { listClient } from "./list-client.ts";

export interface LoadResult {
  connections: number;
  requests: number;
  errors: number;
  rps: number;
  seconds: number;
}

/**
 * `connections` keep-alive connections, each sending the next request as soon as the last answer
 * is read, cycling through `paths` (the scenario mix) for `seconds`. Any non-200 is an error.
 */
export async function runLoad(
  origin: string,
  cookie: string,
  paths: string[],
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const client = listClient(origin, cookie, connections);
  let requests = 0;
  let errors = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  const worker = async (offset: number) => {
    for (let i = offset; performance.now() < until; i++) {
      const path = paths[i % paths.length] ?? "/";
      try {
        const { status } = await client.get(path);
        if (status === 200) requests++;
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
  const elapsed = (performance.now() - start) / 1000;
  await client.close();
  return { connections, requests, errors, rps: requests / elapsed, seconds: elapsed };
}
