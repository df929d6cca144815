import { serverFaultMessage } from "@quarry/trpc/server-fault";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { type HttpLayerCode, trpcErrorBody } from "./trpc-error-body.ts";

/** What a client is told for a request fastify refused before any route ran. */
const CLIENT_MESSAGES: Record<number, string> = {
  400: "The request could not be read",
  413: "The request body is larger than the 1 MB limit",
  414: "The request URL is too long",
  415: "The request's Content-Type is not supported",
};

function codeFor(status: number): HttpLayerCode {
  if (status >= 500) return "INTERNAL_SERVER_ERROR";
  return status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST";
}

/**
 * The app's error handler (the REST API has its own): an error's own text never reaches the
 * client, which gets a short message by status and the request id; a server fault is logged in
 * full under that id. Under /trpc the answer is shaped like a tRPC error.
 */
export function replyWithGenericError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code = error.statusCode ?? 500;
  const status = code >= 400 && code < 500 ? code : 500;
  if (status >= 500) request.log.error({ err: error }, "request failed");
  else request.log.info({ err: error }, "request refused");
  const message =
    status >= 500
      ? serverFaultMessage(request.id)
      : `${CLIENT_MESSAGES[status] ?? "The request could not be handled"} (request id ${request.id}).`;
  const isTrpc = request.url === "/trpc" || request.url.startsWith("/trpc/");
  return reply
    .code(status)
    .send(
      isTrpc
        ? trpcErrorBody(status, codeFor(status), message)
        : { error: { message, requestId: request.id } },
    );
}
