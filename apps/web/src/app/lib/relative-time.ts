const units: [Intl.RelativeTimeFormatUnit, number, string][] = [
  ["year", 365 * 86_400, "y"],
  ["month", 30 * 86_400, "mo"],
  ["day", 86_400, "d"],
  ["hour", 3_600, "h"],
  ["minute", 60, "min"],
];

/** "just now", "2 min ago", "3 h ago", "5 d ago". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (Number.isNaN(seconds)) return "";
  if (Math.abs(seconds) < 45) return "just now";
  for (const [, size, short] of units) {
    if (Math.abs(seconds) >= size) {
      const value = Math.round(seconds / size);
      return value >= 0 ? `${value} ${short} ago` : `in ${-value} ${short}`;
    }
  }
  return "just now";
}

export function absoluteTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
