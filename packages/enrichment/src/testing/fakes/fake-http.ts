import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The small HTTP server under every vendor fake (hunter.fake.ts, apollo.fake.ts, pdl.fake.ts):
 * real sockets on 127.0.0.1 and a port the OS picks, every request recorded, optional latency, and
 * "hang" replies that never answer until close() — what a timeout looks like from the client.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
}

export type FakeReply = { status: number; body?: unknown; headers?: Record<string, string> } | "hang";

export interface FakeServer {
  /** Base URL to pass as the provider's baseUrl, e.g. http://127.0.0.1:54321 */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export interface FakeOptions {
  /** Delay before every reply, in milliseconds. */
  latencyMs?: number;
}

export async function startFakeServer(
  handle: (req: RecordedRequest) => FakeReply,
  opts: FakeOptions = {},
): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text || undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {}
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      };
      requests.push(recorded);
      const reply = handle(recorded);
      if (reply === "hang") return;
      setTimeout(() => send(res, reply), opts.latencyMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, reply: Exclude<FakeReply, "hang">): void {
  if (res.destroyed) return;
  const body =
    reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...reply.headers });
  res.end(body);
}

/** Magic values that pick a fake's scenario; the same across vendors. */
export const fakeScenarios = {
  /** Domains (company domain, email domain) */
  notFound: "notfound.example",
  rateLimited: "ratelimit.example",
  serverError: "boom.example",
  slow: "slow.example",
  malformed: "malformed.example",
  /** API keys */
  badKey: "bad-key",
  noCredits: "no-credits",
} as const;

/** The scenario a domain (or an email's domain) selects, or "found". */
export function scenarioOf(...candidates: unknown[]): keyof typeof fakeScenarios | "found" {
  for (const candidate of candidates) {
    if (typeof candidate !== "string") continue;
    const domain = candidate.toLowerCase().split("@").pop() ?? "";
    for (const [name, value] of Object.entries(fakeScenarios)) {
      if (domain === value || domain.endsWith(`.${value}`)) return name as keyof typeof fakeScenarios;
    }
  }
  return "found";
}

/** "acme-corp.com" → "Acme Corp": a deterministic company name for found answers. */
export function companyNameOf(domain: string): string {
  const label = domain.split(".")[0] ?? domain;
  return label
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}
