import type { RouterOutputs } from "../../../app/trpc.ts";
import { type Entity, entityPlural, fieldLabel } from "./format.ts";

type Estimate = RouterOutputs["enrichment"]["runs"]["preview"];

/**
 * Why a run with this estimate could fill nothing, or null when some record and field has an
 * enabled provider that can look it up. The server refuses such a run with the same reasons
 * (packages/enrichment/src/services/nothing-to-fill.ts).
 */
export function nothingToFillText(entity: Entity, estimate: Estimate): string | null {
  if (estimate.fields.some((f) => f.providers.some((p) => p.eligible > 0))) return null;
  const names = (fields: typeof estimate.fields) => fields.map((f) => fieldLabel(entity, f.field)).join(", ");
  const wanted = estimate.fields.filter((f) => f.needed > 0);
  if (wanted.length === 0) {
    return `Nothing to fill: the selected ${entityPlural(entity)} already have ${names(estimate.fields)}. Turn on "Replace existing values" to look them up again.`;
  }
  if (wanted.every((f) => f.providers.every((p) => p.unavailable !== null))) {
    return `No enabled provider can fill ${names(wanted)}. Add an API key on the Providers page, or turn on test mode to try it with made-up data.`;
  }
  return `No provider can look up the selected ${entityPlural(entity)} for ${names(wanted)}: they lack what the providers need (such as an email, a name or a domain).`;
}
