import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * onSend hook for /trpc. tRPC answers with a web Response, which fastify streams: a web-stream
 * reader, a write per chunk and chunked transfer encoding. A complete JSON answer (every query and
 * mutation) is sent instead as one buffer with a Content-Length; streams (SSE subscriptions, jsonl
 * batches, which tRPC marks with their content type or Transfer-Encoding) still stream.
 */
export async function sendTrpcBodyWhole(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (!(payload instanceof Response) || !payload.body) return payload;
  const { headers } = payload;
  if (headers.get("content-type") !== "application/json" || headers.has("transfer-encoding")) return payload;
  reply.code(payload.status);
  for (const [name, value] of headers) reply.header(name, value);
  return Buffer.from(await payload.arrayBuffer());
}
