import { decryptSecret, encryptSecret, type SecretBox, SecretBoxError } from "@quarry/core/secret-box";
import type { Database } from "@quarry/db/client";
import { listRowsNotUnderKey, replaceCiphertext } from "../queries/provider-keys.queries.ts";
import { providerKeyAad } from "./provider-key-secret.ts";

export interface ReencryptBatchResult {
  /** Rows moved to the current key. */
  reencrypted: number;
  /** Rows left as they were, and why (their key is not configured, or the ciphertext is damaged). */
  skipped: { id: string; workspaceId: string; providerId: string; reason: string }[];
  /** Where the next batch starts; null when this batch reached the end. */
  nextAfterId: string | null;
}

/**
 * One batch of the re-encrypt job: provider keys not under the current encryption key, in id order,
 * decrypted with their own key and sealed again under the current one. Safe to re-run: rows already
 * moved are not selected, and a row whose key was replaced meanwhile is left to the new key.
 */
export async function reencryptProviderKeyBatch(
  db: Database,
  box: SecretBox,
  opts: { afterId: string | null; limit: number },
): Promise<ReencryptBatchResult> {
  const rows = await listRowsNotUnderKey(db, box.currentKeyId, opts.afterId, opts.limit);
  const result: ReencryptBatchResult = { reencrypted: 0, skipped: [], nextAfterId: null };
  for (const row of rows) {
    const context = providerKeyAad(row.workspace_id, row.provider_id);
    try {
      const ciphertext = encryptSecret(box, decryptSecret(box, row.ciphertext, context), context);
      if (
        await replaceCiphertext(db, row.workspace_id, row.id, row.ciphertext, {
          ciphertext,
          keyId: box.currentKeyId,
        })
      ) {
        result.reencrypted += 1;
      }
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      result.skipped.push({
        id: row.id,
        workspaceId: row.workspace_id,
        providerId: row.provider_id,
        reason: error.message,
      });
    }
  }
  result.nextAfterId = rows.length === opts.limit ? (rows.at(-1)?.id ?? null) : null;
  return result;
}
