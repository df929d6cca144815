import { type KeyCheck, type KeyCheckContext, keyCheckFromFailure } from "../shared/key-check.ts";
import { pdlFailure, pdlGet } from "./pdl-http.ts";

/**
 * PDL has no account endpoint; the Autocomplete API (GET /v5/autocomplete) authenticates like every
 * other call but returns suggestions, not records, so checking a key spends no match credits.
 */
export async function checkPdlKey(ctx: KeyCheckContext): Promise<KeyCheck> {
  const result = await pdlGet(ctx, "/v5/autocomplete", { field: "country", text: "uni", size: 1 });
  if (!result.ok) return keyCheckFromFailure(result.outcome);
  const res = result.response;
  if (res.status === 200) return { status: "valid", message: "Key works" };
  return keyCheckFromFailure(pdlFailure(res));
}
