import type { Clock } from "@quarry/core/clock";
import type { Logger } from "@quarry/core/logger";
import type { Outbound } from "@quarry/core/outbound";
import type { Session, SessionUser } from "@quarry/core/session";
import type { Database } from "@quarry/db/client";
import type { Access } from "@quarry/db/service-context";

export type ContextUser = SessionUser;
export type ContextSession = Session;

export interface CookieOptions {
  expires?: Date;
  maxAge?: number;
}

/** What the server knows about the HTTP request; tests fill it in directly. */
export interface RequestInfo {
  id: string;
  ip: string;
  userAgent: string | null;
  /** Whether cookies must carry `Secure` (false only on plain-http localhost). */
  secure: boolean;
  /** The app's public origin (APP_ORIGIN, never the request's Host), for links in mail. */
  appOrigin: string;
}

export interface CookieJar {
  set(name: string, value: string, opts: CookieOptions): void;
  clear(name: string): void;
}

export type { Access } from "@quarry/db/service-context";

export interface Context {
  db: Database;
  log: Logger;
  clock: Clock;
  /** The process's secret box and guarded fetch, for calls made on a workspace's behalf. */
  outbound: Outbound;
  req: RequestInfo;
  cookies: CookieJar;
  access: Access;
  user: ContextUser | null;
  session: ContextSession | null;
}
