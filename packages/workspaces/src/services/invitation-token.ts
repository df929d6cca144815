import { createHash, getRandomValues } from "node:crypto";

/** A new invitation token: 160 random bits, hex. Only its hash is stored. */
export function generateInvitationToken(): string {
  return Buffer.from(getRandomValues(new Uint8Array(20))).toString("hex");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
