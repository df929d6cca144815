import { type Algorithm, hash, verify } from "@node-rs/argon2";

/** argon2id at OWASP's minimum (m=19456 KiB, t=2, p=1). `2` is Algorithm.Argon2id (an ambient const enum). */
export const ARGON2_OPTIONS = {
  algorithm: 2 as Algorithm,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password and for a stored value that is not an argon2 hash (e.g. "!"). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as verifying a real password, for sign-in attempts on unknown emails,
 * so the response time does not reveal whether an account exists. Always false.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword("quarry-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
