/**
 * What a page needs before it shows: the build manifest's static-import closure of its chunks
 * (Vite writes the manifest with `build.manifest: true`; keys are source paths, "index.html" for
 * the entry). Dynamic imports are left out: they load later, when their page or part is opened.
 */

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** The JS files loaded up front for `keys`: each chunk and, transitively, its static imports. */
export function initialFiles(manifest: Manifest, keys: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const stack = [...keys];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`"${key}" is not in the build manifest`);
    if (chunk.file.endsWith(".js")) files.add(chunk.file);
    stack.push(...(chunk.imports ?? []));
  }
  return [...files].sort();
}

export interface Budgeted {
  name: string;
  /** Manifest keys whose code must be loaded before this screen shows. */
  keys: readonly string[];
}

export interface Measured {
  name: string;
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
  overBudget: boolean;
}

/** Sums the gzipped size of each screen's initial files and flags those above `budgetBytes`. */
export function measure(
  manifest: Manifest,
  screens: readonly Budgeted[],
  gzipSize: (file: string) => number,
  budgetBytes: number,
): Measured[] {
  return screens.map(({ name, keys }) => {
    const files = initialFiles(manifest, keys).map((file) => ({ file, gzipBytes: gzipSize(file) }));
    const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
    return { name, files, gzipBytes, overBudget: gzipBytes > budgetBytes };
  });
}

export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
