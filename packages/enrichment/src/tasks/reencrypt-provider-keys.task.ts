import { idSchema } from "@quarry/core/ids";
import { defineTask } from "@quarry/queue/define-task";
import { z } from "zod";
import { reencryptProviderKeyBatch } from "../services/reencrypt-provider-keys.ts";

/**
 * After an encryption key rotation: moves provider keys still under a retired key to the current
 * one, a batch per job; a full batch enqueues the next one. Idempotent: moved rows are not selected
 * again. Rows that cannot be decrypted are skipped and logged (their key is not configured).
 */
export const reencryptProviderKeysTask = defineTask({
  name: "enrichment/reencrypt-provider-keys",
  payload: z.object({
    afterId: idSchema.nullish(),
    batchSize: z.number().int().min(1).max(1000).default(200),
  }),
  async run({ afterId, batchSize }, { db, log, outbound }) {
    const result = await reencryptProviderKeyBatch(db, outbound.secretBox, {
      afterId: afterId ?? null,
      limit: batchSize,
    });
    log.info(
      { reencrypted: result.reencrypted, skipped: result.skipped.length },
      "provider keys re-encrypted",
    );
    for (const s of result.skipped) log.error(s, "provider key left under its old encryption key");
    if (result.nextAfterId) {
      await reencryptProviderKeysTask.enqueue(
        db,
        { afterId: result.nextAfterId, batchSize },
        { jobKey: `enrichment/reencrypt-provider-keys:${result.nextAfterId}` },
      );
    }
  },
});
