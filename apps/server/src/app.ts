import { randomUUID } from "node:crypto";
import { type AppRouter, appRouter } from "@quarry/api/root";
import { AppError } from "@quarry/core/app-error";
import type { Clock } from "@quarry/core/clock";
import type { Env } from "@quarry/core/env";
import type { Outbound } from "@quarry/core/outbound";
import type { Database } from "@quarry/db/client";
import type { RateLimitPolicy } from "@quarry/workspaces/services/api-key-rate-limit";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { contextFactory } from "./create-context.ts";
import { csrfGuard } from "./csrf.ts";
import { devMailboxEnabled, registerDevMailbox } from "./dev-mailbox/dev-mailbox-route.ts";
import { registerHealthRoutes } from "./health-routes.ts";
import { createLogger, requestLogger } from "./logger.ts";
import { replyWithGenericError } from "./reply-errors.ts";
import { registerRestApi } from "./rest/register-rest-api.ts";
import { registerStripeWebhook } from "./stripe-webhook-route.ts";
import { MAX_BATCH_SIZE, trpcBatchGuard } from "./trpc-batch.ts";
import { sendTrpcBodyWhole } from "./trpc-response.ts";
import { registerWebApp } from "./web-app.ts";

export interface AppDeps {
  db: Database;
  env: Env;
  clock: Clock;
  /** The process's secret box and guarded fetch (outboundFromEnv), for calls made for a workspace. */
  outbound: Outbound;
  /** Root logger; defaults to a JSON logger at LOG_LEVEL. */
  logger?: Logger;
  /** Where the built web app is; defaults to apps/web/dist. */
  webDistDir?: string;
  /** Per-key rate limit of the REST API; defaults to 600 requests a minute. */
  apiRateLimit?: RateLimitPolicy;
}

/** Largest request body accepted (tRPC inputs are JSON; files go through dedicated upload routes). */
export const BODY_LIMIT = 1024 * 1024;
const REQUEST_ID = /^[\w.:-]{1,128}$/;
/** Longest /trpc/:path segment: a full batch of procedure paths ("a.b.c,a.b.d,…"). */
const MAX_PATH_PARAM = 8192;

function trpcPluginOptions(deps: AppDeps): FastifyTRPCPluginOptions<AppRouter> {
  return {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      // A query whose input is too long for a URL (e.g. the enrichment preview of picked records) may
      // come as a POST; as a POST it passes the same CSRF check as a mutation.
      allowMethodOverride: true,
      // trpcBatchGuard answers a longer batch first, with the limit in its message; this is the backstop.
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: contextFactory(deps),
      onError({ error, ctx, req, path }) {
        // Procedure failures are logged by the error middleware with ctx.log, context failures
        // by createContext; this catches other failures before a context exists.
        if (!ctx && error.code === "INTERNAL_SERVER_ERROR" && !(error.cause instanceof AppError)) {
          req.log.error({ err: error.cause ?? error, path }, "tRPC request failed");
        }
      },
    },
  };
}

/**
 * The HTTP app: tRPC at /trpc (CSRF-guarded), the REST API at /api/v1 (bearer keys, no cookies),
 * Stripe's webhooks at /webhooks/stripe (signed, raw body),
 * health checks, the dev mailbox (development, no SMTP_URL, this machine only), and the built web app. Every log line of a
 * request carries its id, also sent back as x-request-id (an incoming x-request-id from a proxy
 * is kept when it looks like one). X-Forwarded-* headers count only from TRUSTED_PROXIES.
 */
export function buildApp(deps: AppDeps): FastifyInstance {
  const loggerInstance: FastifyBaseLogger = requestLogger(deps.logger ?? createLogger(deps.env));
  const app = Fastify({
    loggerInstance,
    bodyLimit: BODY_LIMIT,
    // Without trusted proxies request.ip is the socket's address and X-Forwarded-For is ignored.
    trustProxy: deps.env.TRUSTED_PROXIES.length ? deps.env.TRUSTED_PROXIES : false,
    routerOptions: { maxParamLength: MAX_PATH_PARAM },
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  // While shutting down, requests still in flight finish, and their connections close after the
  // response instead of idling in keep-alive, so close() returns as soon as the last one is done.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });

  app.setErrorHandler(replyWithGenericError);

  registerHealthRoutes(app, deps.db);
  app.register(async (scope) => {
    scope.addHook("onRequest", csrfGuard(deps.env));
    scope.addHook("onRequest", trpcBatchGuard);
    scope.addHook("onSend", sendTrpcBodyWhole);
    await scope.register(fastifyTRPCPlugin, trpcPluginOptions(deps));
  });
  registerRestApi(app, {
    db: deps.db,
    clock: deps.clock,
    env: deps.env,
    outbound: deps.outbound,
    rateLimit: deps.apiRateLimit,
  });
  registerStripeWebhook(app, { db: deps.db, clock: deps.clock, stripe: deps.outbound.stripe });
  if (devMailboxEnabled(deps.env)) registerDevMailbox(app, deps.db);
  registerWebApp(app, deps.webDistDir);
  return app;
}
