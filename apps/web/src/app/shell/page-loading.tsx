import { Component, type ErrorInfo, type ReactNode } from "react";
import { useLocation } from "react-router";

/** While a page's code loads: a spinner that shows only if the wait is long enough to notice. */
export function PageLoading() {
  return (
    <div className="spinner-wrap page-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">Loading page</span>
    </div>
  );
}

interface BoundaryState {
  error: Error | null;
  path: string;
}

class Boundary extends Component<{ path: string; children: ReactNode }, BoundaryState> {
  state: BoundaryState = { error: null, path: this.props.path };

  static getDerivedStateFromError(error: Error): Partial<BoundaryState> {
    return { error };
  }

  /** Moving to another page clears the error so that page gets its own try. */
  static getDerivedStateFromProps(
    props: { path: string },
    state: BoundaryState,
  ): Partial<BoundaryState> | null {
    return props.path === state.path ? null : { error: null, path: props.path };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="page narrow">
        <div className="error-state" role="alert">
          <p>This page could not be shown. If the app was just updated, reloading fetches the new version.</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </main>
    );
  }
}

/** Catches a page that fails to load (e.g. its chunk is gone after a deploy) or to render. */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary path={pathname}>{children}</Boundary>;
}
