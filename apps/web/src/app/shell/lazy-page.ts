import { type ComponentType, lazy } from "react";

/**
 * A page loaded on first visit (its own chunk): `lazyPage(() => import("./x-page.tsx"), "XPage")`
 * keeps the pages' named exports while React.lazy wants a default one.
 */
export function lazyPage<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}
