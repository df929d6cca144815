import type { Action } from "@quarry/core/actions";
import { AppError, type AppErrorCode } from "@quarry/core/app-error";
import { fieldSentences } from "@quarry/core/schemas/messages";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Context } from "./context.ts";
import { serverFaultMessage, unreadableInputMessage } from "./server-fault.ts";

/**
 * Every procedure declares the action it performs; the builders enforce it. Typed with the one
 * list of action names, so a misspelt action is a type error, not a FORBIDDEN on every call.
 */
export interface Meta {
  action: Action;
}

const codes: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** Field → first sentence naming the field ("Name is required"): what the form shows beside each field. */
export function fieldErrors(error: ZodError): Record<string, string> {
  return fieldSentences(error);
}

export const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Only messages our code wrote reach the client: AppError's, zod's (per field), tRPC's own
    // request errors. An unexpected error (also one thrown before any procedure ran) and a JSON
    // parser's complaint are replaced, with the request id when the context exists.
    errorFormatter({ shape, error, ctx }) {
      const cause = error.cause;
      const fields =
        cause instanceof ZodError
          ? fieldErrors(cause)
          : cause instanceof AppError && cause.field
            ? { [cause.field]: cause.message }
            : null;
      const requestId = ctx?.req.id;
      const message =
        cause instanceof ZodError
          ? Object.values(fields ?? {})
              .map((sentence) => `${sentence}.`)
              .join(" ")
          : cause instanceof SyntaxError
            ? unreadableInputMessage(requestId)
            : error.code === "INTERNAL_SERVER_ERROR" && !(cause instanceof AppError)
              ? serverFaultMessage(requestId)
              : shape.message;
      return {
        ...shape,
        message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors: fields,
          retryAfter: cause instanceof AppError ? (cause.retryAfter ?? null) : null,
        },
      };
    },
  });

/** Turns AppError thrown by a service into the matching tRPC error; hides unexpected errors' text. */
const mapErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: codes[cause.code], message: cause.message, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      ctx.log.error({ err: result.error.cause ?? result.error, path }, "procedure failed");
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: serverFaultMessage(ctx.req.id) });
    }
  }
  return result;
});

/** Fails closed: a procedure without a declared action cannot be called. */
const requireMeta = t.middleware(({ meta, next, path }) => {
  if (!meta?.action) {
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `Procedure ${path} declares no action` });
  }
  return next();
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const baseProcedure = t.procedure.use(mapErrors).use(requireMeta);
