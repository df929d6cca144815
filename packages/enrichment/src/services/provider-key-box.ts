import { parseEnv } from "@quarry/core/env";
import { type SecretBox, secretBoxFromEnv } from "@quarry/core/secret-box";

/**
 * The process's secret box for provider keys, built once from the environment on first use
 * (QUARRY_ENCRYPTION_KEY, _ID, _OLD_KEYS; a development key under QUARRY_DATA_DIR outside
 * production). Services take a box as an argument; procedures and the task pass this one.
 */
let box: SecretBox | undefined;

export function providerKeyBox(): SecretBox {
  box ??= secretBoxFromEnv(parseEnv());
  return box;
}
