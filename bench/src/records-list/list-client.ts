import { Pool } from "undici";
import type { ListInput } from "./scenarios.ts";

export interface ListPage {
  items: unknown[];
  nextCursor: string | null;
  total: { value: number; exact: boolean };
}

/** The GET path of one records.contacts.list call (tRPC query: JSON input in the query string). */
export function listPath(workspaceId: string, input: ListInput, cursor: string | null): string {
  const full = cursor ? { workspaceId, ...input, cursor } : { workspaceId, ...input };
  return `/trpc/records.contacts.list?input=${encodeURIComponent(JSON.stringify(full))}`;
}

export interface ListClient {
  /** One request; resolves with the status and the body text (the whole response was read). */
  get(path: string): Promise<{ status: number; body: string }>;
  /** One page, or an error naming the status and body. */
  page(path: string): Promise<ListPage>;
  close(): Promise<void>;
}

/** Keep-alive HTTP connections to the server, each request carrying the member's session cookie. */
export function listClient(origin: string, cookie: string, connections = 1): ListClient {
  const pool = new Pool(origin, { connections, pipelining: 1 });
  const get = async (path: string) => {
    const res = await pool.request({ method: "GET", path, headers: { cookie } });
    return { status: res.statusCode, body: await res.body.text() };
  };
  return {
    get,
    async page(path) {
      const { status, body } = await get(path);
      if (status !== 200) throw new Error(`GET ${path} → ${status}: ${body.slice(0, 500)}`);
      return (JSON.parse(body) as { result: { data: ListPage } }).result.data;
    },
    close: () => pool.close(),
  };
}
