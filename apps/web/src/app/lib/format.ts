/**
 * The one place the web app turns dates and numbers into text, in the user's locale (the
 * browser's language list), so every page writes "12,345" and "Mar 5, 2026, 14:02" the same way.
 */
const locale: string | undefined =
  typeof navigator === "undefined" ? undefined : (navigator.languages?.[0] ?? navigator.language);

const integer = new Intl.NumberFormat(locale);
const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
const signed = new Intl.NumberFormat(locale, { signDisplay: "exceptZero" });
const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
const dayAndTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });

/** 12345 → "12,345". */
export function formatNumber(value: number): string {
  return integer.format(value);
}

const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 1.25 → "1.3" (one decimal, in the user's locale). */
export function formatDecimal(value: number): string {
  return oneDecimal.format(value);
}

/** 1234567 → "1.2M". */
export function formatCompactNumber(value: number): string {
  return compact.format(value);
}

/** 25 → "+25", -3 → "-3", 0 → "0". */
export function formatSignedNumber(value: number): string {
  return signed.format(value);
}

/** 0.853 → "85%"; null → "—". */
export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? "—" : percent.format(ratio);
}

/** "2026-03-05" is a calendar day (no time zone shift); anything else is an instant. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  const dayOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dayOnly) return new Date(Number(dayOnly[1]), Number(dayOnly[2]) - 1, Number(dayOnly[3]));
  return new Date(value);
}

/** "Mar 5, 2026"; text that is not a date comes back unchanged. */
export function formatDate(value: string | Date): string {
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? String(value) : day.format(date);
}

/** "Mar 5, 2026, 2:02 PM". */
export function formatDateTime(value: string | Date): string {
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? String(value) : dayAndTime.format(date);
}

const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "in 3 days". */
export function formatRelative(value: string | Date, now: number = Date.now()): string {
  const seconds = Math.round((toDate(value).getTime() - now) / 1000);
  if (Number.isNaN(seconds)) return "";
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return "just now";
}
