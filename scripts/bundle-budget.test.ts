import { describe, expect, it } from "vitest";
import { initialFiles, type Manifest, measure } from "./bundle-budget.ts";

/** A small build: the entry shares a vendor chunk with two lazy pages; the canvas loads on demand. */
const manifest: Manifest = {
  "index.html": {
    file: "assets/index.js",
    src: "index.html",
    isEntry: true,
    imports: ["_vendor.js"],
    dynamicImports: ["src/sign-in-page.tsx", "src/contacts-page.tsx"],
    css: ["assets/index.css"],
  },
  "_vendor.js": { file: "assets/vendor.js" },
  "_grid.js": { file: "assets/grid.js", imports: ["_vendor.js"] },
  "src/sign-in-page.tsx": { file: "assets/sign-in.js", isDynamicEntry: true, imports: ["_vendor.js"] },
  "src/contacts-page.tsx": {
    file: "assets/contacts.js",
    isDynamicEntry: true,
    imports: ["_grid.js", "_vendor.js"],
    dynamicImports: ["src/canvas.tsx"],
    css: ["assets/contacts.css"],
  },
  "src/canvas.tsx": { file: "assets/canvas.js", isDynamicEntry: true, imports: ["_vendor.js"] },
  "_styles.css": { file: "assets/styles.css" },
};

describe("initialFiles", () => {
  it("follows static imports from the entry and leaves dynamic imports for later", () => {
    expect(initialFiles(manifest, ["index.html"])).toEqual(["assets/index.js", "assets/vendor.js"]);
  });

  it("adds a route's chunk and its own static imports, each file once", () => {
    expect(initialFiles(manifest, ["index.html", "src/contacts-page.tsx"])).toEqual([
      "assets/contacts.js",
      "assets/grid.js",
      "assets/index.js",
      "assets/vendor.js",
    ]);
  });

  it("counts only script files", () => {
    expect(initialFiles(manifest, ["_styles.css"])).toEqual([]);
  });

  it("names a key the manifest lacks instead of passing quietly", () => {
    expect(() => initialFiles(manifest, ["src/renamed-page.tsx"])).toThrow(
      '"src/renamed-page.tsx" is not in the build manifest',
    );
  });
});

describe("measure", () => {
  const sizes: Record<string, number> = {
    "assets/index.js": 50_000,
    "assets/vendor.js": 100_000,
    "assets/sign-in.js": 5_000,
    "assets/grid.js": 40_000,
    "assets/contacts.js": 20_000,
    "assets/canvas.js": 900_000,
  };
  const screens = [
    { name: "sign-in", keys: ["index.html", "src/sign-in-page.tsx"] },
    { name: "contacts", keys: ["index.html", "src/contacts-page.tsx"] },
  ];

  it("sums each screen's files and flags the one over budget", () => {
    const results = measure(manifest, screens, (file) => sizes[file] ?? 0, 200_000);
    expect(results.map((r) => [r.name, r.gzipBytes, r.overBudget])).toEqual([
      ["sign-in", 155_000, false],
      ["contacts", 210_000, true],
    ]);
  });
});
