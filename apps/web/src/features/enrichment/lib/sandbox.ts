/**
 * The label every made-up sandbox value carries. The server's SANDBOX_LABEL
 * (packages/enrichment/src/providers/sandbox/sandbox.ts) is server code the web app may not
 * import, so the string is repeated here; keep the two the same.
 */
export const SANDBOX_LABEL = "Sandbox — test data";
