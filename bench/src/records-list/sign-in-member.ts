import pg from "pg";

export interface Member {
  userId: string;
  /** `quarry_session=<token>`, ready for a Cookie header. */
  cookie: string;
}

/**
 * Signs a user up over HTTP (a tRPC mutation: Origin of the server and a JSON body pass the CSRF
 * guard), keeps the session cookie, and makes the user a `member` of the workspace.
 */
export async function signUpMember(
  origin: string,
  databaseUrl: string,
  workspaceId: string,
): Promise<Member> {
  const res = await fetch(`${origin}/trpc/auth.signUp`, {
    method: "POST",
    headers: { origin, "content-type": "application/json" },
    body: JSON.stringify({
      email: `bench-${Date.now()}@example.com`,
      password: "bench-password-1",
      name: "Bench",
    }),
  });
  const body = (await res.json()) as { result?: { data?: { user?: { id?: string } } } };
  const userId = body.result?.data?.user?.id;
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("quarry_session="));
  if (!res.ok || !userId || !cookie) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(body)}`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("insert into memberships (workspace_id, user_id, role) values ($1, $2, 'member')", [
      workspaceId,
      userId,
    ]);
  } finally {
    await client.end();
  }
  return { userId, cookie };
}
