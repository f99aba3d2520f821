import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedReferenceData } from '../../server/src/demo/reference-data.js';
import { MaturityAssessment } from '../../server/src/modules/maturity/maturity-assessment.entity.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { createAccount } from '../fixtures/factories.js';
import { createUser } from '../fixtures/initiative-factories.js';

const MATURITY = `{ maturity { processGroup level evaluatedAt
  criteria { code level met figure threshold } missingForNextLevel { code level figure }
  manual { level } computed { level } } }`;

interface Group {
  processGroup: string;
  level: number;
  criteria: { code: string; level: number; met: boolean; figure: string; threshold: string }[];
  missingForNextLevel: { code: string; level: number; figure: string }[];
}

describeEachDatabase('The maturity query', (getOrm) => {
  let api: TestApi;

  beforeAll(async () => {
    await getOrm()
      .em.fork()
      .transactional((em) => seedReferenceData(em));
    api = await createTestApi(getOrm());
  });
  afterAll(() => api.stop());

  const group = async (name: string): Promise<Group> => {
    const res = await api.execute<{ maturity: Group[] }>(MATURITY);
    expect(res.errors).toBeUndefined();
    return res.data!.maturity.find((g) => g.processGroup === name)!;
  };
  const ok = async (query: string, variables: Record<string, unknown>) => {
    const res = await api.execute(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  it('changes its answer as evidence appears, and says each time what is missing for the next level', async () => {
    // Nothing yet: level 0, and the two level-1 criteria are what is missing.
    const empty = await group('COLLECT');
    expect(empty.level).toBe(0);
    expect(empty.missingForNextLevel.map((c) => c.code).sort()).toEqual([
      'COLLECT_CHANNELS',
      'COLLECT_QUESTIONNAIRE_IN_USE',
    ]);
    expect(empty.criteria.find((c) => c.code === 'COLLECT_QUESTIONNAIRE_IN_USE')!.figure).toBe(
      'no active questionnaire',
    );
    expect(empty.criteria.find((c) => c.code === 'COLLECT_CHANNELS')!.figure).toMatch(
      /^0 of 11 channels/,
    );

    // Feedback through two channels: one level-1 criterion holds, the other is still missing.
    const { accountGid } = await createAccount(getOrm(), {
      contacts: [{ respondentClass: RespondentClass.OPERATOR }],
    });
    for (const channel of ['COMPLAINT', 'SUPPORT_TICKET']) {
      await ok(
        `mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedbackItem { id } } }`,
        {
          input: {
            accountId: accountGid,
            channel,
            text: `Late delivery (${channel})`,
            npsScore: 4,
          },
        },
      );
    }
    const channels = await group('COLLECT');
    expect(channels.level).toBe(0);
    expect(channels.criteria.find((c) => c.code === 'COLLECT_CHANNELS')).toMatchObject({
      met: true,
      figure: expect.stringMatching(/^2 of 11 channels/),
    });
    expect(channels.missingForNextLevel.map((c) => c.code)).toEqual([
      'COLLECT_QUESTIONNAIRE_IN_USE',
    ]);

    // A questionnaire in use (an active campaign): level 1, and level 2's criteria are next.
    const q = await ok(
      `mutation ($input: CreateQuestionnaireInput!) { createQuestionnaire(input: $input) { id } }`,
      {
        input: {
          code: 'relationship',
          title: 'Relationship survey',
          targetRespondentClasses: ['OPERATOR'],
          questions: [{ key: 'nps', type: 'NPS', text: 'Would you recommend us?' }],
        },
      },
    );
    const campaign = await ok(
      `mutation ($input: CreateSurveyCampaignInput!) { createSurveyCampaign(input: $input) { id } }`,
      {
        input: {
          name: 'Quarterly',
          questionnaireId: q.createQuestionnaire.id,
          scheduleKind: 'CALENDAR',
          cron: '0 9 1 1,4,7,10 *',
          targetRespondentClasses: ['OPERATOR'],
        },
      },
    );
    await ok(
      `mutation ($id: ID!) { updateSurveyCampaign(id: $id, input: { status: ACTIVE }) { id } }`,
      {
        id: campaign.createSurveyCampaign.id,
      },
    );
    const levelOne = await group('COLLECT');
    expect(levelOne.level).toBe(1);
    expect(levelOne.missingForNextLevel.length).toBeGreaterThan(0);
    expect(levelOne.missingForNextLevel.every((c) => c.level === 2)).toBe(true);
    expect(levelOne.missingForNextLevel.map((c) => c.code)).toContain('COLLECT_TRIGGER_SURVEYS');

    // Implement: an initiative with an owner is what level 1 asks.
    expect((await group('IMPLEMENT')).level).toBe(0);
    const owner = await createUser(getOrm(), null, 'Olga Owner');
    await ok(
      `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
      {
        input: { title: 'Deliveries on time', problem: 'Trucks are late', ownerId: owner.gid },
      },
    );
    const implement = await group('IMPLEMENT');
    expect(implement.level).toBeGreaterThanOrEqual(1);
    expect(implement.criteria.filter((c) => c.level === 1).every((c) => c.met)).toBe(true);
  });

  it('records computed history only when a level or its criteria changed', async () => {
    const recompute = `mutation { recomputeMaturity }`;
    const first = await ok(recompute, {});
    const written = await getOrm()
      .em.fork()
      .count(MaturityAssessment, { method: 'COMPUTED' as never });
    expect(written).toBeGreaterThanOrEqual(first.recomputeMaturity.length);
    expect(first.recomputeMaturity.length).toBeGreaterThan(0);
    const again = await ok(recompute, {});
    expect(again.recomputeMaturity).toEqual([]);
    expect(
      await getOrm()
        .em.fork()
        .count(MaturityAssessment, { method: 'COMPUTED' as never }),
    ).toBe(written);
    const collect = await group('COLLECT');
    const read = await api.execute<{
      maturity: { processGroup: string; computed: { level: number } | null }[];
    }>(MATURITY);
    expect(read.data!.maturity.find((g) => g.processGroup === 'COLLECT')!.computed?.level).toBe(
      collect.level,
    );
  });
});
