import type { OpenApiDocument, OpenApiOperation } from "./openapi.ts";

type JsonSchema = Record<string, unknown>;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** `code` spans for backticks, HTML-escaped otherwise. */
const prose = (s: string) => escapeHtml(s).replace(/`([^`]+)`/g, "<code>$1</code>");

function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  const target = typeof schema?.$ref === "string" ? schema.$ref.split("/").pop() : undefined;
  return (target ? doc.components.schemas[target] : schema) ?? {};
}

/** A short type for a field: "string (email)", "integer ≥ 0", "string[] | null". */
function typeOf(schema: JsonSchema): string {
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (options) return options.map(typeOf).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type ?? "any");
  if (type === "array") return `${typeOf((schema.items ?? {}) as JsonSchema)}[]`;
  const format = typeof schema.format === "string" ? ` (${schema.format})` : "";
  const values = Array.isArray(schema.enum)
    ? `: ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`
    : "";
  return `${type}${format}${values}`;
}

function fieldRows(doc: OpenApiDocument, schema: JsonSchema): string {
  const s = resolve(doc, schema);
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(props)
    .map(
      ([name, p]) =>
        `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? " <em>required</em>" : ""}</td><td>${escapeHtml(typeOf(p))}</td><td>${prose(String(p.description ?? ""))}</td></tr>`,
    )
    .join("");
}

function curl(origin: string, prefix: string, method: string, path: string, op: OpenApiOperation): string {
  const url = `${origin}${prefix}${path.replace(/\{id\}/g, "00000000-0000-4000-8000-000000000000")}`;
  const lines = [`curl -X ${method.toUpperCase()} '${url}'`];
  if (op.security?.length !== 0) lines.push(`  -H "Authorization: Bearer $QUARRY_API_KEY"`);
  for (const p of op.parameters ?? []) {
    if (p.in === "header") lines.push(`  -H "${p.name}: $(uuidgen)"`);
  }
  const example = op.requestBody?.content["application/json"]?.example;
  if (example !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d '${JSON.stringify(example).replace(/'/g, "'\\''")}'`);
  }
  return lines.join(" \\\n");
}

function operationHtml(
  doc: OpenApiDocument,
  origin: string,
  method: string,
  path: string,
  op: OpenApiOperation,
) {
  const prefix = doc.servers[0]?.url ?? "";
  const params = op.parameters ?? [];
  const body = op.requestBody?.content["application/json"]?.schema;
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const res = r as { $ref?: string; description?: string };
      const name = res.$ref?.split("/").pop();
      const described = name ? (doc.components.responses[name] as { description?: string }) : res;
      return `<li><code>${status}</code> ${prose(described?.description ?? "")}</li>`;
    })
    .join("");
  return `<section class="op" id="${escapeHtml(op.operationId)}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(prefix + path)}</code> — ${escapeHtml(op.summary)}</h3>
${op.description ? `<p>${prose(op.description)}</p>` : ""}
${params.length ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th></th></tr>${params.map((p) => `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? " <em>required</em>" : ""}</td><td>${p.in}</td><td>${escapeHtml(typeOf(p.schema))}</td><td>${prose(p.description ?? "")}</td></tr>`).join("")}</table>` : ""}
${body ? `<h4>Body (JSON)</h4><table><tr><th>field</th><th>type</th><th></th></tr>${fieldRows(doc, body)}</table>` : ""}
<h4>Responses</h4><ul>${responses}</ul>
<h4>Example</h4><pre>${escapeHtml(curl(origin, prefix, method, path, op))}</pre>
</section>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
code,pre{font-family:ui-monospace,Menlo,monospace;font-size:13px}pre{background:#f3f4f7;padding:.75rem;overflow-x:auto;border-radius:6px}
table{border-collapse:collapse;width:100%;margin:.25rem 0}td,th{border-bottom:1px solid #e4e6eb;padding:.3rem .5rem;text-align:left;vertical-align:top}
.op{border:1px solid #e4e6eb;border-radius:8px;padding:0 1rem .5rem;margin:1rem 0}.m{display:inline-block;min-width:4rem;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px}
.get{background:#2f6fdf}.post{background:#1f9d55}.put{background:#b7791f}.patch{background:#805ad5}.delete{background:#c53030}em{color:#c53030;font-style:normal;font-size:12px}`;

/** /api/docs: the API reference as one self-contained page (no scripts, no CDN), from the OpenAPI document. */
export function renderDocsPage(doc: OpenApiDocument, origin: string): string {
  const sections = doc.tags
    .map((tag) => {
      const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([, op]) => op.tags.includes(tag.name))
          .map(([method, op]) => operationHtml(doc, origin, method, path, op)),
      );
      return ops.length
        ? `<h2 id="${escapeHtml(tag.name)}">${escapeHtml(tag.name)}</h2>${ops.join("\n")}`
        : "";
    })
    .join("\n");
  const errorFields = fieldRows(doc, { $ref: "#/components/schemas/Error" });
  const errorInner = resolve(doc, { $ref: "#/components/schemas/Error" }).properties as Record<
    string,
    JsonSchema
  >;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(doc.info.title)} <small>v${escapeHtml(doc.info.version)}</small></h1>
<p>${prose(doc.info.description)}</p>
<p>Machine-readable: <a href="${escapeHtml(doc.servers[0]?.url ?? "")}/openapi.json">openapi.json</a> (OpenAPI ${doc.openapi}).</p>
<h2>Authentication, limits and errors</h2>
<pre>Authorization: Bearer qk_live_…</pre>
<p>Every response to an authenticated request carries <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> and
<code>RateLimit-Reset</code> (seconds). Past the limit the answer is <code>429</code> with <code>Retry-After</code>.</p>
<p>Errors have one shape:</p><table><tr><th>field</th><th>type</th><th></th></tr>${errorFields}${errorInner?.error ? fieldRows(doc, errorInner.error) : ""}</table>
${sections}
</body></html>`;
}
