const exact = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** "12,345 contacts", or "~1.2M contacts" when the server estimated the count. */
export function formatTotal(
  total: { value: number; exact: boolean },
  singular: string,
  plural: string,
): string {
  const noun = total.value === 1 ? singular : plural;
  return total.exact ? `${exact.format(total.value)} ${noun}` : `~${compact.format(total.value)} ${noun}`;
}
