import { restRoutes } from "@quarry/api/rest-routes";
import type { Clock } from "@quarry/core/clock";
import type { Env } from "@quarry/core/env";
import type { Outbound } from "@quarry/core/outbound";
import type { Database } from "@quarry/db/client";
import { API_KEY_RATE_LIMIT, type RateLimitPolicy } from "@quarry/workspaces/services/api-key-rate-limit";
import type { FastifyInstance } from "fastify";
import { appOrigin } from "../request-origin.ts";
import { sendApiFailure, toApiFailure } from "./api-error.ts";
import { apiKeyGuard } from "./api-key-guard.ts";
import { renderDocsPage } from "./docs-page.ts";
import { mountRoute } from "./mount-route.ts";
import { API_PREFIX, buildOpenApiDocument, OPENAPI_PATH } from "./openapi.ts";

export interface RestApiDeps {
  db: Database;
  clock: Clock;
  env: Pick<Env, "APP_ORIGIN">;
  outbound: Outbound;
  /** Requests per window per key; defaults to API_KEY_RATE_LIMIT (600 a minute). */
  rateLimit?: RateLimitPolicy;
}

/**
 * The public REST API: the domains' routes (packages/<domain>/src/rest, listed in
 * @quarry/api/rest-routes) mounted under /api/v1/* with bearer API keys (no cookies, so no CSRF), per-key rate
 * limits and `{ error: { code, message, field? } }` errors; its OpenAPI document at
 * /api/v1/openapi.json and a readable reference at /api/docs, both public.
 */
export function registerRestApi(app: FastifyInstance, deps: RestApiDeps): void {
  const document = buildOpenApiDocument(restRoutes);
  const rateLimit = deps.rateLimit ?? API_KEY_RATE_LIMIT;

  app.register(
    async (api) => {
      api.setErrorHandler((error, request, reply) => {
        const failure = toApiFailure(error);
        if (failure.status >= 500) request.log.error({ err: error }, "API request failed");
        return sendApiFailure(reply, failure);
      });
      // A route, not setNotFoundHandler: the web app's static files wildcard (/*) would take
      // unknown GETs under /api/v1 first.
      api.all("/*", async (request, reply) =>
        sendApiFailure(reply, {
          status: 404,
          code: "not_found",
          message: `Not found: ${request.method} ${request.url.split("?")[0]} is no endpoint (see ${API_PREFIX}${OPENAPI_PATH}).`,
        }),
      );
      api.get(OPENAPI_PATH, async () => document);
      await api.register(async (authed) => {
        authed.addHook("onRequest", apiKeyGuard({ db: deps.db, clock: deps.clock, rateLimit }));
        for (const route of restRoutes) mountRoute(authed, route, deps);
      });
    },
    { prefix: API_PREFIX },
  );

  app.get("/api/docs", async (request, reply) =>
    reply.type("text/html; charset=utf-8").send(renderDocsPage(document, appOrigin(request, deps.env))),
  );
}
