import { idSchema } from "@quarry/core/ids";
import type { EntityDef } from "@quarry/records/schemas/entities";
import type { FieldMap } from "@quarry/records/schemas/field-types";
import { listRecordsInput } from "@quarry/records/schemas/filter";
import type { RecordsContext } from "@quarry/records/services/context";
import { createRecord } from "@quarry/records/services/create-record";
import { getRecord } from "@quarry/records/services/get-record";
import { listRecords } from "@quarry/records/services/list-records";
import { updateRecord } from "@quarry/records/services/update-record";
import { upsertRecord } from "@quarry/records/services/upsert-record";
import { z } from "zod";
import { type ApiCall, type ApiRoute, defineRoute, type NamedSchema } from "./api-route.ts";

/** Writes through the API are the key creator's, marked as coming from the API in the activity log. */
export function apiRecordsContext(call: ApiCall<unknown, unknown, unknown>): RecordsContext {
  return {
    db: call.db,
    workspaceId: call.key.workspaceId,
    actor: call.key.createdBy ? { id: call.key.createdBy } : null,
    source: "api",
    log: call.log,
  };
}

export const idParams = z.object({ id: idSchema.meta({ description: "The record's id (a UUID)." }) });

const SORT_PATTERN = /^-?(custom\.)?[a-zA-Z][a-zA-Z0-9_]{0,62}$/;

/** GET list parameters: the tRPC list input's search and cursor, with limit and sort as query strings. */
export const listQuery = z.object({
  cursor: listRecordsInput.shape.cursor.meta({
    description: "`nextCursor` from the previous page; omit for the first page.",
  }),
  limit: z.coerce
    .number({ message: "must be a whole number from 1 to 500" })
    .int({ message: "must be a whole number from 1 to 500" })
    .min(1, { message: "must be a whole number from 1 to 500" })
    .max(500, { message: "must be a whole number from 1 to 500" })
    .default(50)
    .meta({ description: "Page size, 1 to 500 (default 50)." }),
  search: listRecordsInput.shape.search.meta({ description: "Words to look for (names, email, domain)." }),
  sort: z
    .string()
    .regex(SORT_PATTERN, {
      message: 'must be a field name, with "-" in front to sort descending (e.g. -updated_at)',
    })
    .optional()
    .meta({
      description:
        "A field to sort on, `-field` for descending (e.g. `-updated_at`, `custom.tier`). Default: newest first.",
    }),
});
type ListQuery = z.output<typeof listQuery>;

function sortOf(sort: string | undefined) {
  if (!sort) return undefined;
  return sort.startsWith("-")
    ? { field: sort.slice(1), direction: "desc" as const }
    : { field: sort, direction: "asc" as const };
}

/** The field an upsert matches on, required (with a message saying why). */
export function requiredMatchField<S extends z.ZodType<unknown, string>>(schema: S, why: string) {
  return z
    .string({ error: (issue) => (issue.input == null ? `is required: ${why}` : "must be text") })
    .pipe(schema);
}

export interface RecordResource<F extends FieldMap> {
  entity: EntityDef<F>;
  /** `/contacts` */
  path: string;
  tag: string;
  /** "contact" */
  noun: string;
  data: NamedSchema;
  upsert: NamedSchema;
  record: NamedSchema;
  list: NamedSchema;
  /** Request bodies for the docs: a full record (create, upsert) and a partial update. */
  example: Record<string, unknown>;
  patchExample: Record<string, unknown>;
}

/** List, get, create, upsert and update for contacts or companies, over the records services. */
export function recordRoutes<F extends FieldMap>(r: RecordResource<F>): ApiRoute[] {
  const { entity, noun } = r;
  const match = entity.unique.field;
  return [
    defineRoute({
      method: "GET",
      url: r.path,
      operationId: `list${r.tag}`,
      tag: r.tag,
      summary: `List ${noun === "company" ? "companies" : `${noun}s`}`,
      description: `Live ${r.path.slice(1)}, newest first unless \`sort\` says otherwise. Follow \`nextCursor\` for the next page; \`total\` is exact up to 10,000 and estimated above.`,
      query: listQuery,
      responses: [{ status: 200, description: "One page", schema: r.list }],
      errors: [400],
      handler: async (call) => {
        const q: ListQuery = call.query;
        const page = await listRecords(apiRecordsContext(call), entity, {
          cursor: q.cursor,
          limit: q.limit,
          search: q.search,
          sort: sortOf(q.sort),
          deleted: false,
        });
        return { status: 200, body: page };
      },
    }),
    defineRoute({
      method: "GET",
      url: `${r.path}/:id`,
      operationId: `get${entity.label}`,
      tag: r.tag,
      summary: `Get a ${noun}`,
      description: `A ${noun} of the key's workspace; one in the trash shows \`deletedAt\`.`,
      params: idParams,
      responses: [{ status: 200, description: `The ${noun}`, schema: r.record }],
      errors: [400, 404],
      handler: async (call) => ({
        status: 200,
        body: await getRecord(apiRecordsContext(call), entity, call.params.id),
      }),
    }),
    defineRoute({
      method: "POST",
      url: r.path,
      operationId: `create${entity.label}`,
      tag: r.tag,
      summary: `Create a ${noun}`,
      description: `Fails with 409 when a live ${noun} already has this ${match}: use PUT to create or update.`,
      body: r.data,
      example: r.example,
      responses: [{ status: 201, description: "Created", schema: r.record }],
      errors: [400, 403, 409],
      handler: async (call) => ({
        status: 201,
        body: await createRecord(apiRecordsContext(call), entity, call.body),
      }),
    }),
    defineRoute({
      method: "PUT",
      url: r.path,
      operationId: `upsert${entity.label}`,
      tag: r.tag,
      summary: `Create or update a ${noun} by ${match}`,
      description: `Updates the live ${noun} with this ${match} (given fields are written, omitted ones kept, \`null\` clears one) and answers 200; creates it when there is none and answers 201.`,
      body: r.upsert,
      example: r.example,
      responses: [
        { status: 200, description: "Updated", schema: r.record },
        { status: 201, description: "Created", schema: r.record },
      ],
      errors: [400, 403],
      handler: async (call) => {
        const { record, created } = await upsertRecord(apiRecordsContext(call), entity, call.body);
        return { status: created ? 201 : 200, body: record };
      },
    }),
    defineRoute({
      method: "PATCH",
      url: `${r.path}/:id`,
      operationId: `update${entity.label}`,
      tag: r.tag,
      summary: `Update a ${noun}`,
      description: "Writes the given fields; omitted ones are kept, `null` clears one.",
      params: idParams,
      body: r.data,
      example: r.patchExample,
      responses: [{ status: 200, description: "Updated", schema: r.record }],
      errors: [400, 403, 404, 409],
      handler: async (call) => ({
        status: 200,
        body: await updateRecord(apiRecordsContext(call), entity, call.params.id, call.body),
      }),
    }),
  ];
}
