import { defineRoute, idParams, type NamedSchema, type RestRoute } from "@quarry/rest/define-route";
import type { RestShape } from "@quarry/rest/snake-case";
import type { EntityDef } from "../schemas/entities.ts";
import type { FieldMap } from "../schemas/field-types.ts";
import type { RecordOf } from "../schemas/record-schemas.ts";
import { createRecord } from "../services/create-record.ts";
import { getRecord } from "../services/get-record.ts";
import { listRecords } from "../services/list-records.ts";
import { updateRecord } from "../services/update-record.ts";
import { upsertRecord } from "../services/upsert-record.ts";
import { listQuery, sortOf } from "./list-query.ts";

export interface RecordResource<F extends FieldMap> {
  entity: EntityDef<F>;
  /** `/contacts` */
  path: string;
  tag: string;
  /** "contact" */
  noun: string;
  data: NamedSchema;
  upsert: NamedSchema;
  /** The record and a page of them as REST answers them (snake_case). */
  record: RestShape<RecordOf<F>>;
  list: RestShape<{
    items: RecordOf<F>[];
    nextCursor: string | null;
    total: { value: number; exact: boolean };
  }>;
  /** Request bodies for the docs: a full record (create, upsert) and a partial update. */
  example: Record<string, unknown>;
  patchExample: Record<string, unknown>;
}

/** List, get, create, upsert and update for contacts or companies, over the records services. */
export function recordRoutes<F extends FieldMap>(r: RecordResource<F>): RestRoute[] {
  const { entity, noun } = r;
  const match = entity.unique.field;
  return [
    defineRoute({
      method: "GET",
      url: r.path,
      action: "records.read",
      operationId: `list${r.tag}`,
      tag: r.tag,
      summary: `List ${noun === "company" ? "companies" : `${noun}s`}`,
      description: `Live ${r.path.slice(1)}, newest first unless \`sort\` says otherwise. Follow \`next_cursor\` for the next page; \`total\` is exact up to 10,000 and estimated above.`,
      query: listQuery,
      responses: [{ status: 200, description: "One page", schema: r.list }],
      errors: [400],
      handler: async (call) => {
        const q = call.query;
        const page = await listRecords(call.svc, entity, {
          cursor: q.cursor,
          limit: q.limit,
          search: q.search,
          sort: sortOf(q.sort),
          deleted: false,
        });
        return { status: 200, body: r.list.from(page) };
      },
    }),
    defineRoute({
      method: "GET",
      url: `${r.path}/:id`,
      action: "records.read",
      operationId: `get${entity.label}`,
      tag: r.tag,
      summary: `Get a ${noun}`,
      description: `A ${noun} of the key's workspace; one in the trash shows \`deleted_at\`.`,
      params: idParams,
      responses: [{ status: 200, description: `The ${noun}`, schema: r.record }],
      errors: [400, 404],
      handler: async (call) => ({
        status: 200,
        body: r.record.from(await getRecord(call.svc, entity, call.params.id)),
      }),
    }),
    defineRoute({
      method: "POST",
      url: r.path,
      action: "records.write",
      idempotent: true,
      operationId: `create${entity.label}`,
      tag: r.tag,
      summary: `Create a ${noun}`,
      description: `Fails with 409 when a live ${noun} already has this ${match}: use PUT to create or update.`,
      body: r.data,
      example: r.example,
      responses: [{ status: 201, description: "Created", schema: r.record }],
      errors: [400, 409],
      handler: async (call) => ({
        status: 201,
        body: r.record.from(await createRecord(call.svc, entity, call.body)),
      }),
    }),
    defineRoute({
      method: "PUT",
      url: r.path,
      action: "records.write",
      operationId: `upsert${entity.label}`,
      tag: r.tag,
      summary: `Create or update a ${noun} by ${match}`,
      description: `Updates the live ${noun} with this ${match} (given fields are written, omitted ones kept, \`null\` clears one) and answers 200; creates it when there is none and answers 201. Idempotent by nature: a retry updates the same ${noun}.`,
      body: r.upsert,
      example: r.example,
      responses: [
        { status: 200, description: "Updated", schema: r.record },
        { status: 201, description: "Created", schema: r.record },
      ],
      errors: [400],
      handler: async (call) => {
        const { record, created } = await upsertRecord(call.svc, entity, call.body);
        return { status: created ? 201 : 200, body: r.record.from(record) };
      },
    }),
    defineRoute({
      method: "PATCH",
      url: `${r.path}/:id`,
      action: "records.write",
      operationId: `update${entity.label}`,
      tag: r.tag,
      summary: `Update a ${noun}`,
      description: "Writes the given fields; omitted ones are kept, `null` clears one.",
      params: idParams,
      body: r.data,
      example: r.patchExample,
      responses: [{ status: 200, description: "Updated", schema: r.record }],
      errors: [400, 404, 409],
      handler: async (call) => ({
        status: 200,
        body: r.record.from(await updateRecord(call.svc, entity, call.params.id, call.body)),
      }),
    }),
  ];
}
