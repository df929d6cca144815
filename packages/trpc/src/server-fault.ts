/**
 * What a client is told about a failure on our side: nothing of the error itself (it may name
 * tables, hosts or inputs), only the request id to report; the log has the rest under that id.
 */
export function serverFaultMessage(requestId: string | undefined): string {
  const report = requestId ? `; if it keeps happening, report request id ${requestId}` : "";
  return `Something went wrong on our side. Try again${report}.`;
}

/** The message for a request whose JSON (body or `input` parameter) does not parse. */
export function unreadableInputMessage(requestId: string | undefined): string {
  return `The request's input is not valid JSON${requestId ? ` (request id ${requestId})` : ""}.`;
}
