/** Layers of the metric "cake", top to bottom (DOMAIN.md, element 4). */
export enum MetricLayer {
  SATISFACTION = 'SATISFACTION',
  TRANSACTIONAL = 'TRANSACTIONAL',
  OPERATIONAL = 'OPERATIONAL',
  EMPLOYEE = 'EMPLOYEE',
}

/** Computable from internal systems, or only obtainable by talking to the client. */
export enum MetricKind {
  COMPUTABLE = 'COMPUTABLE',
  TRIGGER = 'TRIGGER',
}

export enum CollectionMethod {
  SYSTEM = 'SYSTEM',
  SURVEY = 'SURVEY',
  INTERVIEW = 'INTERVIEW',
  MEETING = 'MEETING',
  MYSTERY_SHOPPING = 'MYSTERY_SHOPPING',
  EMBEDDED_CHANNEL = 'EMBEDDED_CHANNEL',
}

export enum BetterDirection {
  HIGHER = 'HIGHER',
  LOWER = 'LOWER',
}
