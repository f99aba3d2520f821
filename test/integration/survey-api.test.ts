import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { cronError } from '../../server/src/modules/survey/cron.js';
import { Questionnaire } from '../../server/src/modules/survey/questionnaire.entity.js';
import { SurveyCampaign } from '../../server/src/modules/survey/survey-campaign.entity.js';
import { ValueFactor } from '../../server/src/modules/value/value-factor.entity.js';
import { ValueTier } from '../../server/src/modules/value/value.enums.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { createAccount } from '../fixtures/factories.js';

const CREATE_Q = `mutation($input: CreateQuestionnaireInput!) { createQuestionnaire(input: $input) { id code version title active targetRespondentClasses questions { key type text textRu factorCode metricCode } } }`;
const CREATE_C = `mutation($input: CreateSurveyCampaignInput!) { createSurveyCampaign(input: $input) { id name status scheduleKind cron triggerEvent targetRespondentClasses questionnaire { code version } segment { id } } }`;
const UPDATE_C = `mutation($id: ID!, $input: UpdateSurveyCampaignInput!) { updateSurveyCampaign(id: $id, input: $input) { id status scheduleKind cron triggerEvent endsAt } }`;
const question = (key: string, over: Record<string, unknown> = {}) => ({
  key,
  type: 'SCALE',
  text: `How do you rate ${key}?`,
  ...over,
});

describe('cron syntax check', () => {
  it.each([
    '0 9 * * 1',
    '*/15 8-18 * * MON-FRI',
    '0 0 1 1,4,7,10 *',
    '30 6 1-7 * 0',
    '0 12 * JAN-MAR 7',
  ])('accepts "%s"', (cron) => {
    expect(cronError(cron)).toBeNull();
  });
  it.each([
    ['0 9 * *', /5 fields/],
    ['60 9 * * *', /field 1 \(minute\)/],
    ['0 24 * * *', /field 2 \(hour\)/],
    ['0 9 0 * *', /field 3 \(day of month\)/],
    ['0 9 * 13 *', /field 4 \(month\)/],
    ['0 9 * * 8', /field 5 \(day of week\)/],
    ['0 9 * * FRI-MON', /field 5/],
    ['*/0 * * * *', /field 1/],
    ['@daily', /5 fields/],
  ])('refuses "%s"', (cron, message) => {
    expect(cronError(cron)).toMatch(message);
  });
});

