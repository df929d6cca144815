/** The signed-in user a request carries (from its session cookie). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** The session a request was authenticated with. */
export interface Session {
  id: string;
  userId: string;
  expiresAt: Date;
}
