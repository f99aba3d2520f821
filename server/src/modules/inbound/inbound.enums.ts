/** Where an inbound event came from. */
export enum InboundSource {
  FORMBRICKS = 'FORMBRICKS',
}

/** An inbound event kept because it could not become feedback on its own. */
export enum InboundEventStatus {
  /** Waiting for a person to say whose answer it is. */
  UNRESOLVED = 'UNRESOLVED',
  /** Turned into a feedback item (by a person, or by a later delivery that mapped). */
  RESOLVED = 'RESOLVED',
}
