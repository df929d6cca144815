import { Link } from "react-router";
import { EmptyState } from "../ui/states.tsx";

export function NotFoundPage() {
  return (
    <main className="page narrow">
      <EmptyState title="Page not found">
        <p className="muted">The link may be old, or the page moved.</p>
        <Link to="/" className="button">
          Go home
        </Link>
      </EmptyState>
    </main>
  );
}
