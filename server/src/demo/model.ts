import type { Random } from './random.js';

/**
 * The relation planted in the demo data, which the monitoring analytics must recover
 * (DOMAIN.md: "the regression coefficient between gross margin and satisfaction was about 0.7").
 *
 * Every account has a latent satisfaction `s` (standard normal plus a segment offset). It drives
 * what the client says (NPS, CSI, CES, sentiment) AND how it buys and pays:
 *   gross margin rate  = grossMargin / revenue
 *                      = segmentMargin + 0.035·s + ε_account(sd 0.03) + ε_month(sd 0.01)
 *   avgDaysLate        = max(0, 9 − 5·s + ε(sd 3))
 *   orderRegularity    = 0.8 + 0.07·s + ε(sd 0.06), shareOfWallet = 0.35 + 0.1·s + ε(sd 0.1)
 *   CSI (0–100)        = 72 + 11·s_m + ε(sd 9),  NPS (0–10) = 7.3 + 1.6·s_m + ε(sd 1.4)
 * so, per account over the 12 months, Pearson(mean CSI, mean margin rate) ≈ 0.65–0.7 and the
 * slope of margin rate on CSI is ≈ +0.003 per CSI point (+0.035 per sd of satisfaction).
 *
 * Two planted exceptions give the analyses something to find:
 * - DETERIORATING accounts (≈6%): satisfaction falls by 0.15 sd a month over the last 6 months
 *   (their complaints turn into the DETERIORATION class);
 * - DIVERGENT accounts (≈5%): satisfaction rises by 0.2 sd a month, payments do not follow
 *   ("if satisfaction rises but payment behaviour does not improve, the problem is not satisfaction").
 * Finance follows the monthly satisfaction for normal and deteriorating accounts, but only the
 * base level for divergent ones.
 *
 * Churn depends on satisfaction: an account churns (its transactional figures stop in a month
 * drawn uniformly from 4–10 of the 12) with probability
 *   P(churn) = 1 / (1 + exp(−(−3.1 − 1.5·s)))      (s = base satisfaction, segment offset included)
 * ≈ 4.3% at s = 0, 15% at s = −1, 38% at s = −2; ≈ 9% of all accounts. The forecasts must find
 * that dissatisfied accounts leave (the churn-risk model is evaluated against this).
 */
export const PLANTED_RELATION = {
  marginRate: { slopePerSd: 0.035, accountNoiseSd: 0.03, monthNoiseSd: 0.01 },
  segmentMargin: {
    CHEM_LARGE: 0.24,
    FOOD_MEDIUM: 0.22,
    CONSTR_SMALL: 0.21,
    DISTRIBUTORS: 0.17,
  } as Record<string, number>,
  daysLate: { intercept: 9, slopePerSd: -5, noiseSd: 3 },
  csi: { intercept: 72, slopePerSd: 11, noiseSd: 9 },
  nps: { intercept: 7.3, slopePerSd: 1.6, noiseSd: 1.4 },
  ces: { intercept: 5, slopePerSd: 0.8, noiseSd: 0.9 },
  /** Pearson correlation of per-account mean CSI and mean gross margin rate the data is built for. */
  expectedCorrelation: 0.67,
  deteriorating: { share: 0.06, slopePerMonth: -0.15, fromMonth: 6 },
  // 0.2 sd a month (2.2 sd over a year): at 0.1 a planted rise was within the noise of an
  // account's ~30 scores a year, so no rule could tell half of them from chance.
  divergent: { share: 0.05, slopePerMonth: 0.2 },
  /** Logistic churn probability in the base satisfaction (see above). */
  churn: { intercept: -3.1, slopePerSd: -1.5 },
} as const;

export type AccountKind = 'normal' | 'deteriorating' | 'divergent';

export interface LatentAccount {
  /** Base satisfaction in standard deviations. */
  latent: number;
  kind: AccountKind;
  /** Operational performance felt by this account (OTIF, document errors), correlated with `latent`. */
  ops: number;
  /** Persistent margin deviation not explained by satisfaction. */
  marginNoise: number;
}

export function drawLatent(rng: Random, segmentOffset: number): LatentAccount {
  const latent = segmentOffset + rng.normal();
  const r = rng.next();
  const kind: AccountKind =
    r < PLANTED_RELATION.deteriorating.share
      ? 'deteriorating'
      : r < PLANTED_RELATION.deteriorating.share + PLANTED_RELATION.divergent.share
        ? 'divergent'
        : 'normal';
  return {
    latent,
    kind,
    ops: 0.6 * latent + 0.8 * rng.normal(),
    marginNoise: rng.normal(0, PLANTED_RELATION.marginRate.accountNoiseSd),
  };
}

/** Satisfaction of the account in month `m` (0 = first of the 12 months). */
export function satisfactionAt(a: LatentAccount, m: number): number {
  if (a.kind === 'deteriorating') {
    const { slopePerMonth, fromMonth } = PLANTED_RELATION.deteriorating;
    return a.latent + slopePerMonth * Math.max(0, m - fromMonth);
  }
  if (a.kind === 'divergent')
    return a.latent + PLANTED_RELATION.divergent.slopePerMonth * (m - 5.5);
  return a.latent;
}

/** The satisfaction that finance follows: divergent accounts' payments ignore their rise. */
export function financeSatisfactionAt(a: LatentAccount, m: number): number {
  return a.kind === 'divergent' ? a.latent : satisfactionAt(a, m);
}

/** Probability that an account of base satisfaction `latent` churns within the 12 months. */
export function churnProbability(latent: number): number {
  const { intercept, slopePerSd } = PLANTED_RELATION.churn;
  return 1 / (1 + Math.exp(-(intercept + slopePerSd * latent)));
}
