import { fakerEN, fakerRU } from '@faker-js/faker';
import { uuidv7 } from '../db/ids.js';
import type { AdvisoryCouncil } from '../modules/client/advisory-council.entity.js';
import {
  AccountStatus,
  AccountTier,
  CompanySize,
  CouncilRole,
  RespondentClass,
} from '../modules/client/client.enums.js';
import type { Contact } from '../modules/client/contact.entity.js';
import type { CouncilMember } from '../modules/client/council-member.entity.js';
import type { Segment } from '../modules/client/segment.entity.js';
import { UserRole } from '../modules/organisation/organisation.enums.js';
import type { User } from '../modules/organisation/user.entity.js';
import type { PivotRow, Row } from './dataset.js';
import { addDays, slug, type AccountModel, type GenContext } from './context.js';
import { churnProbability, drawLatent } from './model.js';

const { ECONOMIC_BUYER: ECO, TECHNICAL_BUYER: TECH, OPERATOR: OPR } = RespondentClass;

interface SegmentSpec {
  code: string;
  name: string;
  industry: string;
  size: CompanySize;
  share: number;
  satisfactionOffset: number;
  tiers: [AccountTier, number][];
  ruRoots: string[];
  enWords: string[];
}

// prettier-ignore
export const SEGMENTS: SegmentSpec[] = [
  { code: 'CHEM_LARGE', name: 'Chemicals — large producers', industry: 'Chemicals', size: CompanySize.LARGE, share: 0.2, satisfactionOffset: 0.1,
    tiers: [[AccountTier.ENTERPRISE, 0.7], [AccountTier.MID_MARKET, 0.3]], ruRoots: ['Химпром', 'Полимер', 'Азот', 'Синтез', 'Реактив', 'Нефтехим'], enWords: ['Chemicals', 'Polymers', 'Chemie'] },
  { code: 'FOOD_MEDIUM', name: 'Food production — mid-size', industry: 'Food production', size: CompanySize.MEDIUM, share: 0.35, satisfactionOffset: 0,
    tiers: [[AccountTier.ENTERPRISE, 0.15], [AccountTier.MID_MARKET, 0.6], [AccountTier.SMB, 0.25]], ruRoots: ['Агро', 'Молпродукт', 'Хлебозавод', 'Кондитер', 'Мясокомбинат', 'Продукт'], enWords: ['Foods', 'Dairy', 'Bakeries'] },
  { code: 'CONSTR_SMALL', name: 'Construction — small firms', industry: 'Construction', size: CompanySize.SMALL, share: 0.3, satisfactionOffset: -0.2,
    tiers: [[AccountTier.MID_MARKET, 0.15], [AccountTier.SMB, 0.85]], ruRoots: ['Стройдеталь', 'Бетон', 'Стройматериалы', 'Монолит', 'Фасад', 'Кровля'], enWords: ['Construction', 'Building', 'Concrete'] },
  { code: 'DISTRIBUTORS', name: 'Distributors & dealers', industry: 'Distribution', size: CompanySize.MEDIUM, share: 0.15, satisfactionOffset: 0.05,
    tiers: [[AccountTier.ENTERPRISE, 0.1], [AccountTier.MID_MARKET, 0.5], [AccountTier.SMB, 0.4]], ruRoots: ['Снаб', 'Торг', 'Дистрибуция', 'Комплект', 'Трейд'], enWords: ['Trading', 'Distribution', 'Supply'] },
];

const CITY_ROOTS = [
  'Урал',
  'Волга',
  'Сибирь',
  'Кама',
  'Невский',
  'Дон',
  'Север',
  'Алтай',
  'Балтик',
  'Ока',
];
const TIER_VOLUME: Record<AccountTier, number> = { ENTERPRISE: 3, MID_MARKET: 1.5, SMB: 1 };

// prettier-ignore
const POSITIONS: Record<RespondentClass, [string, string][]> = {
  [ECO]: [['Генеральный директор', 'Chief Executive Officer'], ['Финансовый директор', 'Chief Financial Officer'], ['Директор по закупкам', 'Procurement Director'], ['Коммерческий директор', 'Commercial Director']],
  [TECH]: [['Начальник ОТК', 'Head of Quality Control'], ['Главный технолог', 'Chief Technologist'], ['Руководитель лаборатории', 'Laboratory Manager'], ['Главный инженер', 'Chief Engineer']],
  [OPR]: [['Кладовщик', 'Warehouse Supervisor'], ['Специалист по закупкам', 'Buyer'], ['Оператор линии', 'Line Operator'], ['Бухгалтер', 'Accountant'], ['Логист', 'Logistics Coordinator']],
};

