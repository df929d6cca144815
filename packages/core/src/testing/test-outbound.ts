import { randomBytes } from "node:crypto";
import { guardedFetch } from "../guarded-fetch.ts";
import type { Outbound } from "../outbound.ts";
import { createSecretBox } from "../secret-box.ts";

/**
 * What tests run with: vendor fakes listen on 127.0.0.1, so private networks are allowed here,
 * explicitly (the app refuses them unless QUARRY_ALLOW_PRIVATE_NETWORKS is set). One secret box
 * per process, so a key saved by one caller decrypts for the next.
 */
export const testOutbound: Outbound = {
  secretBox: createSecretBox({ id: "test", key: randomBytes(32) }),
  fetch: guardedFetch({ allowPrivateNetworks: true }),
  allowPrivateNetworks: true,
};
