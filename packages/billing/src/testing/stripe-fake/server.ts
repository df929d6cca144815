/**
 * The HTTP face of the fake: Stripe's auth, idempotency keys, error envelopes and request ids around the
 * resource routers, plus test faults (fail the next matching request, or drop its response after committing).
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Fake } from "./context.ts";
import { FakeStripeError } from "./errors.ts";
import { API_VERSION } from "./events.ts";
import { parseForm, strings } from "./form.ts";
import { handleHosted } from "./hosted.ts";
import type { Json, Route } from "./router.ts";
import { render } from "./serialize.ts";
import { randomId } from "./store.ts";

export type PathMatcher = string | RegExp;

export interface Fault {
  method?: string;
  path: PathMatcher;
  status: number;
  error: FakeStripeError;
}

export interface LoggedRequest {
  method: string;
  path: string;
  params: Json;
  status: number;
  requestId: string;
  idempotencyKey: string | null;
  replayed: boolean;
  dropped: boolean;
}

interface StoredResult {
  fingerprint: string;
  status: number;
  body: string;
}

export function matches(matcher: PathMatcher, path: string): boolean {
  return typeof matcher === "string"
    ? path === matcher || path.startsWith(`${matcher}?`)
    : matcher.test(path);
}

export class ApiServer {
  readonly log: LoggedRequest[] = [];
  readonly faults: Fault[] = [];
  readonly drops: { method?: string; path: PathMatcher }[] = [];
  private readonly idempotency = new Map<string, StoredResult>();

  private readonly fx: Fake;
  private readonly routes: Route[];

  constructor(fx: Fake, routes: Route[]) {
    this.fx = fx;
    this.routes = routes;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    if (!url.pathname.startsWith("/v1/")) {
      handleHosted(this.fx, method, url, parseForm(body), res);
      return;
    }
    const requestId = `req_${randomId(14)}`;
    const send = (status: number, text: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        "content-type": "application/json",
        "request-id": requestId,
        "stripe-version": String(req.headers["stripe-version"] ?? API_VERSION),
        ...headers,
      });
      res.end(text);
    };
    const apiKey = apiKeyOf(req.headers.authorization);
    if (!(apiKey?.startsWith("sk_test_") || apiKey?.startsWith("rk_test_"))) {
      const message = apiKey
        ? `Invalid API Key provided: ${apiKey.slice(0, 8)}${"*".repeat(Math.max(apiKey.length - 12, 0))}${apiKey.slice(-4)}`
        : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";
      send(401, JSON.stringify({ error: { type: "invalid_request_error", message } }));
      return;
    }
    const params = method === "GET" || method === "DELETE" ? parseForm(url.search.slice(1)) : parseForm(body);
    const idemHeader = req.headers["idempotency-key"];
    const idempotencyKey = method === "POST" && typeof idemHeader === "string" ? idemHeader : null;
    const entry: LoggedRequest = {
      method,
      path: url.pathname,
      params,
      status: 0,
      requestId,
      idempotencyKey,
      replayed: false,
      dropped: false,
    };
    this.log.push(entry);
    const faultIndex = this.faults.findIndex(
      (f) => (!f.method || f.method === method) && matches(f.path, url.pathname),
    );
    if (faultIndex >= 0) {
      const [fault] = this.faults.splice(faultIndex, 1);
      entry.status = fault?.status ?? 500;
      send(entry.status, JSON.stringify(fault?.error.toJSON(requestId)));
      return;
    }
    const scope = `${apiKey}\u0000${idempotencyKey}`;
    const fingerprint = createHash("sha256")
      .update(`${method} ${url.pathname} ${JSON.stringify(params)}`)
      .digest("hex");
    const stored = idempotencyKey ? this.idempotency.get(scope) : undefined;
    let status: number;
    let text: string;
    if (stored && stored.fingerprint !== fingerprint) {
      status = 400;
      text = JSON.stringify(
        new FakeStripeError(400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
        }).toJSON(requestId),
      );
    } else if (stored) {
      entry.replayed = true;
      status = stored.status;
      text = stored.body;
    } else {
      [status, text] = this.dispatch(method, url, params, requestId, idempotencyKey);
      if (idempotencyKey && status < 500) this.idempotency.set(scope, { fingerprint, status, body: text });
    }
    entry.status = status;
    const dropIndex = this.drops.findIndex(
      (d) => (!d.method || d.method === method) && matches(d.path, url.pathname),
    );
    if (dropIndex >= 0) {
      this.drops.splice(dropIndex, 1);
      entry.dropped = true;
      req.socket.destroy();
      return;
    }
    send(status, text, {
      ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
      ...(entry.replayed ? { "idempotent-replayed": "true" } : {}),
    });
  }

  private dispatch(
    method: string,
    url: URL,
    params: Json,
    requestId: string,
    idem: string | null,
  ): [number, string] {
    const path = url.pathname;
    const candidates = this.routes.filter((r) => r.path.test(path));
    const found = candidates.find((r) => r.method === method);
    try {
      if (!found) {
        throw new FakeStripeError(404, {
          type: "invalid_request_error",
          message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        });
      }
      this.fx.store.request = { id: requestId, idempotency_key: idem };
      const p = params as Parameters<typeof strings>[0];
      const expand = strings(p, "expand");
      const match = (found.path.exec(path) ?? []).slice(1);
      const result = found.handler({ fx: this.fx, params: p, match, expand, url: path });
      return [200, JSON.stringify(render(this.fx.store, result, expand), null, 2)];
    } catch (error) {
      if (error instanceof FakeStripeError)
        return [error.status, JSON.stringify(error.toJSON(requestId), null, 2)];
      const message = `The Stripe fake failed: ${(error as Error).stack ?? String(error)}`;
      return [500, JSON.stringify({ error: { type: "api_error", message } })];
    } finally {
      this.fx.store.request = { id: null, idempotency_key: null };
    }
  }
}

function apiKeyOf(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.split(" ");
  if (scheme === "Bearer" && value) return value;
  if (scheme === "Basic" && value) return Buffer.from(value, "base64").toString("utf8").split(":")[0] ?? null;
  return null;
}
