/** What a service that starts a session or throttles needs to know about the caller's HTTP client. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** A new session's cookie value and expiry: the procedure sets the cookie, the service never does. */
export interface IssuedSession {
  token: string;
  expiresAt: Date;
}
