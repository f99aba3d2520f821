/** Tiers of Bain's B2B Elements of Value pyramid, bottom to top. */
export enum ValueTier {
  TABLE_STAKES = 'TABLE_STAKES',
  FUNCTIONAL = 'FUNCTIONAL',
  EASE_OF_DOING_BUSINESS = 'EASE_OF_DOING_BUSINESS',
  INDIVIDUAL = 'INDIVIDUAL',
  INSPIRATIONAL = 'INSPIRATIONAL',
}

/** Where an importance weight came from. */
export enum WeightSource {
  INTERVIEW = 'INTERVIEW',
  SURVEY = 'SURVEY',
  CALIBRATION = 'CALIBRATION',
}
