import { createHash } from "node:crypto";

/**
 * Deterministic choices from a seed text: the same text gives the same sequence on every machine
 * (SHA-256 seeds a mulberry32 generator; both are pure integer arithmetic).
 */
export interface SandboxRandom {
  /** 0 ≤ n < 100, fixed for the seed: decides whether the lookup "finds" anything. */
  readonly bucket: number;
  /** A short hex tag of the seed, for made-up handles. */
  readonly tag: string;
  int(min: number, max: number): number;
  pick<T>(list: readonly [T, ...T[]]): T;
  sample<T>(list: readonly T[], count: number): T[];
}

export function sandboxRandom(seed: string): SandboxRandom {
  const digest = createHash("sha256").update(seed).digest();
  let state = digest.readUInt32BE(4);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    bucket: digest.readUInt32BE(0) % 100,
    tag: digest.toString("hex").slice(0, 4),
    int,
    pick: (list) => list[int(0, list.length - 1)] ?? list[0],
    sample: (list, count) => {
      const pool = [...list];
      const out: (typeof list)[number][] = [];
      while (out.length < count && pool.length > 0) out.push(...pool.splice(int(0, pool.length - 1), 1));
      return out;
    },
  };
}

/** "José O'Brien & Co." → "jose-obrien-co": ASCII for made-up emails, domains and handles. */
export function slug(text: string, separator = "-"): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, "g"), "");
}
