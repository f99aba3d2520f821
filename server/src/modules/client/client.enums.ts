/** The three classes of people in every client account (DOMAIN.md, element 2). */
export enum RespondentClass {
  /** Top management: "money for money". */
  ECONOMIC_BUYER = 'ECONOMIC_BUYER',
  /** Quality control, lab, engineers: specifications and standards. */
  TECHNICAL_BUYER = 'TECHNICAL_BUYER',
  /** End users: convenience. */
  OPERATOR = 'OPERATOR',
}

export enum AccountTier {
  ENTERPRISE = 'ENTERPRISE',
  MID_MARKET = 'MID_MARKET',
  SMB = 'SMB',
}

export enum CompanySize {
  SMALL = 'SMALL',
  MEDIUM = 'MEDIUM',
  LARGE = 'LARGE',
}

export enum AccountStatus {
  ACTIVE = 'ACTIVE',
  AT_RISK = 'AT_RISK',
  CHURNED = 'CHURNED',
}

export enum CouncilRole {
  CHAIR = 'CHAIR',
  MEMBER = 'MEMBER',
}
