const REDACTED = "[redacted]";
/** A secret link's token in a path: /reset-password/<token>, /invite/<token>. */
const TOKEN_PATH = /\/(reset-password|invite)\/[^/?#&"\s]+/g;
/** A token in JSON (a tRPC query's `input`): "token":"…". */
const TOKEN_JSON = /("token"\s*:\s*)"(?:[^"\\]|\\.)*"/g;
const TOKEN_PARAM = /token/i;

function redactText(text: string): string {
  return text.replace(TOKEN_PATH, `/$1/${REDACTED}`).replace(TOKEN_JSON, `$1"${REDACTED}"`);
}

/**
 * A request URL fit for a log line: tokens of reset and invitation links (in the path, or carried
 * in a query parameter such as a sign-in page's `next`), parameters named like `token`, and
 * `"token"` values in a tRPC input are replaced by [redacted]. Anyone who can read logs could
 * otherwise take over an account or a seat.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  const path = redactText(q < 0 ? url : url.slice(0, q));
  if (q < 0) return path;
  const params = new URLSearchParams(url.slice(q + 1));
  let changed = false;
  for (const [key, value] of params) {
    const redacted = TOKEN_PARAM.test(key) ? REDACTED : redactText(value);
    if (redacted !== value) {
      params.set(key, redacted);
      changed = true;
    }
  }
  return `${path}?${changed ? params.toString() : url.slice(q + 1)}`;
}
