/** One (record, field) item as the claim works it. */
export interface Work {
  recordId: string;
  field: string;
  step: number;
  attempts: number;
  /** The last provider error, shown if no later provider finds a value. */
  lastError: string | null;
  /** Whether any provider was asked (false: none could look the record up). */
  tried: boolean;
  /** The best value below the threshold, to say why nothing was used. */
  bestLowConfidence: number | null;
}
