import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export const webDistDir = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Paths the server answers itself: unknown ones get a JSON 404, never the web app. */
const API_PREFIXES = ["/trpc", "/api", "/webhooks", "/oauth", "/dev", "/healthz", "/readyz"];

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quarry</title></head>
<body style="font:16px system-ui,sans-serif;max-width:40rem;margin:4rem auto">
<h1>The web app is not built</h1><p>Run <code>npm run build:web</code> and reload, or use <code>npm run dev</code>.</p>
</body></html>`;

function isApiPath(url: string): boolean {
  const pathname = url.split("?")[0] ?? url;
  return API_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * Serves the built web app (apps/web/dist): files as they are (hashed assets cached for a year),
 * and index.html for any other GET so client-side routes survive a reload.
 */
export function registerWebApp(app: FastifyInstance, distDir = webDistDir): void {
  const built = existsSync(path.join(distDir, "index.html"));
  if (built) {
    app.register(fastifyStatic, {
      root: distDir,
      // Dot-files (the build manifest under .vite/) name source files: never served.
      dotfiles: "ignore",
      setHeaders(reply, file) {
        const immutable = file.includes(`${path.sep}assets${path.sep}`);
        reply.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const wantsPage = request.method === "GET" || request.method === "HEAD";
    if (!wantsPage || isApiPath(request.url)) {
      return reply.code(404).send({ error: { message: `Not found: ${request.method} ${request.url}` } });
    }
    if (!built) return reply.code(503).type("text/html; charset=utf-8").send(NOT_BUILT_PAGE);
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
