/** JSON-RPC error codes of the tRPC codes the HTTP layer answers with itself. */
const RPC_CODES = {
  BAD_REQUEST: -32600,
  FORBIDDEN: -32003,
  PAYLOAD_TOO_LARGE: -32013,
  INTERNAL_SERVER_ERROR: -32603,
} as const;

export type HttpLayerCode = keyof typeof RPC_CODES;

/**
 * An error answered before tRPC runs (CSRF, batch size, server faults), shaped like the error
 * formatter's so the web client shows the message.
 */
export function trpcErrorBody(httpStatus: number, code: HttpLayerCode, message: string) {
  return {
    error: {
      message,
      code: RPC_CODES[code],
      data: { code, httpStatus, path: null, fieldErrors: null, retryAfter: null },
    },
  };
}
