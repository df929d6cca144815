import { z } from "zod";
import type { NamedSchema } from "./define-route.ts";

/** `nextCursor` → `next_cursor`; snake_case names stay as they are. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function withMeta<S extends z.ZodType>(from: z.ZodType, to: S): S {
  const meta = z.globalRegistry.get(from);
  return meta ? (to.meta(meta) as S) : to;
}

/**
 * The snake_case twin of an output schema: every object key renamed, at every depth. Keys of
 * records (custom fields, field names: the user's data) are kept as they are.
 */
export function snakeSchema(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>).map(([k, v]) => [
        snakeCase(k),
        snakeSchema(v),
      ]),
    );
    return withMeta(schema, z.object(shape));
  }
  if (schema instanceof z.ZodArray)
    return withMeta(schema, z.array(snakeSchema(schema.element as z.ZodType)));
  if (schema instanceof z.ZodNullable)
    return withMeta(schema, snakeSchema(schema.unwrap() as z.ZodType).nullable());
  if (schema instanceof z.ZodOptional)
    return withMeta(schema, snakeSchema(schema.unwrap() as z.ZodType).optional());
  if (schema instanceof z.ZodRecord) {
    return withMeta(
      schema,
      z.record(schema.keyType as z.ZodString, snakeSchema(schema.valueType as z.ZodType)),
    );
  }
  if (schema instanceof z.ZodUnion) {
    const options = (schema.options as z.ZodType[]).map(snakeSchema);
    return withMeta(schema, z.union(options as [z.ZodType, ...z.ZodType[]]));
  }
  return schema;
}

/** A value of `schema` with its keys renamed as snakeSchema(schema) names them. */
export function toSnake(schema: z.ZodType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const source = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(source).map(([k, v]) => {
        const field = shape[k];
        return field ? [snakeCase(k), toSnake(field, v)] : [k, v];
      }),
    );
  }
  if (schema instanceof z.ZodArray) {
    return (value as unknown[]).map((item) => toSnake(schema.element as z.ZodType, item));
  }
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) {
    return toSnake(schema.unwrap() as z.ZodType, value);
  }
  if (schema instanceof z.ZodRecord) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        toSnake(schema.valueType as z.ZodType, v),
      ]),
    );
  }
  if (schema instanceof z.ZodUnion) {
    const match = (schema.options as z.ZodType[]).find((option) => option.safeParse(value).success);
    return match ? toSnake(match, value) : value;
  }
  return value;
}

/** A response schema as REST documents and answers it: snake_case, converted from the service's shape. */
export interface RestShape<T> extends NamedSchema {
  from(value: T): unknown;
}

/** The REST (snake_case) twin of a service's output schema, named for the OpenAPI document. */
export function restShape<S extends z.ZodType>(name: string, schema: S): RestShape<z.output<S>> {
  return { name, schema: snakeSchema(schema), from: (value) => toSnake(schema, value) };
}
