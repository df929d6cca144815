import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "./env.ts";
import {
  createSecretBox,
  decryptSecret,
  encryptSecret,
  generateSecretKey,
  needsReencrypt,
  parseOldKeys,
  secretBoxFromEnv,
  secretKeyId,
} from "./secret-box.ts";

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);
const boxA = createSecretBox({ id: "a", key: keyA });

/** Replaces one base64url character of part `index` so the bytes change but the format stays valid. */
function tamper(ciphertext: string, index: number): string {
  const parts = ciphertext.split(".");
  const part = parts[index] ?? "";
  parts[index] = (part[0] === "A" ? "B" : "A") + part.slice(1);
  return parts.join(".");
}

describe("encryptSecret / decryptSecret", () => {
  it("round-trips, with a fresh IV each time and no plaintext in the ciphertext", () => {
    const secret = "hunter_live_4f1c2b9d8e7a";
    const one = encryptSecret(boxA, secret);
    const two = encryptSecret(boxA, secret);
    expect(one).not.toBe(two);
    expect(one).toMatch(/^v1\.a\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(one).not.toContain(secret);
    expect(decryptSecret(boxA, one)).toBe(secret);
    expect(decryptSecret(boxA, two)).toBe(secret);
    expect(decryptSecret(boxA, encryptSecret(boxA, ""))).toBe("");
  });

  it("refuses a ciphertext whose IV, tag or data was changed", () => {
    const ct = encryptSecret(boxA, "s3cret-value");
    for (const index of [2, 3, 4]) {
      expect(() => decryptSecret(boxA, tamper(ct, index))).toThrow(/altered or moved|damaged/);
    }
  });

  it("binds the ciphertext to its context (aad): it does not decrypt for another row", () => {
    const ct = encryptSecret(boxA, "key-of-workspace-1", "provider_keys:w1:hunter");
    expect(decryptSecret(boxA, ct, "provider_keys:w1:hunter")).toBe("key-of-workspace-1");
    expect(() => decryptSecret(boxA, ct, "provider_keys:w2:hunter")).toThrow(/altered or moved/);
  });

  it("refuses a relabelled key id even when that key exists", () => {
    const both = createSecretBox({ id: "b", key: keyB }, [{ id: "a", key: keyA }]);
    const ct = encryptSecret(both, "x");
    expect(() => decryptSecret(both, ct.replace(/^v1\.b\./, "v1.a."))).toThrow(/altered or moved/);
  });

  it("names an unknown key id and says how to configure it", () => {
    const ct = encryptSecret(boxA, "x");
    const other = createSecretBox({ id: "b", key: keyB });
    expect(() => decryptSecret(other, ct)).toThrow(
      /key "a", which is not configured.*QUARRY_ENCRYPTION_OLD_KEYS/,
    );
  });

  it("rejects text that is not a secret", () => {
    expect(() => decryptSecret(boxA, "plain-api-key")).toThrow(/Not a Quarry secret/);
  });
});

describe("rotation", () => {
  it("decrypts old ciphertexts after rotation and flags them for re-encryption", () => {
    const before = encryptSecret(boxA, "old-secret", "ctx");
    const rotated = createSecretBox({ id: "b", key: keyB }, [{ id: "a", key: keyA }]);
    expect(decryptSecret(rotated, before, "ctx")).toBe("old-secret");
    expect(needsReencrypt(rotated, before)).toBe(true);
    const after = encryptSecret(rotated, decryptSecret(rotated, before, "ctx"), "ctx");
    expect(secretKeyId(after)).toBe("b");
    expect(needsReencrypt(rotated, after)).toBe(false);
    expect(needsReencrypt(boxA, before)).toBe(false);
  });

  it("parses old keys and rejects malformed ones", () => {
    const a = keyA.toString("base64");
    expect(parseOldKeys(`k0:${a}, k-1:${keyB.toString("base64url")}`).map((k) => k.id)).toEqual([
      "k0",
      "k-1",
    ]);
    expect(parseOldKeys(undefined)).toEqual([]);
    expect(() => parseOldKeys(a)).toThrow(/<keyId>:<base64 key>/);
    expect(() => parseOldKeys("k0:c2hvcnQ=")).toThrow(/must be 32 bytes/);
    expect(() => createSecretBox({ id: "a", key: keyA }, [{ id: "a", key: keyB }])).toThrow(/given twice/);
  });
});

describe("secretBoxFromEnv", () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "quarry-secret-box-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to start in production without a key", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      APP_ORIGIN: "https://quarry.example.com",
      QUARRY_DATA_DIR: dataDir(),
    });
    expect(() => secretBoxFromEnv(env)).toThrow(/QUARRY_ENCRYPTION_KEY is required in production/);
  });

  it("uses the configured key and id, and reads old keys", () => {
    const current = generateSecretKey();
    const env = parseEnv({
      NODE_ENV: "production",
      APP_ORIGIN: "https://quarry.example.com",
      QUARRY_ENCRYPTION_KEY: current,
      QUARRY_ENCRYPTION_KEY_ID: "k2",
      QUARRY_ENCRYPTION_OLD_KEYS: `k1:${keyA.toString("base64")}`,
    });
    const box = secretBoxFromEnv(env);
    expect(box.currentKeyId).toBe("k2");
    expect(box.current.equals(Buffer.from(current, "base64"))).toBe(true);
    expect([...box.keys.keys()]).toEqual(["k2", "k1"]);
    expect(() => secretBoxFromEnv({ ...env, QUARRY_ENCRYPTION_KEY: "dG9vIHNob3J0" })).toThrow(
      /QUARRY_ENCRYPTION_KEY must be 32 bytes/,
    );
  });

  it("defaults the key id to k1", () => {
    expect(parseEnv({}).QUARRY_ENCRYPTION_KEY_ID).toBe("k1");
    expect(() => parseEnv({ QUARRY_ENCRYPTION_KEY_ID: "bad.id" })).toThrow(/QUARRY_ENCRYPTION_KEY_ID/);
  });

  it("in development keeps a stable key under the data directory, then honours it as an old key", () => {
    const dir = dataDir();
    const env = parseEnv({ NODE_ENV: "development", QUARRY_DATA_DIR: dir });
    const first = secretBoxFromEnv(env);
    const file = path.join(dir, "encryption-key");
    expect(readFileSync(file, "utf8").trim()).toBe(first.current.toString("base64"));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const ct = encryptSecret(first, "dev-secret");
    expect(secretBoxFromEnv(env).current.equals(first.current)).toBe(true);

    const withKey = secretBoxFromEnv({ ...env, QUARRY_ENCRYPTION_KEY: generateSecretKey() });
    expect(withKey.currentKeyId).toBe("k1");
    expect(decryptSecret(withKey, ct)).toBe("dev-secret");
    expect(needsReencrypt(withKey, ct)).toBe(true);
  });
});
