import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { guardedFetch } from "@quarry/core/guarded-fetch";
import { describe, expect, it } from "vitest";
import { startFakeServer } from "../../../testing/fakes/fake-http.ts";
import { callVendor, MAX_RESPONSE_BYTES, parseRetryAfter, vendorUrl } from "./vendor-http.ts";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-15T12:00:00Z");
  it("reads delay-seconds and HTTP dates", () => {
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter(" 0.5 ", now)).toBe(500);
    expect(parseRetryAfter("Thu, 15 Jan 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Thu, 15 Jan 2026 11:00:00 GMT", now)).toBe(0);
  });
  it("ignores missing and unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("vendorUrl", () => {
  it("keeps a base URL's own path and sets the query", () => {
    expect(vendorUrl("https://proxy.example/hunter/", "/v2/account", { a: "1 2", b: undefined })).toBe(
      "https://proxy.example/hunter/v2/account?a=1+2",
    );
  });
});

/**
 * A vendor answering without end: 64 KB chunks up to 50 MB, generated as the socket drains (never
 * held in memory), counting what was handed to the socket until it closed.
 */
async function startStreamingVendor(declareLength: boolean) {
  const TOTAL = 50 * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, "a");
  let written = 0;
  let closed: () => void = () => {};
  const socketClosed = new Promise<void>((resolve) => {
    closed = resolve;
  });
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      "content-type": "application/json",
      ...(declareLength ? { "content-length": String(TOTAL) } : {}),
    });
    res.on("close", closed);
    const pump = () => {
      while (written < TOTAL && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    written: () => written,
    socketClosed,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const local = guardedFetch({ allowPrivateNetworks: true });
const call = (baseUrl: string) =>
  callVendor(
    "Acme",
    { baseUrl, signal: AbortSignal.timeout(60_000), fetch: local },
    { method: "GET", path: "/x" },
  );

describe("callVendor reads at most 5 MB", () => {
  it.each([
    ["streamed without a length", false],
    ["declared with a 50 MB Content-Length", true],
  ])("a 50 MB answer %s is a non-retryable error and the vendor stops being read", async (_, declared) => {
    const vendor = await startStreamingVendor(declared);
    try {
      const result = await call(vendor.url);
      expect(result).toEqual({
        ok: false,
        outcome: {
          status: "error",
          code: "response_too_large",
          message: "Acme sent a response larger than 5 MB; the call was stopped",
          retryable: false,
        },
      });
      await vendor.socketClosed;
      // The cap plus what socket buffers held when the request was aborted; nowhere near 50 MB.
      expect(vendor.written()).toBeLessThan(5 * 1024 * 1024 + 8 * 1024 * 1024);
    } finally {
      await vendor.close();
    }
  });

  it("reads an answer of exactly the cap", async () => {
    const server = await startFakeServer(() => ({
      status: 200,
      body: JSON.stringify("x".repeat(MAX_RESPONSE_BYTES - 2)),
    }));
    try {
      const result = await call(server.url);
      expect(result.ok && typeof result.response.body === "string" && result.response.body.length).toBe(
        MAX_RESPONSE_BYTES - 2,
      );
    } finally {
      await server.close();
    }
  });
});

describe("callVendor and redirects", () => {
  it.each([301, 302, 303, 307, 308])(
    "HTTP %i is not followed: a non-retryable error naming the Location",
    async (status) => {
      const target = await startFakeServer(() => ({ status: 200, body: { ok: true } }));
      const redirecting = await startFakeServer(() => ({
        status,
        headers: { location: `${target.url}/elsewhere` },
      }));
      try {
        const result = await call(redirecting.url);
        expect(result).toEqual({
          ok: false,
          outcome: {
            status: "error",
            code: "redirect",
            message: `Acme answered with a redirect (HTTP ${status}) to ${target.url}/elsewhere, which Quarry does not follow: check the base URL`,
            retryable: false,
          },
        });
        expect(target.requests).toHaveLength(0);
      } finally {
        await Promise.all([target.close(), redirecting.close()]);
      }
    },
  );
});