function person(locale: 'ru' | 'en', female: boolean): { first: string; last: string } {
  const f = locale === 'ru' ? fakerRU : fakerEN;
  const sex = female ? 'female' : 'male';
  return { first: f.person.firstName(sex), last: f.person.lastName(sex) };
}

export function generateUsers(ctx: GenContext): Row<User>[] {
  const rows: Row<User>[] = [];
  const mk = (role: UserRole, department: string, n: number): Row<User>[] =>
    Array.from({ length: n }, () => {
      const { first, last } = person('ru', ctx.rng.chance(0.5));
      const index = rows.length + 1;
      const row: Row<User> = {
        id: uuidv7(),
        email: `${slug(first)}.${slug(last)}.${index}${ctx.tag}@demo-hub.example`,
        name: `${first} ${last}`,
        role,
        department: ctx.ref('departments', department),
        locale: 'ru',
        active: true,
        createdAt: ctx.windowStart,
        updatedAt: ctx.windowStart,
      };
      rows.push(row);
      return row;
    });
  ctx.users.cx.push(
    ...mk(UserRole.CX_ADMIN, 'CX_OFFICE', 1),
    ...mk(UserRole.CX_MANAGER, 'CX_OFFICE', 3),
  );
  ctx.users.sales.push(...mk(UserRole.DEPARTMENT_MEMBER, 'SALES', Math.ceil(15 * ctx.scale)));
  for (const dept of [
    'MARKETING',
    'ACCOUNTING',
    'PROCUREMENT',
    'LOGISTICS',
    'QUALITY',
    'SERVICE',
    'PRODUCTION',
    'LEGAL',
    'IT',
  ]) {
    ctx.users.byDepartment.set(dept, mk(UserRole.DEPARTMENT_MEMBER, dept, 2));
  }
  ctx.users.byDepartment.set('CX_OFFICE', ctx.users.cx);
  ctx.users.byDepartment.set('SALES', ctx.users.sales);
  return rows;
}

export function generateSegments(ctx: GenContext): Row<Segment>[] {
  return SEGMENTS.map((s) => {
    const id = uuidv7();
    ctx.segmentIds.set(s.code, id);
    return {
      id,
      code: `${s.code}${ctx.tag}`,
      name: s.name,
      industry: s.industry,
      size: s.size,
      description: null,
      createdAt: ctx.windowStart,
      updatedAt: ctx.windowStart,
    };
  });
}

function companyName(ctx: GenContext, seg: SegmentSpec, locale: 'ru' | 'en'): string {
  const { rng } = ctx;
  if (locale === 'en') {
    return `${fakerEN.person.lastName()} ${rng.pick(seg.enWords)} ${rng.pick(['GmbH', 'Ltd', 'LLC', 'S.A.', 'A.Ş.', 'Sp. z o.o.'])}`;
  }
  const form = rng.weighted([
    ['ООО', 6],
    ['АО', 3],
    ['ПАО', 1],
  ] as const);
  const root = rng.chance(0.5)
    ? `${rng.pick(CITY_ROOTS)}${rng.pick(seg.ruRoots).toLowerCase()}`
    : `${rng.pick(seg.ruRoots)}-${rng.pick(CITY_ROOTS)}`;
  return `${form} «${root}»`;
}

export function generateAccounts(ctx: GenContext): void {
  const total = Math.round(300 * ctx.scale);
  const { rng } = ctx;
  for (let i = 0; i < total; i++) {
    const seg = rng.weighted(SEGMENTS.map((s) => [s, s.share] as const));
    const locale: 'ru' | 'en' = rng.chance(0.72) ? 'ru' : 'en';
    const tier = rng.weighted(seg.tiers);
    const latent = drawLatent(rng, seg.satisfactionOffset);
    // One draw, as the fixed 2% draw before it: only which accounts churn changes.
    const status = rng.chance(churnProbability(latent.latent))
      ? AccountStatus.CHURNED
      : latent.latent < -1.4
        ? AccountStatus.AT_RISK
        : AccountStatus.ACTIVE;
    const since = new Date(
      Date.UTC(rng.int(2008, ctx.anchor.getUTCFullYear() - 2), rng.int(0, 11), rng.int(1, 28)),
    );
    const name = companyName(ctx, seg, locale);
    const model: AccountModel = {
      ...latent,
      segmentCode: seg.code,
      locale,
      volume: TIER_VOLUME[tier] * rng.float(0.6, 1.4),
      councilId: undefined,
      contacts: [],
      row: {
        id: uuidv7(),
        externalId: `CRM-${String(10001 + i).padStart(6, '0')}${ctx.tag}`,
        name,
        segment: ctx.segmentIds.get(seg.code)!,
        tier,
        status,
        owner: rng.pick(ctx.users.sales).id,
        country:
          locale === 'ru'
            ? rng.weighted([
                ['RU', 8],
                ['KZ', 1],
                ['BY', 1],
              ] as const)
            : rng.pick(['DE', 'PL', 'TR', 'AE', 'RS', 'UZ']),
        clientSince: since.toISOString().slice(0, 10),
        createdAt: ctx.windowStart,
        updatedAt: ctx.windowStart,
      },
    };
    ctx.accounts.push(model);
  }
}

