import type { Em } from '../../db/orm.js';
import { RespondentClass } from '../client/client.enums.js';
import { raw, shiftMonth, Sql, sql } from '../maturity/maturity.evidence.js';
import { LIVE_ACCOUNT } from './period-figures.js';
import { monthStart, readDate, readNumber } from './monitor.window.js';

export const RESPONDENT_CLASSES = [
  RespondentClass.ECONOMIC_BUYER,
  RespondentClass.TECHNICAL_BUYER,
  RespondentClass.OPERATOR,
] as const;

const alias = (c: RespondentClass) => c.toLowerCase();

/** Which classes gave feedback for one account in [start, end): a 0/1 column per class. */
const heard = (start: Date, end: Date) =>
  RESPONDENT_CLASSES.map(
    (c) =>
      sql`case when exists (select 1 from feedback_item f where f.account_id = a.id
        and f.respondent_class = ${c} and f.received_at >= ${start} and f.received_at < ${end})
        then 1 else 0 end as ${raw(alias(c))}`,
  );

export interface CoverageScope {
  periodFrom: string;
  periodTo: string;
  accountId?: string | null;
  segmentId?: string | null;
}

export interface CoverageFigures {
  periodFrom: string;
  periodTo: string;
  accounts: number;
  revenue: number;
  fullyCovered: number;
  fullAccountShare: number;
  fullRevenueShare: number;
  classes: {
    respondentClass: RespondentClass;
    accountsHeard: number;
    accountShare: number;
    revenueShare: number;
  }[];
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/**
 * Respondent coverage of the months [periodFrom, periodTo] over the live accounts (all, one
 * segment's or one), as a share of accounts and of their revenue in those months — one
 * aggregate statement over a per-account derived table.
 */
export async function coverageOf(em: Em, scope: CoverageScope): Promise<CoverageFigures> {
  const start = monthStart(scope.periodFrom);
  const end = monthStart(shiftMonth(scope.periodTo, 1));
  const where: Sql[] = [LIVE_ACCOUNT];
  if (scope.accountId) where.push(sql`a.id = ${scope.accountId}`);
  if (scope.segmentId) where.push(sql`a.segment_id = ${scope.segmentId}`);
  const cls = RESPONDENT_CLASSES.map(alias);
  const all = cls.map((c) => `x.${c} = 1`).join(' and ');
  const perClass = cls
    .map(
      (c) =>
        `sum(x.${c}) as ${c}_n, sum(case when x.${c} = 1 then x.revenue else 0 end) as ${c}_rev`,
    )
    .join(', ');
  const [h0, h1, h2] = heard(start, end) as [Sql, Sql, Sql];
  const whereSql = new Sql(
    where.map((w) => w.text).join(' and '),
    where.flatMap((w) => [...w.params]),
  );
  const inner = sql`select a.id,
      (select coalesce(sum(t.revenue), 0) from transactional_figures t where t.account_id = a.id
        and t.period >= ${scope.periodFrom} and t.period <= ${scope.periodTo}) as revenue,
      ${h0}, ${h1}, ${h2}
    from client_account a where ${whereSql}`;
  const q = sql`select count(*) as accounts, coalesce(sum(x.revenue), 0) as revenue,
      sum(case when ${raw(all)} then 1 else 0 end) as full_n,
      sum(case when ${raw(all)} then x.revenue else 0 end) as full_rev, ${raw(perClass)}
    from (${inner}) x`;
  const [row = {}] = await em.execute<Record<string, unknown>[]>(q.text, [...q.params]);
  const n = (k: string) => readNumber(row[k]) ?? 0;
  const accounts = n('accounts');
  const revenue = n('revenue');
  return {
    periodFrom: scope.periodFrom,
    periodTo: scope.periodTo,
    accounts,
    revenue,
    fullyCovered: n('full_n'),
    fullAccountShare: share(n('full_n'), accounts),
    fullRevenueShare: share(n('full_rev'), revenue),
    classes: RESPONDENT_CLASSES.map((c) => ({
      respondentClass: c,
      accountsHeard: n(`${alias(c)}_n`),
      accountShare: share(n(`${alias(c)}_n`), accounts),
      revenueShare: share(n(`${alias(c)}_rev`), revenue),
    })),
  };
}

/** An account's respondent class not heard from since `since` (or ever). */
export interface CoverageGap {
  accountId: string;
  ownerId: string | null;
  respondentClass: RespondentClass;
  lastHeardAt: Date | null;
  /** Active contacts of that class the account has (0: nobody to invite). */
  contacts: number;
}

/**
 * Every live account, older than the gap, with a respondent class that gave no feedback since
 * `since`: one statement (accounts × the three classes).
 */
export async function coverageGaps(em: Em, since: Date): Promise<CoverageGap[]> {
  const classes = raw(RESPONDENT_CLASSES.map((c) => `select '${c}' as cls`).join(' union all '));
  const q = sql`select a.id as "accountId", a.owner_id as "ownerId", rc.cls as "respondentClass",
      (select max(f.received_at) from feedback_item f where f.account_id = a.id
        and f.respondent_class = rc.cls) as "lastHeardAt",
      (select count(*) from contact c where c.account_id = a.id and c.respondent_class = rc.cls
        and c.active = ${true} and c.erased_at is null) as contacts
    from client_account a cross join (${classes}) rc
    where ${LIVE_ACCOUNT} and a.created_at <= ${since}
      and not exists (select 1 from feedback_item f where f.account_id = a.id
        and f.respondent_class = rc.cls and f.received_at >= ${since})
    order by a.id, rc.cls`;
  const rows = await em.execute<Record<string, unknown>[]>(q.text, [...q.params]);
  return rows.map((r) => ({
    accountId: String(r.accountId),
    ownerId: r.ownerId ? String(r.ownerId) : null,
    respondentClass: String(r.respondentClass) as RespondentClass,
    lastHeardAt: readDate(r.lastHeardAt),
    contacts: readNumber(r.contacts) ?? 0,
  }));
}

export interface SilentKeyContact {
  contactId: string;
  accountId: string;
  ownerId: string | null;
  respondentClass: RespondentClass;
  lastAnsweredAt: Date | null;
}

/** Key contacts (active, not erased, known since before `since`) with no feedback since `since`. */
export async function silentKeyContacts(em: Em, since: Date): Promise<SilentKeyContact[]> {
  const q = sql`select c.id as "contactId", c.account_id as "accountId", a.owner_id as "ownerId",
      c.respondent_class as "respondentClass",
      (select max(f.received_at) from feedback_item f where f.contact_id = c.id) as "lastAnsweredAt"
    from contact c join client_account a on a.id = c.account_id
    where c.is_key = ${true} and c.active = ${true} and c.erased_at is null and ${LIVE_ACCOUNT}
      and c.created_at <= ${since}
      and not exists (select 1 from feedback_item f where f.contact_id = c.id and f.received_at >= ${since})
    order by c.id`;
  const rows = await em.execute<Record<string, unknown>[]>(q.text, [...q.params]);
  return rows.map((r) => ({
    contactId: String(r.contactId),
    accountId: String(r.accountId),
    ownerId: r.ownerId ? String(r.ownerId) : null,
    respondentClass: String(r.respondentClass) as RespondentClass,
    lastAnsweredAt: readDate(r.lastAnsweredAt),
  }));
}
