import { defineRoute, idParams } from "@quarry/rest/define-route";
import { restShape } from "@quarry/rest/snake-case";
import { keyCan } from "@quarry/workspaces/permissions";
import { createRunInput, runSchema } from "../schemas/runs.ts";
import { createRun } from "../services/create-run.ts";
import { defaultDeps } from "../services/default-deps.ts";
import { getRun } from "../services/get-run.ts";

/** A run as the app shows it, in snake_case: its cost is `credits` (spent and held). */
const run = restShape(
  "EnrichmentRun",
  runSchema.extend({
    credits: runSchema.shape.credits.meta({
      description:
        "`spent`: credits charged so far (captures less refunds). `held`: credits set aside for lookups in flight, " +
        "captured or released as they finish; what is left is released when the run ends.",
    }),
  }),
);

/** /api/v1/enrichment/runs: start a run and follow its status and cost, over the enrichment services. */
export const enrichmentRunRoutes = [
  defineRoute({
    method: "POST",
    url: "/enrichment/runs",
    action: "enrichment.run",
    idempotent: true,
    operationId: "createEnrichmentRun",
    tag: "Enrichment",
    summary: "Start an enrichment run",
    description:
      "Enriches `fields` of the selected records (`{ id }`, `{ ids }` or `{ filter?, search? }`) through each field's waterfall. " +
      "Fields that already hold a value are skipped unless `overwrite`. The run works in the background: poll GET /enrichment/runs/{id}.",
    body: { name: "EnrichmentRunInput", schema: createRunInput },
    example: {
      entity: "contact",
      selection: { ids: ["00000000-0000-4000-8000-000000000000"] },
      fields: ["company_domain"],
    },
    responses: [
      { status: 201, description: "Started (status `queued`), with its cost estimate", schema: run },
    ],
    errors: [400, 409],
    handler: async (call) => ({
      status: 201,
      body: run.from(await createRun(call.svc, defaultDeps(call.outbound), call.body)),
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/enrichment/runs/:id",
    action: "enrichment.read",
    operationId: "getEnrichmentRun",
    tag: "Enrichment",
    summary: "Get a run's status and cost",
    description:
      "Progress per status, field and provider, why items were skipped, the estimate, and the credits spent and still held (`credits`).",
    params: idParams,
    responses: [{ status: 200, description: "The run", schema: run }],
    errors: [400, 404],
    handler: async (call) => ({
      status: 200,
      body: run.from(
        await getRun(call.svc, call.params.id, {
          canReadBalance: keyCan(call.key.scope, "credits.read"),
        }),
      ),
    }),
  }),
];
