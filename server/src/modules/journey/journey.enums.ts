/** The four stages of the B2B customer journey (DOMAIN.md). */
export enum JourneyStage {
  AWARENESS = 'AWARENESS',
  EVALUATION_AND_DEAL = 'EVALUATION_AND_DEAL',
  USAGE = 'USAGE',
  POST_SALE = 'POST_SALE',
}

/** How the client and the company meet at a touchpoint. */
export enum InteractionChannel {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  PORTAL = 'PORTAL',
  MOBILE_APP = 'MOBILE_APP',
  EDI = 'EDI',
  DOCUMENTS = 'DOCUMENTS',
  MARKETING = 'MARKETING',
  EVENT = 'EVENT',
}
