import { labelForPath } from "@quarry/core/schemas/messages";
import { TRPCClientError } from "@trpc/client";

function errorData(error: unknown): Record<string, unknown> | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  return typeof data === "object" && data !== null ? (data as Record<string, unknown>) : null;
}

export function errorStatus(error: unknown): number | null {
  const status = errorData(error)?.httpStatus;
  return typeof status === "number" ? status : null;
}

export function errorCode(error: unknown): string | null {
  const code = errorData(error)?.code;
  return typeof code === "string" ? code : null;
}

/**
 * Field → message from the server's error formatter. Keys of nested inputs (`data.title`)
 * are reduced to the field name (`title`) so forms can look them up by field.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const raw = errorData(error)?.fieldErrors;
  if (typeof raw !== "object" || raw === null) return {};
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(raw)) {
    if (typeof message !== "string") continue;
    const field = key.startsWith("data.") ? key.slice(5) : key;
    out[field] ??= message;
  }
  return out;
}

export function messageOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    if (errorStatus(error) === null && !errorData(error))
      return "Can't reach the server. Check your connection.";
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

/**
 * The server names a field by its key ("Employee count must be …"); a form whose label differs
 * ("Employees") gets its own label in the sentence.
 */
function relabel(key: string, message: string, label: string | undefined): string {
  if (!label) return message;
  const derived = labelForPath(key.split("."));
  return message.startsWith(`${derived} `) ? `${label}${message.slice(derived.length)}` : message;
}

/**
 * What a form shows: messages beside known fields (named by `labels` when given), and a general
 * message when the error isn't fully explained by them.
 */
export function formErrors(error: unknown, fields: readonly string[], labels: Record<string, string> = {}) {
  if (!error) return { fields: {} as Record<string, string>, general: null };
  const all = fieldErrorsOf(error);
  const known: Record<string, string> = {};
  let unexplained = Object.keys(all).length === 0;
  for (const [key, message] of Object.entries(all)) {
    if (fields.includes(key)) known[key] = relabel(key, message, labels[key]);
    else unexplained = true;
  }
  return { fields: known, general: unexplained ? messageOf(error) : null };
}
