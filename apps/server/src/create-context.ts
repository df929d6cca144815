import { serializeSessionCookie } from "@quarry/auth/services/session-cookie";
import { SESSION_COOKIE, validateSessionToken } from "@quarry/auth/services/validate-session";
import { AppError } from "@quarry/core/app-error";
import type { Clock } from "@quarry/core/clock";
import type { Env } from "@quarry/core/env";
import type { Outbound } from "@quarry/core/outbound";
import type { Database } from "@quarry/db/client";
import type { Context } from "@quarry/trpc/context";
import { serverFaultMessage } from "@quarry/trpc/server-fault";
import { workspaceAccess } from "@quarry/workspaces/services/access";
import { requestAccess, sessionRoles } from "@quarry/workspaces/services/session-access";
import type { CreateFastifyContextOptions } from "@trpc/server/adapters/fastify";
import { readCookie, replyCookieJar } from "./cookies.ts";
import { isSecureRequest } from "./request-origin.ts";

export interface ContextDeps {
  db: Database;
  clock: Clock;
  env: Pick<Env, "APP_ORIGIN">;
  outbound: Outbound;
}

/**
 * Builds the tRPC Context for one HTTP request: the signed-in user from the session cookie (set
 * again when the session was renewed, cleared when it is no longer valid), a cookie jar, request
 * facts, and a logger bound to the request id and user id. Links in mail use APP_ORIGIN, never
 * the request's Host. A failure here (the database unreachable) is logged and answered with a
 * generic message and the request id, never its own text.
 */
export function contextFactory(deps: ContextDeps) {
  const build = buildContext(deps);
  return async (opts: CreateFastifyContextOptions): Promise<Context> => {
    try {
      return await build(opts);
    } catch (err) {
      opts.req.log.error({ err }, "could not build the request context");
      throw new AppError("INTERNAL", serverFaultMessage(opts.req.id));
    }
  };
}

function buildContext(deps: ContextDeps) {
  return async ({ req, res }: CreateFastifyContextOptions): Promise<Context> => {
    const secure = isSecureRequest(req);
    const cookies = replyCookieJar(res, secure);
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    // One statement: the session, its user and the user's workspace roles (checked per request by
    // workspaceProcedure through `access`, as if it had looked each one up).
    const auth = token ? await validateSessionToken(deps.db, deps.clock, token, sessionRoles) : null;
    if (token && !auth) cookies.clear(SESSION_COOKIE);
    if (token && auth?.renewed) {
      res.header("set-cookie", serializeSessionCookie(token, { expires: auth.session.expiresAt, secure }));
    }
    // The rest of this request's lines (including "request completed") carry the user id too.
    const log = req.log.child({ userId: auth?.user.id ?? null });
    req.log = log;
    res.log = log;
    return {
      db: deps.db,
      log,
      clock: deps.clock,
      outbound: deps.outbound,
      req: {
        id: req.id,
        ip: req.ip,
        userAgent: req.headers["user-agent"] ?? null,
        secure,
        appOrigin: deps.env.APP_ORIGIN,
      },
      cookies,
      access: auth ? requestAccess(deps.db, auth.user.id, auth.also) : workspaceAccess,
      user: auth?.user ?? null,
      session: auth?.session ?? null,
    };
  };
}
