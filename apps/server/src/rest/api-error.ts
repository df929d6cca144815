import { AppError, type AppErrorCode } from "@quarry/core/app-error";
import type { FastifyReply } from "fastify";
import { z } from "zod";

/** Every /api/v1 error body: `{ "error": { "code", "message", "field"? } }`. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z
      .string()
      .meta({ description: "Stable, machine-readable: bad_request, unauthorized, not_found, …" }),
    message: z.string().meta({ description: "What went wrong, for people." }),
    field: z
      .string()
      .optional()
      .meta({ description: "The input field the error is about: a body field, query or path parameter." }),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export interface ApiFailure {
  status: number;
  code: string;
  message: string;
  field?: string;
}

const appErrorStatus: Record<AppErrorCode, { status: number; code: string }> = {
  BAD_REQUEST: { status: 400, code: "bad_request" },
  UNAUTHORIZED: { status: 401, code: "unauthorized" },
  FORBIDDEN: { status: 403, code: "forbidden" },
  NOT_FOUND: { status: 404, code: "not_found" },
  CONFLICT: { status: 409, code: "conflict" },
  TOO_MANY_REQUESTS: { status: 429, code: "rate_limited" },
  INTERNAL: { status: 500, code: "internal_error" },
};

const httpCodes: Record<number, string> = {
  400: "bad_request",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

/**
 * Field names as the REST API spells them: the request body is the record itself (no `data`
 * wrapper as in tRPC) and `sort` is one parameter.
 */
const renamed: Record<string, string> = { "sort.field": "sort" };
function restField(field: string): string {
  const bare = field.replace(/^data\./, "");
  return renamed[bare] ?? bare;
}

function fromZod(error: z.ZodError): ApiFailure {
  const issue = error.issues[0];
  if (!issue) return { status: 400, code: "bad_request", message: "The request is not valid." };
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const field = [...issue.path.map(String), key].join(".");
    return { status: 400, code: "bad_request", message: `${field} is not a known field`, field };
  }
  const field = issue.path.map(String).join(".");
  if (!field) return { status: 400, code: "bad_request", message: `The request body ${issue.message}` };
  const starts = issue.message.charAt(0);
  const message =
    starts === starts.toLowerCase() ? `${field} ${issue.message}` : `${field}: ${issue.message}`;
  return { status: 400, code: "bad_request", message, field };
}

/** What any error thrown while serving an API request turns into. Unknown errors say nothing. */
export function toApiFailure(error: unknown): ApiFailure {
  if (error instanceof z.ZodError) return fromZod(error);
  if (error instanceof AppError) {
    const { status, code } = appErrorStatus[error.code];
    if (!error.field) return { status, code, message: error.message };
    const field = restField(error.field);
    const message = error.message.startsWith(error.field)
      ? `${field}${error.message.slice(error.field.length)}`
      : error.message;
    return { status, code, message, field };
  }
  const e = error as { statusCode?: unknown; message?: unknown } | null;
  const status = typeof e?.statusCode === "number" ? e.statusCode : 500;
  if (status >= 400 && status < 500 && typeof e?.message === "string") {
    return { status, code: httpCodes[status] ?? "bad_request", message: e.message };
  }
  return { status: 500, code: "internal_error", message: "Something went wrong on our side. Try again." };
}

export function sendApiFailure(reply: FastifyReply, failure: ApiFailure): FastifyReply {
  const body: ApiErrorBody = {
    error: {
      code: failure.code,
      message: failure.message,
      ...(failure.field ? { field: failure.field } : {}),
    },
  };
  return reply.code(failure.status).type("application/json; charset=utf-8").send(body);
}
