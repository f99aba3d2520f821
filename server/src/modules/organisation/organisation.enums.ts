/** Roles of the roadmap's access-control model; stored now so identities need no migration later. */
export enum UserRole {
  CX_ADMIN = 'CX_ADMIN',
  CX_MANAGER = 'CX_MANAGER',
  DEPARTMENT_MEMBER = 'DEPARTMENT_MEMBER',
  COUNCIL_MEMBER = 'COUNCIL_MEMBER',
}
