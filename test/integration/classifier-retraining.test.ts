import { afterAll, beforeAll, expect, it } from 'vitest';
import { ClassificationCorrection } from '../../server/src/modules/classification/classification-correction.entity.js';
import { ClassifierModel } from '../../server/src/modules/classification/classifier-model.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { systemViewer } from '../../server/src/auth/viewer.js';
import { classifierReviewStep } from '../../server/src/modules/classification/classifier-review.step.js';
import { createCaseActivities } from '../../workflows/activities/case.activities.js';
import { domainContext } from '../helpers/domain.js';
import { createCaseWorld } from '../fixtures/case-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, silentLogger, type TestApi } from '../helpers/graphql.js';

const SUBMIT = `mutation($input: SubmitFeedbackInput!) {
  submitFeedback(input: $input) { feedbackItem { id } }
}`;
const ITEM = `query($id: ID!) {
  feedbackItem(id: $id) { complaintClass sentiment classificationSource classifierVersion }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateFeedbackInput!) {
  updateFeedback(id: $id, input: $input) { id }
}`;
const RETRAIN = `mutation($input: RetrainClassifierInput) {
  retrainClassifier(input: $input) {
    promoted
    model { version number current trainingSize correctionsUsed
      heldOut { language rows classAccuracy } baseline { language classAccuracy } }
  }
}`;
const MODELS = `{ classifierModels { version current reviewedLabels keptLabels } }`;
const CORRECTIONS = `{ classificationCorrections(first: 100) {
  nodes { feedbackItemId classCorrected classBefore classAfter sentimentAfter modelVersion correctedBy }
} }`;
const ERASE = `mutation($id: ID!) { eraseContact(id: $id, reason: "Asked to be forgotten") { alreadyErased } }`;

/** Order-system texts the corpus never saw; the corpus-only model files them under delivery. */
const EDI_TEXTS = [
  'The EDI feed rejected our purchase order file.',
  'EDI messages from your side bounce with error 503.',
  'Your EDI connector dropped our order file overnight.',
  'The EDI gateway lost our order file once more.',
  "EDI acknowledgements are missing for last week's files.",
  'Our EDI orders sit unprocessed in your queue.',
];
const PROBE = "The EDI channel refused today's order file.";

