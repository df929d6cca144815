/** The one error type services throw. `code` maps to an HTTP / tRPC status in one place (packages/trpc). */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "TOO_MANY_REQUESTS"
  | "INTERNAL";

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The input field the error is about, when there is one (shown next to that field). */
  readonly field: string | undefined;
  /** Seconds the caller should wait before trying again (TOO_MANY_REQUESTS). */
  readonly retryAfter: number | undefined;

  constructor(code: AppErrorCode, message: string, opts: { field?: string; retryAfter?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = opts.field;
    this.retryAfter = opts.retryAfter;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "You do not have permission to do that") =>
  new AppError("FORBIDDEN", message);
export const badInput = (field: string, message: string) => new AppError("BAD_REQUEST", message, { field });
