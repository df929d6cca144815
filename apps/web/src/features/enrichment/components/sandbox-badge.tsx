import { SANDBOX_LABEL } from "../lib/sandbox.ts";
import "../enrichment.css";

/** The visible mark on anything the sandbox provider made up. */
export function SandboxBadge({ className }: { className?: string }) {
  return <span className={`badge sandbox${className ? ` ${className}` : ""}`}>{SANDBOX_LABEL}</span>;
}
