import { AppError } from "@quarry/core/app-error";

/** The one message for spending more than is available (docs/enrichment.md). */
export function notEnoughCredits(available: number, needed: number): AppError {
  return new AppError("CONFLICT", `Not enough credits: ${available} available, ${needed} needed.`);
}
