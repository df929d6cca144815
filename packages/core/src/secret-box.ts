import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Secrets at rest (provider API keys, OAuth tokens): AES-256-GCM under a key from the environment.
 *
 * Ciphertext format: `v1.<keyId>.<iv>.<tag>.<data>` (base64url parts, 12-byte IV, 16-byte tag). The
 * version and key id are authenticated with the data, as is an optional `aad` string the caller
 * passes (e.g. "provider_keys:<workspaceId>:<providerId>"), so a ciphertext copied to another row
 * does not decrypt. Rotation: set a new QUARRY_ENCRYPTION_KEY(+_ID), move the old one into
 * QUARRY_ENCRYPTION_OLD_KEYS; old ciphertexts still decrypt and `needsReencrypt` says which to move.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const DEV_KEY_ID = "dev";

export interface SecretKey {
  id: string;
  key: Buffer;
}

export interface SecretBox {
  /** Id of the key new ciphertexts are written under. */
  readonly currentKeyId: string;
  readonly current: Buffer;
  /** Every key that can decrypt, current included, by id. */
  readonly keys: ReadonlyMap<string, Buffer>;
}

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

export function createSecretBox(current: SecretKey, old: readonly SecretKey[] = []): SecretBox {
  const keys = new Map<string, Buffer>();
  for (const k of [current, ...old]) {
    if (!KEY_ID.test(k.id)) throw new SecretBoxError(`Encryption key id "${k.id}" must match ${KEY_ID}`);
    if (k.key.length !== 32) throw new SecretBoxError(`Encryption key "${k.id}" must be 32 bytes`);
    if (keys.has(k.id)) throw new SecretBoxError(`Encryption key id "${k.id}" is given twice`);
    keys.set(k.id, k.key);
  }
  return { currentKeyId: current.id, current: current.key, keys };
}

const b64 = (buf: Buffer) => buf.toString("base64url");
const header = (keyId: string, aad: string) => Buffer.from(`${VERSION}.${keyId}.${aad}`, "utf8");

export function encryptSecret(box: SecretBox, plaintext: string, aad = ""): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", box.current, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(header(box.currentKeyId, aad));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, box.currentKeyId, b64(iv), b64(cipher.getAuthTag()), b64(data)].join(".");
}

interface Parsed {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

function parse(ciphertext: string): Parsed {
  const parts = ciphertext.split(".");
  const [version, keyId, iv, tag, data] = parts;
  if (parts.length !== 5 || version !== VERSION || !keyId || !iv || !tag || data === undefined) {
    throw new SecretBoxError("Not a Quarry secret (expected v1.<keyId>.<iv>.<tag>.<data>)");
  }
  const parsed = {
    keyId,
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    data: Buffer.from(data, "base64url"),
  };
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) {
    throw new SecretBoxError("Secret is damaged: wrong IV or tag length");
  }
  return parsed;
}

/** The id of the key a ciphertext was written under. */
export function secretKeyId(ciphertext: string): string {
  return parse(ciphertext).keyId;
}

export function decryptSecret(box: SecretBox, ciphertext: string, aad = ""): string {
  const { keyId, iv, tag, data } = parse(ciphertext);
  const key = box.keys.get(keyId);
  if (!key) {
    throw new SecretBoxError(
      `Secret was encrypted under key "${keyId}", which is not configured: add it to QUARRY_ENCRYPTION_OLD_KEYS as "${keyId}:<base64 key>"`,
    );
  }
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(header(keyId, aad));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError(`Secret could not be decrypted under key "${keyId}": it was altered or moved`);
  }
}

/** Whether the ciphertext is under an older key and should be re-encrypted under the current one. */
export function needsReencrypt(box: SecretBox, ciphertext: string): boolean {
  return secretKeyId(ciphertext) !== box.currentKeyId;
}

/** A fresh random key, base64: what to put in QUARRY_ENCRYPTION_KEY. */
export function generateSecretKey(): string {
  return randomBytes(32).toString("base64");
}

export function parseSecretKey(name: string, raw: string): Buffer {
  // Node's base64 decoder also reads the base64url alphabet.
  const key = Buffer.from(raw.trim(), "base64");
  if (key.length !== 32) {
    throw new SecretBoxError(`${name} must be 32 bytes, base64-encoded (got ${key.length} bytes)`);
  }
  return key;
}

/** "k1:base64,k0:base64" → keys. */
export function parseOldKeys(raw: string | undefined): SecretKey[] {
  if (!raw?.trim()) return [];
  return raw.split(",").map((entry) => {
    const at = entry.indexOf(":");
    const id = entry.slice(0, at).trim();
    if (at <= 0 || !KEY_ID.test(id)) {
      throw new SecretBoxError('QUARRY_ENCRYPTION_OLD_KEYS entries must look like "<keyId>:<base64 key>"');
    }
    return { id, key: parseSecretKey(`QUARRY_ENCRYPTION_OLD_KEYS (${id})`, entry.slice(at + 1)) };
  });
}

/** The slice of the parsed environment (packages/core/src/env.ts) the secret box reads. */
export interface SecretBoxEnv {
  NODE_ENV: "development" | "production" | "test";
  QUARRY_DATA_DIR: string;
  QUARRY_ENCRYPTION_KEY?: string | undefined;
  QUARRY_ENCRYPTION_KEY_ID?: string | undefined;
  QUARRY_ENCRYPTION_OLD_KEYS?: string | undefined;
}

function devKeyPath(env: SecretBoxEnv): string {
  return path.join(env.QUARRY_DATA_DIR, "encryption-key");
}

function readDevKey(file: string): Buffer | null {
  try {
    return parseSecretKey(file, readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    throw error;
  }
}

/** Outside production: a random key kept at <data dir>/encryption-key, created on first use. */
function devKey(env: SecretBoxEnv): Buffer {
  const file = devKeyPath(env);
  const existing = readDevKey(file);
  if (existing) return existing;
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${generateSecretKey()}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as { code?: string }).code !== "EEXIST") throw error;
  }
  return parseSecretKey(file, readFileSync(file, "utf8"));
}

/**
 * The secret box the app runs with. Production refuses to start without QUARRY_ENCRYPTION_KEY;
 * elsewhere a development key under the data directory is used (and kept as an old key once a real
 * key is set, so development data still decrypts and the re-encrypt job can move it).
 */
export function secretBoxFromEnv(env: SecretBoxEnv): SecretBox {
  const old = parseOldKeys(env.QUARRY_ENCRYPTION_OLD_KEYS);
  if (env.QUARRY_ENCRYPTION_KEY) {
    const current = {
      id: env.QUARRY_ENCRYPTION_KEY_ID ?? "k1",
      key: parseSecretKey("QUARRY_ENCRYPTION_KEY", env.QUARRY_ENCRYPTION_KEY),
    };
    if (env.NODE_ENV !== "production" && ![current, ...old].some((k) => k.id === DEV_KEY_ID)) {
      const dev = readDevKey(devKeyPath(env));
      if (dev) old.push({ id: DEV_KEY_ID, key: dev });
    }
    return createSecretBox(current, old);
  }
  if (env.NODE_ENV === "production") {
    throw new SecretBoxError(
      "QUARRY_ENCRYPTION_KEY is required in production (32 random bytes, base64: `openssl rand -base64 32`)",
    );
  }
  return createSecretBox({ id: DEV_KEY_ID, key: devKey(env) }, old);
}
