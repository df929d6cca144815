import { z } from "zod";

/** The only place that reads process.env. Everything else receives a parsed Env. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is unset. */
  QUARRY_DATA_DIR: z.string().default(".data"),
  /** Port of the embedded PostgreSQL (only when DATABASE_URL is unset). */
  QUARRY_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Public origin of the app, used for links in mail and the CSRF Origin check. */
  APP_ORIGIN: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Quarry <no-reply@quarry.local>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Months of record activity to keep; older monthly partitions are dropped. */
  ACTIVITY_RETENTION_MONTHS: z.coerce.number().int().min(1).max(600).default(24),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  /**
   * HTTP server processes (node:cluster, one port). Above 1, the first process keeps the database,
   * migrations and the job worker and forks this many HTTP processes: about one per core.
   */
  HTTP_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /** Set to "0" to run the HTTP server without the in-process job worker. */
  RUN_WORKER: z.enum(["0", "1"]).default("1"),
  /** Secrets at rest (secret-box.ts): base64 32-byte key, its id, and retired keys as "id:base64,…". */
  QUARRY_ENCRYPTION_KEY: z.string().min(1).optional(),
  QUARRY_ENCRYPTION_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, "letters, digits, - and _ only")
    .default("k1"),
  QUARRY_ENCRYPTION_OLD_KEYS: z.string().optional(),
  /**
   * Whether outbound calls Quarry makes for a workspace (vendor lookups and key checks; later
   * integrations and webhooks) may reach private, loopback and link-local addresses: local fakes,
   * a self-hosted proxy. true/false (also 1/0, yes/no); false unless set, in every NODE_ENV, since
   * any workspace admin could otherwise aim the server at the cloud metadata service or the
   * internal network. Tests and benchmarks set it themselves.
   */
  QUARRY_ALLOW_PRIVATE_NETWORKS: z.stringbool().default(false),
  /** The old name, refused so an install that set it does not silently lose it. */
  ENRICHMENT_ALLOW_PRIVATE_NETWORKS: z
    .never({ error: "renamed: set QUARRY_ALLOW_PRIVATE_NETWORKS instead" })
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
