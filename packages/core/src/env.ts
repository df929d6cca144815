import { isIP } from "node:net";
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
  /**
   * Public origin of the app (what people type in the browser): links in mail and the CSRF Origin
   * check. Never taken from a request. Required in production; elsewhere http://localhost:PORT.
   */
  APP_ORIGIN: z
    .url({ protocol: /^https?$/, message: "must be an http(s) origin, e.g. https://quarry.example.com" })
    .transform((url) => new URL(url).origin)
    .optional(),
  /**
   * Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed: comma-separated IPs or CIDRs.
   * Unset: none, and a request's ip is its socket's address.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every(isIpOrCidr), {
      message: "must be comma-separated IP addresses or CIDR ranges, e.g. 10.0.0.0/8,192.168.1.10",
    }),
  /** PostgreSQL connections per HTTP process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(20),
  /** How long to wait for a new PostgreSQL connection before failing the query. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1).default(5000),
  /** statement_timeout of the HTTP server's connections: a request's query longer than this is cancelled. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).default(30_000),
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
  /** Stripe (docs/billing.md): the secret API key; unset, billing is off (no checkout, plans read-only). */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  /** The webhook endpoint's signing secret (whsec_…): unset, POST /webhooks/stripe answers 503. */
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /**
   * Where the Stripe SDK sends API calls, for a local fake (http://127.0.0.1:12111); unset: Stripe's
   * own https://api.stripe.com. Parsed into the SDK's host, port and protocol options.
   */
  STRIPE_API_BASE: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL, e.g. http://127.0.0.1:12111" })
    .transform((raw): StripeApiBase => {
      const url = new URL(raw);
      const protocol = url.protocol === "http:" ? "http" : "https";
      return { host: url.hostname, port: Number(url.port || (protocol === "http" ? 80 : 443)), protocol };
    })
    .optional(),
  /** The old name, refused so an install that set it does not silently lose it. */
  ENRICHMENT_ALLOW_PRIVATE_NETWORKS: z
    .never({ error: "renamed: set QUARRY_ALLOW_PRIVATE_NETWORKS instead" })
    .optional(),
});

/** STRIPE_API_BASE as the Stripe SDK's host, port and protocol options. */
export interface StripeApiBase {
  host: string;
  port: number;
  protocol: "http" | "https";
}

function isIpOrCidr(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 1 && n <= (version === 4 ? 32 : 128);
}

/** Defaults that depend on another setting. */
const withDerivedDefaults = envSchema
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.APP_ORIGIN) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_ORIGIN"],
        message:
          "is required in production: set it to the address people open Quarry at, e.g. https://quarry.example.com (links in mail and the CSRF check use it)",
      });
    }
  })
  .transform(({ APP_ORIGIN, ...env }) => ({
    ...env,
    APP_ORIGIN: APP_ORIGIN ?? `http://localhost:${env.PORT}`,
    /** Whether APP_ORIGIN was set; without it only loopback origins on the server's own port pass CSRF. */
    APP_ORIGIN_EXPLICIT: APP_ORIGIN !== undefined,
  }));

export type Env = z.infer<typeof withDerivedDefaults>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = withDerivedDefaults.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
