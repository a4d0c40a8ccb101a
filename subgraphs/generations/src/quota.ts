/** Daily generation quotas per plan: a rolling 24-hour window, counted at creation. */
export interface QuotaLimits {
  FREE: number;
  PRO: number;
}

export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

export function quotaLeft(plan: keyof QuotaLimits, usedInWindow: number, limits: QuotaLimits): number {
  return Math.max(0, limits[plan] - usedInWindow);
}
