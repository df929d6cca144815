const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** Escapes text and turns each http(s) URL in it into a link; trailing punctuation stays text. */
export function linkify(text: string): string {
  return text
    .split(URL_PATTERN)
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part);
      const url = part.replace(/[.,;:!?)\]]+$/, "");
      const rest = part.slice(url.length);
      return `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>${escapeHtml(rest)}`;
    })
    .join("");
}
