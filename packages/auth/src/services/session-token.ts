import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** Session tokens are `<id>.<secret>`: the id is public (sessions list), the secret is only ever hashed. */
const ID_BYTES = 15;
const SECRET_BYTES = 20;

export interface SessionToken {
  id: string;
  secret: string;
  token: string;
}

function randomBase32(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function generateSessionToken(): SessionToken {
  const id = randomBase32(ID_BYTES);
  const secret = randomBase32(SECRET_BYTES);
  return { id, secret, token: `${id}.${secret}` };
}

export function hashSessionSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

const part = /^[a-z2-7]+$/;

/** Splits a token into id and secret; null for anything that is not shaped like one. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
  if (token.length > 200) return null;
  const [id, secret, ...rest] = token.split(".");
  if (!id || !secret || rest.length > 0 || !part.test(id) || !part.test(secret)) return null;
  return { id, secret };
}
