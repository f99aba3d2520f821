import { registerEnumType } from 'type-graphql';

/** The satisfaction an account's finance is set against: mean CSI (0–100) or mean NPS rating (0–10). */
export enum SatisfactionMetric {
  CSI = 'CSI',
  NPS = 'NPS',
}
registerEnumType(SatisfactionMetric, {
  name: 'SatisfactionMetric',
  description:
    "An account's satisfaction over a window: the mean of its CSI scores (0–100) or of its NPS ratings (0–10, the likelihood to recommend).",
});

/** What satisfaction is set against: how the client buys and pays. */
export enum FinanceMeasure {
  GROSS_MARGIN_RATE = 'GROSS_MARGIN_RATE',
  DAYS_LATE = 'DAYS_LATE',
  SHARE_OF_WALLET = 'SHARE_OF_WALLET',
}
registerEnumType(FinanceMeasure, {
  name: 'FinanceMeasure',
  description:
    'GROSS_MARGIN_RATE: Σ gross margin / Σ revenue (0..1); DAYS_LATE: mean days paid late; SHARE_OF_WALLET: mean share of wallet (0..1).',
});