/** ≈1,000 contacts per 300 accounts; 90% of accounts have all three respondent classes. */
export function generateContacts(ctx: GenContext): Row<Contact>[] {
  const { rng } = ctx;
  const rows: Row<Contact>[] = [];
  const target = Math.round(1000 * ctx.scale);
  const add = (a: AccountModel, cls: RespondentClass) => {
    const locale = rng.chance(0.9) ? a.locale : a.locale === 'ru' ? 'en' : 'ru';
    const { first, last } = person(locale, rng.chance(0.45));
    const [posRu, posEn] = rng.pick(POSITIONS[cls]);
    const domain = `${slug(String(a.row.name)).replace(/^(ooo|ao|pao)-/, '') || 'client'}-${String(a.row.externalId).slice(4, 10)}.example`;
    const row: Row<Contact> = {
      id: uuidv7(),
      externalId: `CRM-P-${String(rows.length + 1).padStart(7, '0')}${ctx.tag}`,
      account: a.row.id,
      name: `${first} ${last}`,
      email: rng.chance(0.94) ? `${slug(first)}.${slug(last)}.${rows.length + 1}@${domain}` : null,
      phone: (locale === 'ru' ? fakerRU : fakerEN).phone.number(),
      position: locale === 'ru' ? posRu : posEn,
      respondentClass: cls,
      locale,
      active: rng.chance(0.96),
      createdAt: ctx.windowStart,
      updatedAt: ctx.windowStart,
    };
    rows.push(row);
    a.contacts.push(row);
  };
  for (const a of ctx.accounts) {
    const classes = rng.chance(0.9) ? [ECO, TECH, OPR] : rng.sample([ECO, TECH, OPR], 2);
    for (const cls of classes) add(a, cls);
  }
  const weights = ctx.accounts.map((a) => [a, a.volume] as const);
  while (rows.length < target) {
    add(
      rng.weighted(weights),
      rng.weighted([
        [OPR, 5],
        [TECH, 3],
        [ECO, 2],
      ] as const),
    );
  }
  return rows;
}

export interface CouncilRows {
  councils: Row<AdvisoryCouncil>[];
  councilAccounts: PivotRow[];
  councilMembers: Row<CouncilMember>[];
}

/** Client advisory councils of the largest accounts, one per big segment. */
export function generateCouncils(ctx: GenContext): CouncilRows {
  const out: CouncilRows = { councils: [], councilAccounts: [], councilMembers: [] };
  // prettier-ignore
  const specs: [string, string, string[], number][] = [
    ['Совет ключевых клиентов: химия', 'Key accounts in chemicals review our delivery, quality and documents.', ['CHEM_LARGE'], 8],
    ['Food & distribution advisory council', 'Food producers and distributors confirm changes to ordering and logistics.', ['FOOD_MEDIUM', 'DISTRIBUTORS'], 8],
    ['Партнёрский совет строительного сегмента', 'Construction clients review pricing and the portal.', ['CONSTR_SMALL'], 6],
  ];
  for (const [name, description, segments, size] of specs) {
    const candidates = ctx.accounts
      .filter(
        (a) =>
          segments.includes(a.segmentCode) &&
          !a.councilId &&
          a.row.status !== AccountStatus.CHURNED,
      )
      .sort((x, y) => y.volume - x.volume)
      .slice(0, Math.round(size * Math.sqrt(ctx.scale)));
    const council: Row<AdvisoryCouncil> = {
      id: uuidv7(),
      name: `${name}${ctx.tag}`,
      description,
      createdAt: addDays(ctx.windowStart, 10),
      updatedAt: addDays(ctx.windowStart, 10),
    };
    out.councils.push(council);
    let chair = true;
    for (const a of candidates) {
      a.councilId = council.id;
      out.councilAccounts.push({ ownerId: council.id, targetId: a.row.id });
      for (const c of a.contacts.filter((c) => c.respondentClass !== OPR).slice(0, 2)) {
        out.councilMembers.push({
          id: uuidv7(),
          council: council.id,
          contact: c.id,
          user: null,
          role: chair ? CouncilRole.CHAIR : CouncilRole.MEMBER,
          createdAt: addDays(ctx.windowStart, 10),
        });
        chair = false;
      }
    }
  }
  return out;
}
