import { formatCompactNumber, formatNumber } from "../../../app/lib/format.ts";

/** "12,345 contacts", or "~1.2M contacts" when the server estimated the count. */
export function formatTotal(
  total: { value: number; exact: boolean },
  singular: string,
  plural: string,
): string {
  const noun = total.value === 1 ? singular : plural;
  return total.exact
    ? `${formatNumber(total.value)} ${noun}`
    : `~${formatCompactNumber(total.value)} ${noun}`;
}