describeEachDatabase('Retraining the classifier on staff corrections', (getOrm) => {
  let api: TestApi;
  let intake: ReturnType<typeof createCaseActivities>;
  const at = '2026-03-02T09:00:00.000Z';

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    intake = createCaseActivities({ orm: getOrm(), log: silentLogger });
  });
  afterAll(() => api.stop());

  async function run(query: string, variables: Record<string, unknown> = {}) {
    const res = await api.execute(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  /** Submits and classifies on intake; answers the database id and the global id. */
  async function intakeOf(input: Record<string, unknown>) {
    const data = await run(SUBMIT, {
      input: { channel: 'SUPPORT_TICKET', language: 'en', ...input },
    });
    const gid = data.submitFeedback.feedbackItem.id as string;
    const id = Buffer.from(gid, 'base64').toString('utf8').split(':')[1]!;
    await intake.classifyFeedback({ feedbackId: id, at });
    return { id, gid, item: (await run(ITEM, { id: gid })).feedbackItem };
  }

  const currentVersion = async () =>
    ((await run(MODELS)).classifierModels as { version: string; current: boolean }[]).find(
      (m) => m.current,
    )!.version;

  it('learns a systematic mistake from corrections and records the version on new items', async () => {
    const w = await createCaseWorld(getOrm());
    const before = await currentVersion();
    const corrected: string[] = [];
    const classBefore = new Map<string, string | null>();
    for (const text of EDI_TEXTS) {
      const { gid, item } = await intakeOf({ accountId: w.gid.account, text });
      expect(item.classifierVersion).toBe(before);
      await run(UPDATE, { id: gid, input: { complaintClass: 'SERVICE', sentiment: 'NEGATIVE' } });
      corrected.push(gid);
      classBefore.set(gid, item.complaintClass);
    }
    // A status change is no correction of labels.
    await run(UPDATE, { id: corrected[0], input: { status: 'ACKNOWLEDGED' } });
    const corrections = (await run(CORRECTIONS)).classificationCorrections.nodes as {
      feedbackItemId: string;
      classBefore: string | null;
      classAfter: string;
      modelVersion: string;
      correctedBy: string;
      classCorrected: boolean;
    }[];
    const ours = corrections.filter((c) => corrected.includes(c.feedbackItemId));
    expect(ours).toHaveLength(EDI_TEXTS.length);
    for (const c of ours) {
      expect(c).toMatchObject({
        classCorrected: true,
        classBefore: classBefore.get(c.feedbackItemId),
        classAfter: 'SERVICE',
        sentimentAfter: 'NEGATIVE',
        modelVersion: before,
      });
      expect(c.correctedBy).toMatch(/^user:/);
    }

    const probeBefore = await intakeOf({ accountId: w.gid.account, text: PROBE });
    expect(probeBefore.item.complaintClass).not.toBe('SERVICE');

    const { retrainClassifier } = await run(RETRAIN, { input: { force: true } });
    expect(retrainClassifier.promoted).toBe(true);
    const model = retrainClassifier.model;
    expect(model.current).toBe(true);
    expect(model.correctionsUsed).toBeGreaterThanOrEqual(EDI_TEXTS.length);
    expect(model.heldOut.map((s: { rows: number }) => s.rows)).toEqual([212, 212]);
    expect(await currentVersion()).toBe(model.version);
    expect(model.version).not.toBe(before);

    const probeAfter = await intakeOf({ accountId: w.gid.account, text: PROBE });
    expect(probeAfter.item).toMatchObject({
      complaintClass: 'SERVICE',
      classificationSource: 'CLASSIFIER',
      classifierVersion: model.version,
    });
  });

  it('leaves erased texts out of retraining and keeps no copy of them', async () => {
    const w = await createCaseWorld(getOrm());
    const secret = 'Pallet 7Q-ZX9 from the Novgorod depot arrived with torn film, Ivanova.';
    const erased = await intakeOf({
      accountId: w.gid.account,
      contactId: w.gid.contact,
      text: secret,
    });
    const kept = await intakeOf({
      accountId: w.gid.account,
      text: 'The drums were dented and leaking.',
    });
    for (const { gid } of [erased, kept]) {
      await run(UPDATE, { id: gid, input: { complaintClass: 'QUALITY' } });
    }
    await run(ERASE, { id: w.gid.contact });

    const em = getOrm().em.fork();
    expect((await em.findOneOrFail(FeedbackItem, erased.id)).text).toBeNull();
    const [erasedCorrection] = await em.find(ClassificationCorrection, { feedbackItem: erased.id });
    const [keptCorrection] = await em.find(ClassificationCorrection, { feedbackItem: kept.id });

    const { retrainClassifier } = await run(RETRAIN);
    const stored = await em.findOneOrFail(ClassifierModel, {
      number: retrainClassifier.model.number,
    });
    expect(stored.correctionIds).toContain(keptCorrection!.id);
    expect(stored.correctionIds).not.toContain(erasedCorrection!.id);
    expect(stored.correctionsUsed).toBe(stored.correctionIds.length);

    const rows = JSON.stringify([
      await em.find(ClassifierModel, {}),
      await em.find(ClassificationCorrection, {}),
    ]);
    expect(rows).not.toContain('Novgorod');
    expect(rows).not.toContain('7Q-ZX9');
  });

  it('counts per version the classifier labels staff reviewed and kept, the same on a rerun', async () => {
    const w = await createCaseWorld(getOrm());
    const version = await currentVersion();
    const figures = async () => {
      await classifierReviewStep.run(domainContext(getOrm(), { viewer: systemViewer }));
      const models = (await run(MODELS)).classifierModels as {
        version: string;
        reviewedLabels: number;
        keptLabels: number;
      }[];
      const m = models.find((x) => x.version === version)!;
      return { reviewed: m.reviewedLabels, kept: m.keptLabels };
    };
    const before = await figures();
    const other = (c: string) => (c === 'QUALITY' ? 'SERVICE' : 'QUALITY');
    const texts = [
      'The truck arrived late.',
      'The truck came two days late.',
      'Nobody answers the phone.',
    ];
    const items = [];
    for (const text of texts) items.push(await intakeOf({ accountId: w.gid.account, text }));
    for (const { item } of items) expect(item.complaintClass).not.toBeNull();
    // Kept: staff confirm the first class; changed: the other two; a sentiment alone is no review.
    const [first, ...rest] = items;
    await run(UPDATE, { id: first!.gid, input: { complaintClass: first!.item.complaintClass } });
    for (const { gid, item } of rest) {
      await run(UPDATE, { id: gid, input: { complaintClass: other(item.complaintClass) } });
    }
    const sentimentOnly = await intakeOf({ accountId: w.gid.account, text: 'Late again.' });
    await run(UPDATE, { id: sentimentOnly.gid, input: { sentiment: 'NEUTRAL' } });

    const after = await figures();
    expect({ reviewed: after.reviewed - before.reviewed, kept: after.kept - before.kept }).toEqual({
      reviewed: 3,
      kept: 1,
    });
    expect(await figures()).toEqual(after);
  });
});
