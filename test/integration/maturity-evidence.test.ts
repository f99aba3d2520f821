import { beforeAll, expect, it } from 'vitest';
import type { Orm } from '../../server/src/db/orm.js';
import type { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { AccountStatus, RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { FeedbackChannel } from '../../server/src/modules/feedback/feedback.enums.js';
import { ProcessGroup } from '../../server/src/modules/initiative/initiative.enums.js';
import type { GroupMaturity } from '../../server/src/modules/maturity/maturity.criteria.js';
import { evaluateMaturity } from '../../server/src/modules/maturity/maturity.evaluator.js';
import {
  DEFAULT_MATURITY_THRESHOLDS,
  type MaturityThresholds,
} from '../../server/src/modules/maturity/maturity.thresholds.js';
import type { SurveyCampaign } from '../../server/src/modules/survey/survey-campaign.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import {
  addFeedback,
  createAccounts,
  createCampaign,
  createQuestionnaire,
  daysBefore,
  MINUTE_MS,
} from '../fixtures/maturity-factories.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');

async function collect(
  orm: Orm,
  overrides: Partial<MaturityThresholds> = {},
): Promise<GroupMaturity> {
  const groups = await evaluateMaturity(orm.em.fork(), NOW, {
    ...DEFAULT_MATURITY_THRESHOLDS,
    ...overrides,
  });
  const group = groups.find((g) => g.processGroup === ProcessGroup.COLLECT);
  if (!group) throw new Error('no COLLECT result');
  return group;
}

const byCode = (g: GroupMaturity, code: string) => {
  const c = g.criteria.find((x) => x.code === code);
  if (!c) throw new Error(`no criterion ${code}`);
  return c;
};
const codes = (list: { code: string }[]) => list.map((c) => c.code).sort();

