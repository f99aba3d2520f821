import { beforeAll, expect, it } from 'vitest';
import type { Orm } from '../../server/src/db/orm.js';
import type { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { FeedbackChannel } from '../../server/src/modules/feedback/feedback.enums.js';
import { ProcessGroup } from '../../server/src/modules/initiative/initiative.enums.js';
import {
  AssessmentMethod,
  MaturityAssessment,
} from '../../server/src/modules/maturity/maturity-assessment.entity.js';
import type { GroupMaturity } from '../../server/src/modules/maturity/maturity.criteria.js';
import { evaluateMaturity } from '../../server/src/modules/maturity/maturity.evaluator.js';
import { recordComputedMaturity } from '../../server/src/modules/maturity/maturity.history.js';
import { DEFAULT_MATURITY_THRESHOLDS } from '../../server/src/modules/maturity/maturity.thresholds.js';
import { describeEachDatabase } from '../helpers/db.js';
import {
  addFeedback,
  createAccounts,
  createCampaign,
  createQuestionnaire,
  daysBefore,
} from '../fixtures/maturity-factories.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const ALL_GROUPS = Object.values(ProcessGroup);

const evaluate = (orm: Orm) => evaluateMaturity(orm.em.fork(), NOW, DEFAULT_MATURITY_THRESHOLDS);
const record = (orm: Orm, results: GroupMaturity[], minutesLater = 0) =>
  recordComputedMaturity(
    orm.em.fork(),
    results,
    new Date(NOW.getTime() + minutesLater * 60_000),
    () => {},
  );
const computed = (orm: Orm) =>
  orm.em
    .fork()
    .find(
      MaturityAssessment,
      { method: AssessmentMethod.COMPUTED },
      { orderBy: { assessedAt: 'asc', id: 'asc' } },
    );

describeEachDatabase('the history of computed maturity', (getOrm) => {
  let account: ClientAccount;

  beforeAll(async () => {
    [account] = (await createAccounts(getOrm(), 1)) as [ClientAccount];
  });

  it('writes one COMPUTED assessment per group the first time, level 0 included, with every criterion', async () => {
    const results = await evaluate(getOrm());
    expect(await record(getOrm(), results)).toEqual(ALL_GROUPS);
    const rows = await computed(getOrm());
    expect(rows.map((r) => r.processGroup)).toEqual(ALL_GROUPS);
    expect(rows.every((r) => r.level === 0 && r.assessedBy === null)).toBe(true);
    const collect = rows.find((r) => r.processGroup === ProcessGroup.COLLECT)!;
    const channels = results[0]!.criteria.find((c) => c.code === 'COLLECT_CHANNELS')!;
    expect(collect.evidence).toHaveLength(results[0]!.criteria.length);
    expect(collect.evidence.find((e) => e.code === 'COLLECT_CHANNELS')).toEqual({
      code: 'COLLECT_CHANNELS',
      level: 1,
      criterion: channels.criterion,
      met: false,
      figure: '0 of 11 channels in the last 90 days',
      threshold: '≥ 2 channels',
      detail: '0 of 11 channels in the last 90 days (needs ≥ 2 channels)',
    });
  });

  it('writes nothing when the evidence has not changed, however often it runs', async () => {
    const results = await evaluate(getOrm());
    expect(await record(getOrm(), results, 1)).toEqual([]);
    expect(await record(getOrm(), await evaluate(getOrm()), 2)).toEqual([]);
    expect(await computed(getOrm())).toHaveLength(5);
  });

  it('writes nothing when only a figure moves and no criterion changes', async () => {
    // Not acknowledged yet but still within the SLA: it moves the channel count, nothing else.
    await addFeedback(getOrm(), [
      { account, receivedAt: new Date(NOW.getTime() - 10 * 60_000), ackAfterMs: null },
    ]);
    const results = await evaluate(getOrm());
    const collect = results.find((g) => g.processGroup === ProcessGroup.COLLECT)!;
    expect(collect.criteria.find((c) => c.code === 'COLLECT_CHANNELS')!.figure).toBe(
      '1 of 11 channels in the last 90 days',
    );
    expect(await record(getOrm(), results, 3)).toEqual([]);
  });

  it('writes a new assessment only for the group whose set of met criteria changed', async () => {
    await createCampaign(getOrm(), await createQuestionnaire(getOrm()));
    expect(await record(getOrm(), await evaluate(getOrm()), 4)).toEqual([ProcessGroup.COLLECT]);
    const rows = await computed(getOrm());
    expect(rows).toHaveLength(6);
    const latest = rows[rows.length - 1]!;
    expect(latest).toMatchObject({ processGroup: ProcessGroup.COLLECT, level: 0 });
    expect(latest.evidence.find((e) => e.code === 'COLLECT_QUESTIONNAIRE_IN_USE')!.met).toBe(true);
  });

  it('writes when the level changes, and a manual assessment in between does not count', async () => {
    const em = getOrm().em.fork();
    em.create(MaturityAssessment, {
      processGroup: ProcessGroup.COLLECT,
      level: 4,
      method: AssessmentMethod.MANUAL,
      evidence: [],
      assessedAt: new Date(NOW.getTime() + 5 * 60_000),
    });
    await em.flush();
    expect(await record(getOrm(), await evaluate(getOrm()), 6)).toEqual([]);
    await addFeedback(getOrm(), [
      { account, receivedAt: daysBefore(NOW, 1), channel: FeedbackChannel.MEETING },
    ]);
    expect(await record(getOrm(), await evaluate(getOrm()), 7)).toEqual([ProcessGroup.COLLECT]);
    const rows = await computed(getOrm());
    expect(rows.map((r) => r.level)).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it('writes all the changed groups or none of them', async () => {
    const results = await evaluate(getOrm());
    const changed = results.map((g) => ({ ...g, level: 5 }));
    // A group the database refuses makes the whole call fail without writing the others.
    const broken = { ...changed[0]!, processGroup: 'NOT_A_GROUP' as ProcessGroup };
    await expect(record(getOrm(), [...changed, broken], 8)).rejects.toThrow();
    expect(await computed(getOrm())).toHaveLength(7);
  });
});
