/**
 * Stripe's request encoding: application/x-www-form-urlencoded with bracket notation
 * (`metadata[plan]=pro`, `items[0][price]=price_x`, `expand[]=line_items`), the same in query strings.
 */
import { FakeStripeError } from "./errors.ts";

export type Param = string | Param[] | Params;
export interface Params {
  [key: string]: Param;
}

function setPath(target: Params | Param[], keys: string[], value: string): void {
  const [head, ...rest] = keys;
  if (head === undefined) return;
  const container = target as Record<string, Param>;
  const key = Array.isArray(target) && head === "" ? String(target.length) : head;
  if (rest.length === 0) {
    container[key] = value;
    return;
  }
  const nextIsIndex = rest[0] === "" || /^\d+$/.test(rest[0] ?? "");
  if (container[key] === undefined || typeof container[key] === "string") {
    container[key] = nextIsIndex ? [] : {};
  }
  setPath(container[key] as Params | Param[], rest, value);
}

/** Sparse arrays from `items[1]` without `items[0]` are compacted, as Stripe does. */
function compact(value: Param): Param {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  const out: Params = {};
  for (const [k, v] of Object.entries(value)) out[k] = compact(v);
  return out;
}

export function parseForm(body: string): Params {
  const root: Params = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const match = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(rawKey);
    if (!match?.[1]) continue;
    const keys = [match[1], ...[...(match[2] ?? "").matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? "")];
    setPath(root, keys, value);
  }
  return compact(root) as Params;
}

function invalid(param: string, message: string): never {
  throw new FakeStripeError(400, {
    type: "invalid_request_error",
    code: "parameter_invalid",
    param,
    message,
  });
}

export function str(p: Params, key: string): string | undefined {
  const v = p[key];
  if (v === undefined) return undefined;
  if (typeof v !== "string") invalid(key, `Invalid string: ${key} must be a string.`);
  return v;
}

export function required(p: Params, key: string): string {
  const v = str(p, key);
  if (v === undefined || v === "") {
    throw new FakeStripeError(400, {
      type: "invalid_request_error",
      code: "parameter_missing",
      param: key,
      message: `Missing required param: ${key}.`,
    });
  }
  return v;
}

export function int(p: Params, key: string): number | undefined {
  const v = str(p, key);
  if (v === undefined || v === "") return undefined;
  if (!/^-?\d+$/.test(v)) invalid(key, `Invalid integer: ${v}`);
  return Number(v);
}

export function bool(p: Params, key: string): boolean | undefined {
  const v = str(p, key);
  if (v === undefined) return undefined;
  if (v !== "true" && v !== "false") invalid(key, `Invalid boolean: ${v}`);
  return v === "true";
}

export function obj(p: Params, key: string): Params | undefined {
  const v = p[key];
  if (v === undefined || v === "") return undefined;
  if (typeof v === "string" || Array.isArray(v)) invalid(key, `Invalid object: ${key} must be a hash.`);
  return v;
}

export function list(p: Params, key: string): Param[] | undefined {
  const v = p[key];
  if (v === undefined || v === "") return undefined;
  if (!Array.isArray(v)) invalid(key, `Invalid array: ${key} must be an array.`);
  return v;
}

export function strings(p: Params, key: string): string[] {
  return (list(p, key) ?? []).map((v) => {
    if (typeof v !== "string") invalid(key, `Invalid array of strings: ${key}.`);
    return v;
  });
}

export function oneOf<T extends string>(p: Params, key: string, allowed: readonly T[]): T | undefined {
  const v = str(p, key);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) {
    invalid(key, `Invalid ${key}: must be one of ${allowed.join(", ")}`);
  }
  return v as T;
}

/** `metadata[k]=v`; an empty string unsets a key, `metadata=` clears all (Stripe's rules). */
export function mergeMetadata(current: Record<string, string>, p: Params): Record<string, string> {
  if (p.metadata === "") return {};
  const update = obj(p, "metadata");
  if (!update) return current;
  const next = { ...current };
  for (const [k, v] of Object.entries(update)) {
    if (typeof v !== "string") invalid(`metadata[${k}]`, "Metadata values must be strings.");
    if (v === "") delete next[k];
    else next[k] = v;
  }
  return next;
}

export function asParams(v: Param | undefined, name: string): Params {
  if (v === undefined || typeof v === "string" || Array.isArray(v)) invalid(name, `Invalid object: ${name}`);
  return v;
}
