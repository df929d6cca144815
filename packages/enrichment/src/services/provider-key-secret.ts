import { AppError, badInput } from "@quarry/core/app-error";
import { ipLiteral, isLocalhostName, nonPublicReason } from "@quarry/core/public-address";
import { decryptSecret, encryptSecret, type SecretBox, SecretBoxError } from "@quarry/core/secret-box";

/**
 * How a provider key is sealed: AES-256-GCM bound to its row (workspace and vendor), so a
 * ciphertext copied into another workspace's row does not decrypt.
 */
export const providerKeyAad = (workspaceId: string, providerId: string) =>
  `provider_keys:${workspaceId}:${providerId}`;

export function sealProviderKey(
  box: SecretBox,
  workspaceId: string,
  providerId: string,
  apiKey: string,
): string {
  return encryptSecret(box, apiKey, providerKeyAad(workspaceId, providerId));
}

export function openProviderKey(
  box: SecretBox,
  workspaceId: string,
  providerId: string,
  ciphertext: string,
): string {
  try {
    return decryptSecret(box, ciphertext, providerKeyAad(workspaceId, providerId));
  } catch (error) {
    if (error instanceof SecretBoxError) {
      throw new AppError(
        "CONFLICT",
        `The stored ${providerId} key cannot be read (${error.message}). Set the key again.`,
      );
    }
    throw error;
  }
}

/** The only part of a key ever shown again. */
export const last4 = (apiKey: string) => apiKey.slice(-4);

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A base URL override, checked when it is saved. With private networks allowed (development, test,
 * a self-hosted install): https, or plain http only to this machine (local fakes, proxies). Without
 * (production): https to a public host only; a name that DNS points inward is refused at call time
 * (guarded-fetch.ts), since DNS can change after the save.
 */
export function checkBaseUrl(raw: string, opts: { allowPrivateNetworks: boolean }): string {
  const url = new URL(raw);
  if (opts.allowPrivateNetworks) {
    const local = LOOPBACK.has(url.hostname);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
      throw badInput("baseUrl", "must use https (plain http only for localhost)");
    }
  } else {
    if (url.protocol !== "https:") throw badInput("baseUrl", "must use https");
    const reason = nonPublicHostReason(url.hostname);
    if (reason) throw badInput("baseUrl", `must be a public address: ${url.hostname} is ${reason}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw badInput("baseUrl", "must not contain credentials, a query or a fragment");
  }
  return url.toString().replace(/\/+$/, "");
}

function nonPublicHostReason(hostname: string): string | null {
  if (isLocalhostName(hostname)) return "a name for this machine";
  const literal = ipLiteral(hostname);
  return literal ? nonPublicReason(literal) : null;
}
