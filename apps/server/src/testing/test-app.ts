import { type Clock, systemClock } from "@quarry/core/clock";
import { type Env, parseEnv } from "@quarry/core/env";
import type { Outbound } from "@quarry/core/outbound";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import type { Database } from "@quarry/db/client";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { buildApp } from "../app.ts";

export interface TestApp {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:41234 — also the Origin a same-site browser would send. */
  url: string;
  close(): Promise<void>;
}

/** The real app on a random port, for tests that talk HTTP to it. */
export async function startTestApp(opts: {
  db: Database;
  env?: Record<string, string>;
  clock?: Clock;
  logger?: Logger;
  webDistDir?: string;
  /** Defaults to testOutbound (no Stripe); billing tests add their Stripe settings. */
  outbound?: Outbound;
  /** Interface to listen on (default 127.0.0.1); "0.0.0.0" lets a test connect from another address. */
  host?: string;
}): Promise<TestApp> {
  const env: Env = parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", ...opts.env });
  const app = buildApp({
    db: opts.db,
    env,
    clock: opts.clock ?? systemClock,
    // What main.ts builds from Env, with private networks allowed for vendor fakes.
    outbound: opts.outbound ?? testOutbound,
    logger: opts.logger,
    webDistDir: opts.webDistDir,
  });
  await app.listen({ port: 0, host: opts.host ?? "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/** A tRPC mutation as the web app sends it: POST, JSON body, same-origin Origin header. */
export function mutate(base: string, path: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/trpc/${path}`, {
    method: "POST",
    headers: { origin: base, "content-type": "application/json", ...headers },
    body: JSON.stringify(input),
  });
}

/** A tRPC query: GET with the input JSON-encoded in the URL. */
export function query(base: string, path: string, input?: unknown, headers: Record<string, string> = {}) {
  const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return fetch(`${base}/trpc/${path}${qs}`, { headers });
}
