import { idSchema } from "@quarry/core/ids";
import { z } from "zod";
import { fieldSourcesSchema } from "./field-sources.ts";
import type { FieldMap } from "./field-types.ts";
import { listRecordsInput } from "./filter.ts";

type InputShape<F extends FieldMap> = { [K in keyof F]: z.ZodOptional<z.ZodNullable<F[K]["input"]>> };
type OutputShape<F extends FieldMap> = { [K in keyof F]: F[K]["output"] };

/** Custom values keyed by definition key; checked against the workspace's definitions by the service. */
export const customValuesInput = z.record(z.string(), z.unknown(), { message: "must be an object" });

export function recordDataSchema<F extends FieldMap>(fields: F) {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([name, spec]) => [name, spec.input.nullable().optional()]),
  ) as InputShape<F>;
  return z.strictObject({ ...shape, custom: customValuesInput.optional() });
}

export function recordOutputSchema<F extends FieldMap>(fields: F) {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([name, spec]) => [name, spec.output]),
  ) as OutputShape<F>;
  return z.object({
    id: z.string(),
    ...shape,
    custom: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
    deletedAt: z.string().nullable(),
    /** 0–100: completeness × confidence × freshness (services/record-quality.ts). */
    quality: z.number().int().min(0).max(100),
    /** Provenance of enriched fields; a field without an entry was typed by a user. */
    sources: fieldSourcesSchema,
  });
}

/** Inputs and outputs of one entity's procedures, all derived from its field list (plus `extra` output fields). */
export function recordSchemas<F extends FieldMap, E extends z.ZodRawShape = Record<never, z.ZodType>>(
  fields: F,
  extra?: E,
) {
  const data = recordDataSchema(fields);
  const record = recordOutputSchema(fields).extend(extra ?? ({} as E));
  return {
    data,
    record,
    createInput: z.object({ data }),
    updateInput: z.object({ id: idSchema, data }),
    idInput: z.object({ id: idSchema }),
    listInput: listRecordsInput,
    listOutput: z.object({
      items: z.array(record),
      nextCursor: z.string().nullable(),
      total: z.object({ value: z.number().int(), exact: z.boolean() }),
    }),
  };
}

export const okOutput = z.object({ ok: z.literal(true) });

export type RecordData<F extends FieldMap> = { [K in keyof F]?: z.output<F[K]["input"]> | null } & {
  custom?: Record<string, unknown>;
};
export type RecordOf<F extends FieldMap> = z.output<ReturnType<typeof recordOutputSchema<F>>>;