describeEachDatabase('questionnaires and survey campaigns', (getOrm) => {
  let api: TestApi;
  let segmentGid: string;
  let qId: string;

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    const { account } = await createAccount(getOrm());
    segmentGid = toGlobalId('Segment', account.segment.id);
    const em = getOrm().em.fork();
    em.create(ValueFactor, {
      code: 'reliability',
      name: 'Reliability',
      tier: ValueTier.FUNCTIONAL,
    });
    await em.flush();
  });
  afterAll(() => api.stop());

  const count = (entity: new () => object) =>
    getOrm()
      .em.fork()
      .count(entity as never, {});

  it('creates a questionnaire and versions it under the same code', async () => {
    const v1 = await api.execute(CREATE_Q, {
      input: {
        code: 'relationship',
        title: 'Relationship survey',
        targetRespondentClasses: ['ECONOMIC_BUYER'],
        questions: [
          question('nps', { type: 'NPS' }),
          question('reliability', { factorCode: 'reliability', textRu: 'Надёжность?' }),
        ],
      },
    });
    expect(v1.errors).toBeUndefined();
    expect(v1.data!.createQuestionnaire).toMatchObject({
      code: 'relationship',
      version: 1,
      active: true,
      targetRespondentClasses: ['ECONOMIC_BUYER'],
    });
    expect(v1.data!.createQuestionnaire.questions[1]).toEqual({
      key: 'reliability',
      type: 'SCALE',
      text: 'How do you rate reliability?',
      textRu: 'Надёжность?',
      factorCode: 'reliability',
      metricCode: null,
    });
    const v2 = await api.execute(CREATE_Q, {
      input: {
        code: 'relationship',
        title: 'Relationship survey 2',
        targetRespondentClasses: ['ECONOMIC_BUYER', 'OPERATOR'],
        questions: [question('nps', { type: 'NPS' })],
      },
    });
    expect(v2.data!.createQuestionnaire).toMatchObject({ version: 2, active: true });
    qId = v2.data!.createQuestionnaire.id;
    await api.execute(CREATE_Q, {
      input: {
        code: 'delivery',
        title: 'After delivery',
        targetRespondentClasses: ['OPERATOR'],
        questions: [question('ces', { type: 'CES' })],
      },
    });
    const list = await api.execute(
      `{ questionnaires { totalCount nodes { code version active } } active: questionnaires(filter: { active: true, search: "RELATIONSHIP" }) { nodes { version } } }`,
    );
    expect(list.data!.questionnaires.nodes).toEqual([
      { code: 'delivery', version: 1, active: true },
      { code: 'relationship', version: 2, active: true },
      { code: 'relationship', version: 1, active: false },
    ]);
    expect(list.data!.active.nodes).toEqual([{ version: 2 }]);
    const read = await api.execute(
      `query($id: ID!) { questionnaire(id: $id) { title } node(id: $id) { id } }`,
      { id: v1.data!.createQuestionnaire.id },
    );
    expect(read.data!.questionnaire.title).toBe('Relationship survey');
    const audits = await getOrm().em.fork().find(AuditEvent, { action: 'createQuestionnaire' });
    expect(audits.filter((a) => a.before === null)).toHaveLength(3);
    expect(audits.find((a) => a.before !== null)!.after).toMatchObject({
      version: 1,
      active: false,
    });
  });

  describe('refuses a bad questionnaire with a typed error and writes nothing', () => {
    const cases: { name: string; input: () => Record<string, unknown>; message: RegExp }[] = [
      {
        name: 'repeated question keys',
        input: () => ({ questions: [question('a'), question('b'), question('a')] }),
        message: /questions\[2\]\.key "a" is used by an earlier question/,
      },
      {
        name: 'no questions',
        input: () => ({ questions: [] }),
        message: /questions must contain 1 to 100 questions/,
      },
      {
        name: '101 questions',
        input: () => ({ questions: Array.from({ length: 101 }, (_, i) => question(`q${i}`)) }),
        message: /questions must contain 1 to 100 questions/,
      },
      {
        name: 'a question text over 1000 characters',
        input: () => ({ questions: [question('a', { text: 'x'.repeat(1001) })] }),
        message: /text must be 1 to 1000 characters/,
      },
      {
        name: 'an empty question text',
        input: () => ({ questions: [question('a', { text: '' })] }),
        message: /text must be 1 to 1000 characters/,
      },
      {
        name: 'an unknown question type',
        input: () => ({ questions: [question('a', { type: 'STARS' })] }),
        message: /QuestionType/,
      },
      {
        name: 'a malformed key',
        input: () => ({ questions: [question('Bad Key')] }),
        message: /key must be 1 to 64 lower-case/,
      },
      {
        name: 'an unknown factor code',
        input: () => ({ questions: [question('a', { factorCode: 'nope' })] }),
        message: /questions\[0\]\.factorCode "nope" names no known value factor/,
      },
      {
        name: 'no respondent classes',
        input: () => ({ targetRespondentClasses: [] }),
        message: /targetRespondentClasses must name at least one/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const before = [await count(Questionnaire), await count(AuditEvent)];
        const res = await api.execute(CREATE_Q, {
          input: {
            code: 'bad',
            title: 'Bad',
            targetRespondentClasses: ['OPERATOR'],
            questions: [question('a')],
            ...c.input(),
          },
        });
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect([await count(Questionnaire), await count(AuditEvent)]).toEqual(before);
      });
    }
  });

  it('creates calendar and trigger campaigns in DRAFT and lists them with filters', async () => {
    const cal = await api.execute(CREATE_C, {
      input: {
        name: 'Quarterly relationship',
        questionnaireId: qId,
        scheduleKind: 'CALENDAR',
        cron: '0 9 1 1,4,7,10 *',
        targetRespondentClasses: ['ECONOMIC_BUYER'],
        segmentId: segmentGid,
      },
    });
    expect(cal.errors).toBeUndefined();
    expect(cal.data!.createSurveyCampaign).toMatchObject({
      status: 'DRAFT',
      cron: '0 9 1 1,4,7,10 *',
      triggerEvent: null,
      questionnaire: { code: 'relationship', version: 2 },
      segment: { id: segmentGid },
    });
    const trig = await api.execute(CREATE_C, {
      input: {
        name: 'After delivery',
        questionnaireId: qId,
        scheduleKind: 'TRIGGER',
        triggerEvent: 'ORDER_DELIVERED',
        targetRespondentClasses: ['OPERATOR', 'OPERATOR'],
      },
    });
    expect(trig.data!.createSurveyCampaign).toMatchObject({
      cron: null,
      triggerEvent: 'ORDER_DELIVERED',
      targetRespondentClasses: ['OPERATOR'],
      segment: null,
    });
    const list = await api.execute(
      `query($s: ID!) { all: surveyCampaigns(orderBy: { field: NAME, direction: ASC }) { nodes { name } } trig: surveyCampaigns(filter: { scheduleKind: TRIGGER }) { nodes { name } } seg: surveyCampaigns(filter: { segmentId: $s, statuses: [DRAFT], search: "quarterly" }) { totalCount } }`,
      { s: segmentGid },
    );
    expect(list.data!.all.nodes.map((n: any) => n.name)).toEqual([
      'After delivery',
      'Quarterly relationship',
    ]);
    expect(list.data!.trig.nodes).toEqual([{ name: 'After delivery' }]);
    expect(list.data!.seg.totalCount).toBe(1);
  });

  it('moves a campaign DRAFT → ACTIVE → PAUSED → ACTIVE → FINISHED and then freezes it', async () => {
    const id = (
      await api.execute(CREATE_C, {
        input: {
          name: 'Lifecycle',
          questionnaireId: qId,
          scheduleKind: 'CALENDAR',
          cron: '0 9 * * 1',
          targetRespondentClasses: ['OPERATOR'],
        },
      })
    ).data!.createSurveyCampaign.id;
    const skipped = await api.execute(UPDATE_C, { id, input: { status: 'PAUSED' } });
    expect(skipped.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(skipped.errors?.[0]?.message).toBe('A DRAFT campaign can become ACTIVE, not PAUSED.');
    for (const status of ['ACTIVE', 'PAUSED', 'ACTIVE', 'FINISHED']) {
      const res = await api.execute(UPDATE_C, { id, input: { status } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateSurveyCampaign.status).toBe(status);
    }
    const frozen = await api.execute(UPDATE_C, { id, input: { name: 'Renamed' } });
    expect(frozen.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(frozen.errors?.[0]?.message).toMatch(/is finished and can no longer change/);
    const audits = await getOrm()
      .em.fork()
      .find(AuditEvent, {
        action: 'updateSurveyCampaign',
        entityId: (await getOrm().em.fork().findOneOrFail(SurveyCampaign, { name: 'Lifecycle' }))
          .id,
      });
    expect(audits.map((a) => `${a.before?.status}->${a.after?.status}`).sort()).toEqual([
      'ACTIVE->FINISHED',
      'ACTIVE->PAUSED',
      'DRAFT->ACTIVE',
      'PAUSED->ACTIVE',
    ]);
  });

  it('switching a campaign to TRIGGER clears its cron', async () => {
    const id = (
      await api.execute(CREATE_C, {
        input: {
          name: 'Switch',
          questionnaireId: qId,
          scheduleKind: 'CALENDAR',
          cron: '0 9 * * 1',
          targetRespondentClasses: ['OPERATOR'],
        },
      })
    ).data!.createSurveyCampaign.id;
    const res = await api.execute(UPDATE_C, {
      id,
      input: { scheduleKind: 'TRIGGER', triggerEvent: 'CLAIM_CLOSED' },
    });
    expect(res.data!.updateSurveyCampaign).toMatchObject({
      scheduleKind: 'TRIGGER',
      cron: null,
      triggerEvent: 'CLAIM_CLOSED',
    });
  });

  describe('refuses a bad campaign with a typed error and writes nothing', () => {
    const good = () => ({
      name: 'C',
      questionnaireId: qId,
      scheduleKind: 'CALENDAR',
      cron: '0 9 * * 1',
      targetRespondentClasses: ['OPERATOR'],
    });
    const cases: {
      name: string;
      input: () => Record<string, unknown>;
      code: string;
      message: RegExp;
    }[] = [
      {
        name: 'a calendar campaign without cron',
        input: () => ({ ...good(), cron: null }),
        code: 'BAD_USER_INPUT',
        message: /CALENDAR campaign needs a cron expression/,
      },
      {
        name: 'a cron with four fields',
        input: () => ({ ...good(), cron: '0 9 * *' }),
        code: 'BAD_USER_INPUT',
        message: /cron must have 5 fields/,
      },
      {
        name: 'a cron hour of 25',
        input: () => ({ ...good(), cron: '0 25 * * *' }),
        code: 'BAD_USER_INPUT',
        message: /cron field 2 \(hour\) "25" is not valid/,
      },
      {
        name: 'a trigger campaign without event',
        input: () => ({ ...good(), scheduleKind: 'TRIGGER', cron: null }),
        code: 'BAD_USER_INPUT',
        message: /TRIGGER campaign needs a triggerEvent/,
      },
      {
        name: 'a trigger campaign with a cron',
        input: () => ({ ...good(), scheduleKind: 'TRIGGER', triggerEvent: 'CLAIM_CLOSED' }),
        code: 'BAD_USER_INPUT',
        message: /takes no cron expression/,
      },
      {
        name: 'no respondent classes',
        input: () => ({ ...good(), targetRespondentClasses: [] }),
        code: 'BAD_USER_INPUT',
        message: /targetRespondentClasses must name at least one/,
      },
      {
        name: 'an end before the start',
        input: () => ({
          ...good(),
          startsAt: '2026-03-01T00:00:00Z',
          endsAt: '2026-02-01T00:00:00Z',
        }),
        code: 'BAD_USER_INPUT',
        message: /endsAt must be after startsAt/,
      },
      {
        name: 'an unknown questionnaire',
        input: () => ({
          ...good(),
          questionnaireId: toGlobalId('Questionnaire', '01a20000-0000-7000-8000-000000000000'),
        }),
        code: 'NOT_FOUND',
        message: /No questionnaire matches questionnaireId\./,
      },
      {
        name: 'a segment id that is not a segment',
        input: () => ({ ...good(), segmentId: qId }),
        code: 'BAD_USER_INPUT',
        message: /segmentId is not a valid Segment id/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const before = [await count(SurveyCampaign), await count(AuditEvent)];
        const res = await api.execute(CREATE_C, { input: c.input() });
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect([await count(SurveyCampaign), await count(AuditEvent)]).toEqual(before);
      });
    }
  });
});
