import type { Context } from "@quarry/trpc/context";

/** What auth services need from the request context (tests and the server both supply it). */
export type AuthContext = Pick<Context, "db" | "clock" | "req" | "cookies">;
