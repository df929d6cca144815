import type { ReactNode } from "react";

/**
 * A wide table's own sideways scroller, so a narrow screen scrolls the table and not the page.
 * It is a labelled, focusable region: keyboard users can scroll it with the arrow keys even when
 * the table holds nothing else to focus.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
