/** The route table type shared by the resource routers. */
import type { Fake } from "./context.ts";
import type { Params } from "./form.ts";

export type Json = Record<string, unknown>;

export interface ApiRequest {
  fx: Fake;
  params: Params;
  /** Path captures, e.g. the id in /v1/customers/:id. */
  match: string[];
  expand: string[];
  url: string;
}

export interface Route {
  method: "GET" | "POST" | "DELETE";
  path: RegExp;
  handler: (req: ApiRequest) => object;
}

export function route(method: Route["method"], path: string, handler: Route["handler"]): Route {
  return { method, path: new RegExp(`^${path.replace(/:[a-z_]+/g, "([^/]+)")}$`), handler };
}

export function arg(req: ApiRequest, index = 0): string {
  return decodeURIComponent(req.match[index] ?? "");
}
