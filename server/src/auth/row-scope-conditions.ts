import { raw, type Dictionary } from '@mikro-orm/core';

/** A filter condition as MikroORM takes it (`{}` hides nothing). */
export type Condition = Dictionary;

type CouncilScope = { councilIds: string[]; userId: string | null };
type DepartmentScope = { departmentId: string | null; userId: string | null };

/**
 * How the queried table is named inside a raw fragment: its alias in a select (MikroORM fills
 * it in), the table itself in an update or delete, which have no alias.
 */
export type Self = { table: string } | 'aliased';

/**
 * Raw fragments are made afresh for every query (MikroORM caches a fragment used as a key);
 * the subqueries are plain SQL that holds on both databases as written.
 */
const where = (self: Self, sql: (me: string) => string, params: unknown[]): Condition => ({
  [raw(self === 'aliased' ? sql : sql(`"${self.table}"`), params)]: [],
});

/** No row at all. */
export const NOTHING = (): Condition => ({ [raw('1 = 0')]: [] });

const marks = (ids: readonly unknown[]) => ids.map(() => '?').join(', ');

/** Accounts of the viewer's councils. */
const councilAccounts = (c: string[]) =>
  `select aca.client_account_id from advisory_council_account aca where aca.advisory_council_id in (${marks(c)})`;

/** Client-visible initiatives that affect one of those accounts. */
const councilInitiatives = (c: string[]) =>
  `select ia.initiative_id from initiative_account ia join initiative vi on vi.id = ia.initiative_id
    where vi.client_visible = true and ia.client_account_id in (${councilAccounts(c)})`;

/** Initiatives in which the department has a task. */
const departmentInitiatives = `select dt.initiative_id from initiative_task dt where dt.department_id = ?`;

/** Cases of the department, or handed to the member personally. */
const caseColumn = (column: 'feedback_id' | 'account_id') =>
  `select dc.${column} from feedback_case dc where dc.department_id = ? or dc.owner_id = ?`;

/** `any` of the given conditions; `NOTHING` when none applies (never "everything" by omission). */
function anyOf(conditions: (Condition | false)[]): Condition {
  const present = conditions.filter((c): c is Condition => c !== false);
  if (present.length === 0) return NOTHING();
  return present.length === 1 ? present[0]! : { $or: present };
}

/**
 * A council member: the client-visible initiatives that affect their councils' accounts, and
 * what they need to follow them — those initiatives' revisions and client-visible tasks, their
 * councils' reviews of them, the messages to their councils' accounts about them — plus their
 * councils, their fellow members (and those members' contact rows), their councils' accounts
 * and their own inbox and user row. Nothing else: no feedback, figures, metrics, other clients.
 */
export const councilRows: Record<string, (s: CouncilScope, self: Self) => Condition> = {
  AdvisoryCouncil: ({ councilIds: c }) => (c.length ? { id: { $in: c } } : NOTHING()),
  CouncilMember: ({ councilIds: c }) => (c.length ? { council: { $in: c } } : NOTHING()),
  ClientAccount: ({ councilIds: c }, self) =>
    c.length ? where(self, (a) => `${a}.id in (${councilAccounts(c)})`, c) : NOTHING(),
  Contact: ({ councilIds: c }, self) =>
    c.length
      ? where(
          self,
          (a) =>
            `${a}.id in (select cm.contact_id from council_member cm where cm.council_id in (${marks(c)}))`,
          c,
        )
      : NOTHING(),
  Initiative: ({ councilIds: c }, self) =>
    c.length ? where(self, (a) => `${a}.id in (${councilInitiatives(c)})`, c) : NOTHING(),
  InitiativeRevision: ({ councilIds: c }, self) =>
    c.length
      ? where(self, (a) => `${a}.initiative_id in (${councilInitiatives(c)})`, c)
      : NOTHING(),
  InitiativeTask: ({ councilIds: c }, self) =>
    c.length
      ? {
          clientVisible: true,
          ...where(self, (a) => `${a}.initiative_id in (${councilInitiatives(c)})`, c),
        }
      : NOTHING(),
  CouncilReview: ({ councilIds: c }, self) =>
    c.length
      ? {
          council: { $in: c },
          ...where(self, (a) => `${a}.initiative_id in (${councilInitiatives(c)})`, c),
        }
      : NOTHING(),
  ClientNotification: ({ councilIds: c }, self) =>
    c.length
      ? where(
          self,
          (a) =>
            `${a}.account_id in (${councilAccounts(c)}) and ${a}.initiative_id in (${councilInitiatives(c)})`,
          [...c, ...c],
        )
      : NOTHING(),
  InboxEntry: ({ userId }) => anyOf([userId !== null && { recipientUser: userId }]),
  User: ({ userId }) => anyOf([userId !== null && { id: userId }]),
};

/**
 * A department member: the department's tasks, the initiatives they belong to (and their
 * revisions and owners), the department's people, its own and the department's inbox, and
 * the reference data a department works with (departments, process classes, touchpoints).
 */
export const departmentRows: Record<string, (s: DepartmentScope, self: Self) => Condition> = {
  Department: () => ({}),
  ProcessClass: () => ({}),
  Touchpoint: () => ({}),
  InitiativeTask: ({ departmentId: d }) => anyOf([d !== null && { department: d }]),
  Initiative: ({ departmentId: d }, self) =>
    anyOf([d !== null && where(self, (a) => `${a}.id in (${departmentInitiatives})`, [d])]),
  InitiativeRevision: ({ departmentId: d }, self) =>
    anyOf([
      d !== null && where(self, (a) => `${a}.initiative_id in (${departmentInitiatives})`, [d]),
    ]),
  InboxEntry: ({ departmentId: d, userId }) =>
    anyOf([userId !== null && { recipientUser: userId }, d !== null && { recipientDepartment: d }]),
  // Cases: the department's, and those handed to the member personally …
  FeedbackCase: ({ departmentId: d, userId }) =>
    anyOf([d !== null && { department: d }, userId !== null && { owner: userId }]),
  // … and what acting on one needs: the feedback behind it, who gave it and their account.
  FeedbackItem: ({ departmentId: d, userId }, self) =>
    anyOf([
      (d !== null || userId !== null) &&
        where(self, (a) => `${a}.id in (${caseColumn('feedback_id')})`, [d, userId]),
    ]),
  Contact: ({ departmentId: d, userId }, self) =>
    anyOf([
      (d !== null || userId !== null) &&
        where(
          self,
          (a) =>
            `${a}.id in (select cf.contact_id from feedback_item cf where cf.id in (${caseColumn('feedback_id')}))`,
          [d, userId],
        ),
    ]),
  ClientAccount: ({ departmentId: d, userId }, self) =>
    anyOf([
      (d !== null || userId !== null) &&
        where(self, (a) => `${a}.id in (${caseColumn('account_id')})`, [d, userId]),
    ]),
  User: ({ departmentId: d, userId }, self) =>
    anyOf([
      userId !== null && { id: userId },
      d !== null && { department: d },
      d !== null &&
        where(
          self,
          (a) =>
            `${a}.id in (select oi.owner_id from initiative oi where oi.id in (${departmentInitiatives}))`,
          [d],
        ),
    ]),
};
