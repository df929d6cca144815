import type { Clock } from "@quarry/core/clock";
import type { Logger } from "@quarry/core/logger";
import type { Database } from "@quarry/db/client";

export interface ContextUser {
  id: string;
  email: string;
  name: string;
}

export interface ContextSession {
  id: string;
  userId: string;
  expiresAt: Date;
}

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

/**
 * Workspace access, supplied by the server from packages/workspaces so this package imports no
 * domain: who holds which role, and what a role may do.
 */
export interface Access {
  roleIn(db: Database, workspaceId: string, userId: string): Promise<string | null>;
  can(role: string, action: string): boolean;
}

export interface Context {
  db: Database;
  log: Logger;
  clock: Clock;
  req: RequestInfo;
  cookies: CookieJar;
  access: Access;
  user: ContextUser | null;
  session: ContextSession | null;
}
