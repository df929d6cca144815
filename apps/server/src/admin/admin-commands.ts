import { signOut } from "@quarry/auth/services/sign-out";
import { createAccount } from "@quarry/auth/services/sign-up";
import { createWorkspaceWithTrial } from "@quarry/billing/services/create-workspace-with-trial";
import { AppError } from "@quarry/core/app-error";
import type { Clock } from "@quarry/core/clock";
import type { Env } from "@quarry/core/env";
import { idSchema } from "@quarry/core/ids";
import { silentLogger } from "@quarry/core/logger";
import { emailSchema, nameSchema, passwordSchema } from "@quarry/core/schemas";
import { systemActor, userActor } from "@quarry/core/service-context";
import type { Database } from "@quarry/db/client";
import { createApiKey } from "@quarry/workspaces/services/create-api-key";
import { z } from "zod";
import { billingSyncCommand } from "./billing-sync-command.ts";
import { grantCreditsCommand } from "./grant-credits-command.ts";
import { parseFlags, UsageError } from "./parse-flags.ts";
import { findUserByEmail } from "./queries/users.queries.ts";

export interface AdminDeps {
  db: Database;
  clock: Clock;
  /** The parsed environment (billing-sync reads the Stripe settings from it). */
  env: Env;
}

const cliRequest = { ip: "127.0.0.1", userAgent: "quarry-admin" };
const scopeFlag = z
  .enum(["read", "read-write", "read_write"], { message: 'must be "read" or "read-write"' })
  .transform((s) => (s === "read" ? ("read" as const) : ("read_write" as const)));

async function createUser(deps: AdminDeps, args: string[]) {
  const flags = parseFlags(
    args,
    z.object({ email: emailSchema, password: passwordSchema, name: nameSchema.optional() }),
  );
  const name = flags.name ?? flags.email.split("@")[0] ?? flags.email;
  const { user, session } = await createAccount(
    { db: deps.db, clock: deps.clock },
    { email: flags.email, password: flags.password, name, client: cliRequest },
  ).catch((error: unknown) => {
    if (error instanceof AppError && error.field === "email") {
      throw new UsageError(`--email: an account with ${flags.email} already exists`);
    }
    throw error;
  });
  // createAccount signs the new user in; the CLI needs no session.
  await signOut({ db: deps.db }, { sessionId: session.id });
  return { id: user.id, email: user.email, name: user.name };
}

async function createWorkspaceCommand(deps: AdminDeps, args: string[]) {
  const flags = parseFlags(args, z.object({ owner: emailSchema, name: nameSchema }));
  const owner = await findUserByEmail(deps.db, flags.owner);
  if (!owner) throw new UsageError(`--owner: no account with the email ${flags.owner} (create-user first)`);
  const workspace = await createWorkspaceWithTrial(
    { db: deps.db, clock: deps.clock, log: silentLogger, actor: userActor(owner.id) },
    { name: flags.name },
  );
  return { id: workspace.id, name: workspace.name, owner: { id: owner.id, email: owner.email } };
}

async function createApiKeyCommand(deps: AdminDeps, args: string[]) {
  const flags = parseFlags(
    args,
    z.object({ workspace: idSchema, scope: scopeFlag, name: nameSchema.max(100).optional() }),
  );
  const key = await createApiKey(
    {
      db: deps.db,
      clock: deps.clock,
      log: silentLogger,
      workspaceId: flags.workspace,
      actor: systemActor("admin-cli"),
    },
    { name: flags.name ?? "Admin CLI", scope: flags.scope },
  ).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      throw new UsageError(`--workspace: no workspace with the id ${flags.workspace}`);
    }
    throw error;
  });
  return { ...key, workspaceId: flags.workspace };
}

export const adminCommands: Record<
  string,
  { usage: string; run(deps: AdminDeps, args: string[]): Promise<object> }
> = {
  "create-user": { usage: "create-user --email E --password P [--name N]", run: createUser },
  "create-workspace": { usage: "create-workspace --owner E --name N", run: createWorkspaceCommand },
  "create-api-key": {
    usage: "create-api-key --workspace W --scope read|read-write [--name N]",
    run: createApiKeyCommand,
  },
  "grant-credits": {
    usage: "grant-credits --workspace W --amount N --memo M [--idempotency-key K]   (N < 0: --amount=-N)",
    run: grantCreditsCommand,
  },
  "billing-sync": {
    usage:
      "billing-sync   (creates or updates the plans' Stripe products and prices; uses STRIPE_SECRET_KEY)",
    run: billingSyncCommand,
  },
};

export const adminUsage = `Usage: npm run admin -- <command> [flags]

Commands (each prints one JSON object on stdout):
${Object.values(adminCommands)
  .map((c) => `  ${c.usage}`)
  .join("\n")}

Uses DATABASE_URL, or the embedded PostgreSQL under QUARRY_DATA_DIR (the one a running \`npm start\` uses, if any),
and applies pending migrations before running.`;