describeEachDatabase('computed COLLECT maturity as evidence appears', (getOrm) => {
  let accounts: ClientAccount[];
  let campaign: SurveyCampaign;

  beforeAll(async () => {
    accounts = await createAccounts(getOrm(), 4);
    // A churned account is not "active" and must not dilute the respondent coverage.
    await createAccounts(getOrm(), 1, AccountStatus.CHURNED);
  });

  it('an empty hub is at level 0 and misses both level-1 criteria, with zero figures', async () => {
    const g = await collect(getOrm());
    expect(g.level).toBe(0);
    expect(codes(g.missingForNextLevel)).toEqual([
      'COLLECT_CHANNELS',
      'COLLECT_QUESTIONNAIRE_IN_USE',
    ]);
    expect(byCode(g, 'COLLECT_CHANNELS')).toMatchObject({
      met: false,
      value: 0,
      figure: '0 of 11 channels in the last 90 days',
      threshold: '≥ 2 channels',
      level: 1,
    });
    expect(byCode(g, 'COLLECT_QUESTIONNAIRE_IN_USE').figure).toBe('no active questionnaire');
    expect(byCode(g, 'COLLECT_ACK_SLA')).toMatchObject({
      met: false,
      value: null,
      figure: 'no feedback received in the last 90 days',
    });
  });

  it('feedback from two channels and a questionnaire in use reach level 1, and level 2 is then what is missing', async () => {
    const questionnaire = await createQuestionnaire(getOrm());
    campaign = await createCampaign(getOrm(), questionnaire);
    await addFeedback(getOrm(), [
      { account: accounts[0]!, receivedAt: daysBefore(NOW, 3), campaign },
      { account: accounts[1]!, receivedAt: daysBefore(NOW, 2), channel: FeedbackChannel.MEETING },
      // Outside the 90-day period: does not count as a third channel.
      {
        account: accounts[1]!,
        receivedAt: daysBefore(NOW, 120),
        channel: FeedbackChannel.CHAT_BOT,
      },
    ]);
    const g = await collect(getOrm());
    expect(g.level).toBe(1);
    expect(byCode(g, 'COLLECT_CHANNELS').figure).toBe('2 of 11 channels in the last 90 days');
    expect(byCode(g, 'COLLECT_QUESTIONNAIRE_IN_USE').figure).toBe(
      '1 of 1 active questionnaire in use',
    );
    expect(g.missingForNextLevel.every((c) => c.level === 2)).toBe(true);
    expect(codes(g.missingForNextLevel)).toEqual([
      'COLLECT_RESPONDENT_CLASSES',
      'COLLECT_TRIGGER_SURVEYS',
    ]);
  });

  it('all three respondent classes for most active accounts and a running trigger survey reach level 2', async () => {
    const questionnaire = await createQuestionnaire(getOrm());
    await createCampaign(getOrm(), questionnaire, { trigger: true });
    // Three of the four active accounts hear every class: 75% ≥ 60%.
    await addFeedback(
      getOrm(),
      accounts.slice(0, 3).flatMap((account, i) =>
        Object.values(RespondentClass).map((respondentClass, k) => ({
          account,
          respondentClass,
          receivedAt: daysBefore(NOW, 10 + i + k / 10),
        })),
      ),
    );
    const g = await collect(getOrm());
    expect(byCode(g, 'COLLECT_RESPONDENT_CLASSES')).toMatchObject({
      met: true,
      value: 0.75,
      figure: '75% of active accounts heard from all three classes (3 of 4)',
    });
    expect(g.level).toBe(2);
    expect(g.missingForNextLevel.every((c) => c.level === 3)).toBe(true);
    expect(codes(g.missingForNextLevel)).toEqual([
      'COLLECT_COMPUTABLE_OUTNUMBER_TRIGGER',
      'COLLECT_MOST_CHANNELS',
    ]);
  });

  it('a level-2 criterion met while a level-1 criterion is missing leaves the group at level 0', async () => {
    const g = await collect(getOrm(), { minChannels: 3 });
    expect(g.criteria.filter((c) => c.level === 2).every((c) => c.met)).toBe(true);
    expect(byCode(g, 'COLLECT_CHANNELS').met).toBe(false);
    expect(g.level).toBe(0);
    expect(codes(g.missingForNextLevel)).toEqual(['COLLECT_CHANNELS']);
  });

  it('late acknowledgements keep the SLA criterion missing, with the on-time share in the figure', async () => {
    const account = accounts[3]!;
    await addFeedback(getOrm(), [
      // Eight answered after two hours, one never answered though three hours old: all late.
      ...Array.from({ length: 8 }, (_, i) => ({
        account,
        receivedAt: daysBefore(NOW, 5 + i),
        ackAfterMs: 120 * MINUTE_MS,
      })),
      { account, receivedAt: new Date(NOW.getTime() - 180 * MINUTE_MS), ackAfterMs: null },
      // Received ten minutes ago and not answered yet: not late, so not counted.
      { account, receivedAt: new Date(NOW.getTime() - 10 * MINUTE_MS), ackAfterMs: null },
      // Exactly at the SLA counts as on time.
      { account, receivedAt: daysBefore(NOW, 30), ackAfterMs: 60 * MINUTE_MS },
      // Late but before the period: not counted.
      { account, receivedAt: daysBefore(NOW, 95), ackAfterMs: 600 * MINUTE_MS },
    ]);
    // On time: 2 + 9 earlier items and the one at exactly 60 min = 12; due: 12 + 9 late = 21.
    const g = await collect(getOrm());
    const sla = byCode(g, 'COLLECT_ACK_SLA');
    expect(sla).toMatchObject({
      met: false,
      figure: '57% acknowledged within 1 h (12 of 21) in the last 90 days',
      threshold: '≥ 90% within 1 h',
    });
    expect(sla.value).toBeCloseTo(12 / 21, 10);
    expect(g.level).toBe(1);
    expect(codes(g.missingForNextLevel)).toEqual(['COLLECT_ACK_SLA']);
    // A looser SLA (3 h) makes the same items timely except the unanswered one: 20 of 21.
    const loose = await collect(getOrm(), { ackSlaMinutes: 180 });
    expect(byCode(loose, 'COLLECT_ACK_SLA').figure).toBe(
      '95% acknowledged within 3 h (20 of 21) in the last 90 days',
    );
    expect(loose.level).toBe(2);
  });
});
