import { createHash, getRandomValues, timingSafeEqual } from "node:crypto";

/**
 * API keys look like `qk_live_<id>_<secret>`: `qk_live_<id>` is the public prefix (unique, shown in
 * lists and logs), the secret is 160 random bits. Both parts are lowercase base32 (a–z, 2–7).
 * Only the SHA-256 of the whole key is stored.
 */
export const API_KEY_PREFIX = "qk_live_";
const ID_CHARS = 8;
const SECRET_BYTES = 20;
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
const KEY_PATTERN = /^(qk_live_[a-z2-7]{8})_([a-z2-7]{32})$/;

function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

export function generateApiKey(): { prefix: string; key: string } {
  const id = base32(getRandomValues(new Uint8Array(5))).slice(0, ID_CHARS);
  const secret = base32(getRandomValues(new Uint8Array(SECRET_BYTES)));
  const prefix = `${API_KEY_PREFIX}${id}`;
  return { prefix, key: `${prefix}_${secret}` };
}

export function hashApiKey(key: string): Buffer {
  return createHash("sha256").update(key).digest();
}

/** The public prefix of a well-formed key, or null for anything that is not shaped like one. */
export function apiKeyPrefix(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

/** Compares a presented key with a stored hash in constant time. */
export function apiKeyMatches(key: string, storedHash: Uint8Array): boolean {
  const hash = hashApiKey(key);
  return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}
