import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { createAccount } from '../fixtures/factories.js';
import { createCouncil, createInitiativeWorld } from '../fixtures/initiative-factories.js';
import { unknownId } from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { DOCS, InitiativeDriver } from '../helpers/initiative-driver.js';
import { initiativeState } from '../helpers/initiative-state.js';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness.js';

const REVIEW = `id revision decision trigger comments decidedAt council { name } decidedBy { role }
  agenda { revision } initiative { code status processGroup revision }`;
const REQUEST = `mutation($i: ID!, $c: ID!) { requestCouncilReview(initiativeId: $i, councilId: $c) { ${REVIEW} } }`;
const DECIDE = `mutation($id: ID!, $input: DecideCouncilReviewInput!) { decideCouncilReview(id: $id, input: $input) { ${REVIEW} } }`;
const READ = `query($id: ID!) { initiative(id: $id) { processGroup status revision
  revisions { number origin brief } councilReviews { revision decision trigger } } }`;

const temporal = useTimeSkippingEnv();

describeEachDatabase(
  'Council reviews of client-visible initiatives, by their workflows',
  (getOrm) => {
    let h: WorkflowHarness;
    let drive: InitiativeDriver;
    let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
    let memberGid: string;
    let outsiderGid: string;
    /** Client-visible, affecting Acme (on the world's council), owned by Anna Planner. */
    const visible = (input: Record<string, unknown> = {}) =>
      drive.initiative({
        title: 'Cleaner invoices',
        problem: 'Invoices disagree with orders',
        clientVisible: true,
        ownerId: world.planner.gid,
        affectedAccountIds: [world.acme.accountGid],
        ...input,
      });
    const read = async (id: string) => (await drive.ok(READ, { id })).initiative;
    const state = (id: string) => initiativeState(h.api, getOrm(), id);

    beforeAll(async () => {
      h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
      drive = new InitiativeDriver(h.api, temporal.env);
      world = await createInitiativeWorld(getOrm());
      memberGid = world.council.memberGids[0]!;
      const other = await createAccount(getOrm(), {
        contacts: [{ respondentClass: RespondentClass.ECONOMIC_BUYER }],
      });
      outsiderGid = (await createCouncil(getOrm(), [other.account], other.contacts)).memberGids[0]!;
    });
    afterAll(async () => h?.stop());

    it('requests a review of the current revision on demand, with its agenda, which puts the initiative in AWAITING_COUNCIL', async () => {
      const { id, code } = await visible();
      const res = await drive.ok(REQUEST, { i: id, c: world.council.gid });
      expect(res.requestCouncilReview).toMatchObject({
        revision: 1,
        decision: 'PENDING',
        trigger: 'REQUESTED',
        decidedBy: null,
        agenda: { revision: 1 },
        initiative: { code, status: 'AWAITING_COUNCIL' },
      });
    });

    it('asks the concerned council when IMPLEMENT finishes, and closes only once a member approved', async () => {
      const { id } = await visible();
      await drive.moveThrough(id, 'IMPLEMENT', 'MONITOR');
      expect(await read(id)).toMatchObject({
        status: 'AWAITING_COUNCIL',
        councilReviews: [{ revision: 1, decision: 'PENDING', trigger: 'FINISHED_IMPLEMENT' }],
      });
      const blocked = await drive.refused(DOCS.closeInitiative, { id });
      expect(blocked.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'COUNCIL_APPROVAL_MISSING',
      });
      expect(blocked.message).toMatch(
        /is client-visible and its council review is still pending \(revision 1\); it closes only once its advisory council approves/,
      );

      const review = await drive.pendingReview(id);
      const decided = await drive.ok(DECIDE, {
        id: review.id,
        input: { decision: 'APPROVED', decidedByMemberId: memberGid },
      });
      expect(decided.decideCouncilReview).toMatchObject({
        decision: 'APPROVED',
        decidedBy: { role: 'MEMBER' },
        initiative: { status: 'ACTIVE' },
      });
      expect(decided.decideCouncilReview.decidedAt).not.toBeNull();
      expect((await drive.close(id)).status).toBe('CLOSED');
    });

    it('keeps a client-visible initiative no council covers from closing, and tells its owner why', async () => {
      const { id } = await visible({ affectedAccountIds: [world.beta.accountGid] });
      await drive.moveThrough(id, 'IMPLEMENT', 'MONITOR');
      expect(await read(id)).toMatchObject({ status: 'ACTIVE', councilReviews: [] });
      const told = await drive.ok(
        `query($f: InboxFilter) { inboxEntries(filter: $f) { nodes { recipientUserId subject } } }`,
        { f: { initiativeId: id, kinds: ['COUNCIL_NOT_CONCERNED'] } },
      );
      expect(told.inboxEntries.nodes).toEqual([
        {
          recipientUserId: world.planner.gid,
          subject: expect.stringMatching(/^No council covers/),
        },
      ]);
      const refused = await drive.refused(DOCS.closeInitiative, { id });
      expect(refused.extensions).toMatchObject({ reason: 'COUNCIL_APPROVAL_MISSING' });
      expect(refused.message).toMatch(/no council has reviewed this revision yet \(revision 1\)/);
    });

    it('loops back on requested changes: the comments open the next revision in IMPLEMENT, whose end gets its own review', async () => {
      const { id } = await visible();
      await drive.moveThrough(id, 'IMPLEMENT', 'MONITOR');
      const first = await drive.pendingReview(id);
      const decided = await drive.ok(DECIDE, {
        id: first.id,
        input: {
          decision: 'CHANGES_REQUESTED',
          comments: ' Show VAT per line ',
          decidedByMemberId: memberGid,
        },
      });
      expect(decided.decideCouncilReview).toMatchObject({
        decision: 'CHANGES_REQUESTED',
        comments: 'Show VAT per line',
        initiative: { processGroup: 'IMPLEMENT', revision: 2, status: 'ACTIVE' },
      });
      expect((await read(id)).revisions).toEqual([
        { number: 1, origin: 'INITIAL', brief: 'Invoices disagree with orders' },
        { number: 2, origin: 'COUNCIL_CHANGES', brief: 'Show VAT per line' },
      ]);
      const refused = await drive.refused(DOCS.closeInitiative, { id });
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });

      await drive.move(id, 'MONITOR');
      const list = await drive.ok(
        `query($f: CouncilReviewFilter) { councilReviews(filter: $f) { totalCount nodes { revision decision trigger } } }`,
        { f: { initiativeId: id } },
      );
      expect(list.councilReviews.nodes).toEqual([
        { revision: 2, decision: 'PENDING', trigger: 'FINISHED_IMPLEMENT' },
        { revision: 1, decision: 'CHANGES_REQUESTED', trigger: 'FINISHED_IMPLEMENT' },
      ]);
      const changes = await drive.ok(
        `query($f: CouncilReviewFilter) { councilReviews(filter: $f) { totalCount } }`,
        {
          f: { initiativeId: id, councilId: world.council.gid, decisions: ['CHANGES_REQUESTED'] },
        },
      );
      expect(changes.councilReviews.totalCount).toBe(1);
    });

    it('asks the council again when the initiative enters CORRECT, and opens no new revision while that review is pending', async () => {
      const { id } = await visible();
      await drive.moveThrough(id, 'IMPLEMENT', 'MONITOR');
      await drive.decide((await drive.pendingReview(id)).id, memberGid);
      await drive.move(id, 'CORRECT');
      const again = await drive.pendingReview(id);
      expect(again).toMatchObject({ revision: 1, trigger: 'ENTERED_CORRECT' });
      expect((await read(id)).status).toBe('AWAITING_COUNCIL');

      const before = await state(id);
      const early = await drive.refused(DOCS.moveInitiative, {
        id,
        to: 'IMPLEMENT',
        brief: 'Try again',
      });
      expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REVIEW_PENDING' });
      expect(early.message).toMatch(/has not decided on revision 1 of INI-\d+ yet/);
      expect(await state(id)).toEqual(before);

      await drive.decide(again.id, memberGid);
      expect(await drive.close(id)).toMatchObject({ status: 'CLOSED', processGroup: 'CORRECT' });
    });

    describe('refuses a request with a typed error and writes nothing', () => {
      const cases: {
        name: string;
        arrange: () => Promise<{ i: string; c: string }>;
        error: { code: string; reason: string; field?: string };
        message: RegExp;
      }[] = [
        {
          name: 'for an internal initiative',
          arrange: async () => ({
            i: (await visible({ clientVisible: false })).id,
            c: world.council.gid,
          }),
          error: { code: 'BAD_USER_INPUT', reason: 'NOT_CLIENT_VISIBLE' },
          message: /is internal; only client-visible initiatives go to an advisory council/,
        },
        {
          name: 'to a council none of whose accounts is affected',
          arrange: async () => ({
            i: (await visible({ affectedAccountIds: [world.beta.accountGid] })).id,
            c: world.council.gid,
          }),
          error: { code: 'BAD_USER_INPUT', reason: 'COUNCIL_NOT_CONCERNED', field: 'councilId' },
          message: /None of the accounts affected by initiative INI-\d+ sits on the council/,
        },
        {
          name: 'twice while the first is pending',
          arrange: async () => {
            const { id } = await visible();
            await drive.requestReview(id, world.council.gid);
            return { i: id, c: world.council.gid };
          },
          error: { code: 'CONFLICT', reason: 'REVIEW_EXISTS', field: 'councilId' },
          message: /already has a pending review of revision 1 of INI-\d+/,
        },
        {
          name: 'again for a revision the council was already asked about',
          arrange: async () => {
            const { id } = await visible();
            await drive.decide((await drive.requestReview(id, world.council.gid)).id, memberGid);
            return { i: id, c: world.council.gid };
          },
          error: { code: 'CONFLICT', reason: 'REVIEW_EXISTS', field: 'councilId' },
          message: /was already asked to review revision 1 of INI-\d+ \(APPROVED\)/,
        },
        {
          name: 'to an unknown council',
          arrange: async () => ({ i: (await visible()).id, c: unknownId('AdvisoryCouncil') }),
          error: { code: 'NOT_FOUND', reason: 'COUNCIL_NOT_FOUND', field: 'councilId' },
          message: /No advisory council matches councilId\./,
        },
      ];
      for (const c of cases) {
        it(`such as ${c.name}`, async () => {
          const args = await c.arrange();
          const before = await state(args.i);
          const error = await drive.refused(REQUEST, args);
          expect(error.extensions).toEqual(c.error);
          expect(error.message).toMatch(c.message);
          expect(await state(args.i)).toEqual(before);
        });
      }
    });

    describe('refuses a decision with a typed error and changes nothing', () => {
      const cases: {
        name: string;
        input: () => Record<string, unknown>;
        error: { code: string; reason: string; field?: string };
        message: RegExp;
      }[] = [
        {
          name: 'changes requested without comments',
          input: () => ({
            decision: 'CHANGES_REQUESTED',
            comments: ' ',
            decidedByMemberId: memberGid,
          }),
          error: { code: 'BAD_USER_INPUT', reason: 'COMMENTS_REQUIRED', field: 'comments' },
          message: /Requesting changes needs comments/,
        },
        {
          name: 'a member of another council',
          input: () => ({ decision: 'APPROVED', decidedByMemberId: outsiderGid }),
          error: {
            code: 'BAD_USER_INPUT',
            reason: 'MEMBER_NOT_IN_COUNCIL',
            field: 'decidedByMemberId',
          },
          message: /does not sit on the council/,
        },
        {
          name: 'PENDING as a decision',
          input: () => ({ decision: 'PENDING', decidedByMemberId: memberGid }),
          error: { code: 'BAD_USER_INPUT', reason: 'INVALID_DECISION', field: 'decision' },
          message: /APPROVED or CHANGES_REQUESTED, not PENDING/,
        },
        {
          name: 'an unknown member',
          input: () => ({ decision: 'APPROVED', decidedByMemberId: unknownId('CouncilMember') }),
          error: { code: 'NOT_FOUND', reason: 'MEMBER_NOT_FOUND', field: 'decidedByMemberId' },
          message: /No council member matches decidedByMemberId\./,
        },
      ];
      for (const c of cases) {
        it(`such as ${c.name}`, async () => {
          const { id } = await visible();
          const review = await drive.requestReview(id, world.council.gid);
          const before = await state(id);
          const error = await drive.refused(DECIDE, { id: review.id, input: c.input() });
          expect(error.extensions).toEqual(c.error);
          expect(error.message).toMatch(c.message);
          expect(await state(id)).toEqual(before);
          expect((await drive.pendingReview(id)).id).toBe(review.id);
        });
      }

      it('such as deciding a review twice', async () => {
        const { id } = await visible();
        const review = await drive.requestReview(id, world.council.gid);
        await drive.decide(review.id, memberGid);
        const before = await state(id);
        const error = await drive.refused(DECIDE, {
          id: review.id,
          input: { decision: 'CHANGES_REQUESTED', comments: 'late', decidedByMemberId: memberGid },
        });
        expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'REVIEW_DECIDED' });
        expect(error.message).toMatch(/already decided \(APPROVED\)/);
        expect(await state(id)).toEqual(before);
      });
    });
  },
);
