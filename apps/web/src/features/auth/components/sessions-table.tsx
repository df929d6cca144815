import { formatDateTime, formatRelative } from "../../../app/lib/format.ts";
import type { RouterOutputs } from "../../../app/trpc.ts";

type Session = RouterOutputs["auth"]["sessions"]["list"]["items"][number];

function describeAgent(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Firefox|Edg|Chrome|Safari/.exec(userAgent)?.[0] ?? "Browser";
  const os = /Windows|Mac OS X|Android|iPhone|Linux/.exec(userAgent)?.[0] ?? "";
  return `${browser === "Edg" ? "Edge" : browser}${os ? ` on ${os.replace("Mac OS X", "macOS")}` : ""}`;
}

export function SessionsTable({ sessions }: { sessions: readonly Session[] }) {
  return (
    <table className="table">
      <caption className="visually-hidden">Signed-in sessions</caption>
      <thead>
        <tr>
          <th scope="col">Device</th>
          <th scope="col">IP address</th>
          <th scope="col">Last active</th>
          <th scope="col">Signed in</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <tr key={session.id}>
            <td title={session.userAgent ?? undefined}>
              {describeAgent(session.userAgent)}
              {session.current ? <span className="badge accent">This device</span> : null}
            </td>
            <td>{session.ip ?? "—"}</td>
            <td title={formatDateTime(session.lastSeenAt)}>{formatRelative(session.lastSeenAt)}</td>
            <td title={formatDateTime(session.createdAt)}>{formatRelative(session.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
