import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <main className="page narrow">
      <div className="empty-state">
        <h1>Page not found</h1>
        <p className="muted">The link may be old, or the page moved.</p>
        <Link to="/" className="button">
          Go home
        </Link>
      </div>
    </main>
  );
}
