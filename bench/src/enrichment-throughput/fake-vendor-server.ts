/**
 * The bench's vendor, in its own process so its timers do not share an event loop with the bench
 * or the workers: `node fake-vendor-server.ts <latencyMs> <limitPerSecond>` (0 = no limit) prints
 * `listening <port>` once it serves on 127.0.0.1.
 *
 * POST /v1/people/bulk `{ records: [{ email }] }` (at most 10) answers after `latencyMs`
 * `{ results: [{ email, mobile_phone, confidence }] }`, one per record in order. The limit is hard:
 * a request arriving when `limit` requests were accepted in the last 1000 ms gets 429 with
 * Retry-After: 1 (and is not counted against the window). GET /stats: what was served.
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { VendorStats } from "./fake-vendor.ts";

const latencyMs = Number(process.argv[2] ?? 20);
const limit = Number(process.argv[3] ?? 0);
const WINDOW_MS = 1000;
const MAX_RECORDS = 10;

/** Arrival times (ms, performance.now()) of accepted bulk requests; the window is a ring over the last `limit`. */
const accepted: number[] = [];
let rejected = 0;
let badRequests = 0;
let recordsServed = 0;

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** Sliding window: the request `limit` places back must be older than the window. */
function overLimit(now: number): boolean {
  if (limit <= 0 || accepted.length < limit) return false;
  const oldest = accepted[accepted.length - limit] ?? 0;
  return now - oldest < WINDOW_MS;
}

/** A deterministic mobile number per email, so values are stable across runs. */
function phoneFor(email: string): string {
  let h = 0;
  for (let i = 0; i < email.length; i++) h = (Math.imul(h, 31) + email.charCodeAt(i)) >>> 0;
  return `+1 555 ${String(h % 10_000_000).padStart(7, "0")}`;
}

function bulk(res: ServerResponse, arrived: number, body: string) {
  if (overLimit(arrived)) {
    rejected++;
    json(res, 429, { error: "rate_limited" }, { "retry-after": "1" });
    return;
  }
  accepted.push(arrived);
  let records: Array<{ email?: unknown }> = [];
  try {
    const parsed = JSON.parse(body) as { records?: Array<{ email?: unknown }> };
    records = Array.isArray(parsed.records) ? parsed.records : [];
  } catch {}
  if (records.length === 0 || records.length > MAX_RECORDS) {
    badRequests++;
    json(res, 400, { error: `records must hold 1 to ${MAX_RECORDS} entries` });
    return;
  }
  const results = records.map((r) => {
    const email = typeof r.email === "string" ? r.email : "";
    return email ? { email, mobile_phone: phoneFor(email), confidence: 90 } : { email, mobile_phone: null };
  });
  recordsServed += records.length;
  const reply = () => json(res, 200, { results });
  if (latencyMs > 0) setTimeout(reply, latencyMs);
  else reply();
}

function stats(): VendorStats {
  return { accepted: [...accepted], rejected, badRequests, recordsServed };
}

const server = createServer((req, res) => {
  const arrived = performance.now();
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    if (req.method === "POST" && req.url === "/v1/people/bulk") {
      bulk(res, arrived, Buffer.concat(chunks).toString("utf8"));
    } else if (req.method === "GET" && req.url === "/stats") {
      json(res, 200, stats());
    } else if (req.method === "POST" && req.url === "/reset") {
      accepted.length = 0;
      rejected = 0;
      badRequests = 0;
      recordsServed = 0;
      json(res, 200, { ok: true });
    } else json(res, 404, { error: "not found" });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
