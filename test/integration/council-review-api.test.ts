import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { CouncilReview } from '../../server/src/modules/initiative/council-review.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { createAccount } from '../fixtures/factories.js';
import { createCouncil, createInitiativeWorld } from '../fixtures/initiative-factories.js';

const REVIEW =
  'id revision decision comments decidedAt council { name } decidedBy { role } initiative { code status }';
const REQUEST = `mutation($i: ID!, $c: ID!) { requestCouncilReview(initiativeId: $i, councilId: $c) { ${REVIEW} } }`;
const DECIDE = `mutation($id: ID!, $input: DecideCouncilReviewInput!) { decideCouncilReview(id: $id, input: $input) { ${REVIEW} } }`;
const MOVE = `mutation($id: ID!, $to: ProcessGroup!) { moveInitiative(id: $id, processGroup: $to) { processGroup revision status } }`;
const CLOSE = `mutation($id: ID!) { closeInitiative(id: $id) { status } }`;

describeEachDatabase('council reviews API', (getOrm) => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
  let memberGid: string;
  const counts = async () => [
    await getOrm().em.fork().count(CouncilReview, {}),
    await getOrm().em.fork().count(AuditEvent, {}),
  ];
  const initiative = async (input: Record<string, unknown> = {}) => {
    const res = await api.execute(
      `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id code } }`,
      {
        input: {
          title: 'Cleaner invoices',
          problem: 'Invoices disagree with orders',
          clientVisible: true,
          affectedAccountIds: [world.acme.accountGid],
          ...input,
        },
      },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createInitiative as { id: string; code: string };
  };
  const move = async (id: string, ...groups: string[]) => {
    for (const to of groups) expect((await api.execute(MOVE, { id, to })).errors).toBeUndefined();
  };

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    world = await createInitiativeWorld(getOrm());
    memberGid = world.council.memberGids[0]!;
  });
  afterAll(() => api.stop());

  it('requests a review of the current revision, which puts the initiative in AWAITING_COUNCIL', async () => {
    const { id, code } = await initiative();
    const res = await api.execute(REQUEST, { i: id, c: world.council.gid });
    expect(res.errors).toBeUndefined();
    expect(res.data!.requestCouncilReview).toMatchObject({
      revision: 1,
      decision: 'PENDING',
      decidedBy: null,
      initiative: { code, status: 'AWAITING_COUNCIL' },
    });
  });

  it('approves a review by a council member, and then a client-visible initiative can close', async () => {
    const { id } = await initiative();
    await move(id, 'IMPLEMENT', 'MONITOR');
    const blocked = await api.execute(CLOSE, { id });
    expect(blocked.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(blocked.errors?.[0]?.message).toMatch(
      /client-visible: an advisory council must approve it before it closes, and no review was requested yet/,
    );

    const review = (await api.execute(REQUEST, { i: id, c: world.council.gid })).data!
      .requestCouncilReview;
    const pending = await api.execute(CLOSE, { id });
    expect(pending.errors?.[0]?.message).toMatch(
      /latest council review \(.+, revision 1\) is still pending/,
    );

    const decided = await api.execute(DECIDE, {
      id: review.id,
      input: { decision: 'APPROVED', decidedByMemberId: memberGid },
    });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideCouncilReview).toMatchObject({
      decision: 'APPROVED',
      decidedBy: { role: 'MEMBER' },
      initiative: { status: 'ACTIVE' },
    });
    expect(decided.data!.decideCouncilReview.decidedAt).not.toBeNull();
    expect((await api.execute(CLOSE, { id })).data!.closeInitiative.status).toBe('CLOSED');
  });

  it('loops back on requested changes: the next revision gets its own review', async () => {
    const { id } = await initiative();
    await move(id, 'IMPLEMENT', 'MONITOR');
    const first = (await api.execute(REQUEST, { i: id, c: world.council.gid })).data!
      .requestCouncilReview;
    await api.execute(DECIDE, {
      id: first.id,
      input: {
        decision: 'CHANGES_REQUESTED',
        comments: 'Show VAT per line',
        decidedByMemberId: memberGid,
      },
    });
    const refused = await api.execute(CLOSE, { id });
    expect(refused.errors?.[0]?.message).toMatch(
      /is asking for changes; it can close only once that review is APPROVED/,
    );
    const same = await api.execute(REQUEST, { i: id, c: world.council.gid });
    expect(same.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(same.errors?.[0]?.message).toMatch(
      /review of revision 1 .* was already decided \(CHANGES_REQUESTED\)/,
    );

    await move(id, 'CORRECT', 'IMPLEMENT', 'MONITOR');
    const second = await api.execute(REQUEST, { i: id, c: world.council.gid });
    expect(second.data!.requestCouncilReview.revision).toBe(2);
    const list = await api.execute(
      `query($f: CouncilReviewFilter) { councilReviews(filter: $f) { totalCount nodes { revision decision } } }`,
      { f: { initiativeId: id } },
    );
    expect(list.data!.councilReviews.nodes).toEqual([
      { revision: 2, decision: 'PENDING' },
      { revision: 1, decision: 'CHANGES_REQUESTED' },
    ]);
    const changes = await api.execute(
      `query($f: CouncilReviewFilter) { councilReviews(filter: $f) { totalCount } }`,
      { f: { councilId: world.council.gid, decisions: ['CHANGES_REQUESTED'] } },
    );
    expect(changes.data!.councilReviews.totalCount).toBe(1);
  });

  describe('refuses a request with a typed error and writes nothing', () => {
    const cases: {
      name: string;
      arrange: () => Promise<{ i: string; c: string }>;
      code: string;
      message: RegExp;
    }[] = [
      {
        name: 'for an internal initiative',
        arrange: async () => ({
          i: (await initiative({ clientVisible: false })).id,
          c: world.council.gid,
        }),
        code: 'BAD_USER_INPUT',
        message: /is internal; only client-visible initiatives go to an advisory council/,
      },
      {
        name: 'to a council none of whose accounts is affected',
        arrange: async () => ({
          i: (await initiative({ affectedAccountIds: [world.beta.accountGid] })).id,
          c: world.council.gid,
        }),
        code: 'BAD_USER_INPUT',
        message: /None of the accounts affected by initiative INI-\d+ sits on the council/,
      },
      {
        name: 'twice while the first is pending',
        arrange: async () => {
          const { id } = await initiative();
          await api.execute(REQUEST, { i: id, c: world.council.gid });
          return { i: id, c: world.council.gid };
        },
        code: 'CONFLICT',
        message: /review of revision 1 of INI-\d+ by .* is already pending/,
      },
      {
        name: 'to an unknown council',
        arrange: async () => ({
          i: (await initiative()).id,
          c: 'QWR2aXNvcnlDb3VuY2lsOjAxYTIwMDAwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMA',
        }),
        code: 'NOT_FOUND',
        message: /No advisory council matches councilId\./,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const args = await c.arrange();
        const before = await counts();
        const res = await api.execute(REQUEST, args);
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect(await counts()).toEqual(before);
      });
    }
  });

  describe('refuses a decision with a typed error and changes nothing', () => {
    let reviewId: string;
    let outsiderGid: string;
    beforeAll(async () => {
      const { id } = await initiative();
      reviewId = (await api.execute(REQUEST, { i: id, c: world.council.gid })).data!
        .requestCouncilReview.id;
      const other = await createAccount(getOrm(), {
        contacts: [{ respondentClass: RespondentClass.ECONOMIC_BUYER }],
      });
      outsiderGid = (await createCouncil(getOrm(), [other.account], other.contacts)).memberGids[0]!;
    });
    const cases: {
      name: string;
      input: () => Record<string, unknown>;
      code: string;
      message: RegExp;
    }[] = [
      {
        name: 'changes requested without comments',
        input: () => ({
          decision: 'CHANGES_REQUESTED',
          comments: ' ',
          decidedByMemberId: memberGid,
        }),
        code: 'BAD_USER_INPUT',
        message: /Requesting changes needs comments/,
      },
      {
        name: 'a member of another council',
        input: () => ({ decision: 'APPROVED', decidedByMemberId: outsiderGid }),
        code: 'BAD_USER_INPUT',
        message: /does not sit on the council/,
      },
      {
        name: 'PENDING as a decision',
        input: () => ({ decision: 'PENDING', decidedByMemberId: memberGid }),
        code: 'BAD_USER_INPUT',
        message: /APPROVED or CHANGES_REQUESTED, not PENDING/,
      },
      {
        name: 'an unknown member',
        input: () => ({
          decision: 'APPROVED',
          decidedByMemberId: 'Q291bmNpbE1lbWJlcjowMWEyMDAwMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDA',
        }),
        code: 'NOT_FOUND',
        message: /No council member matches decidedByMemberId\./,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const before = await counts();
        const res = await api.execute(DECIDE, { id: reviewId, input: c.input() });
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect(await counts()).toEqual(before);
        const read = await api.execute(`query($id: ID!) { councilReview(id: $id) { decision } }`, {
          id: reviewId,
        });
        expect(read.data!.councilReview.decision).toBe('PENDING');
      });
    }

    it('such as deciding a review twice', async () => {
      await api.execute(DECIDE, {
        id: reviewId,
        input: { decision: 'APPROVED', decidedByMemberId: memberGid },
      });
      const res = await api.execute(DECIDE, {
        id: reviewId,
        input: { decision: 'CHANGES_REQUESTED', comments: 'late', decidedByMemberId: memberGid },
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0]?.message).toMatch(/already decided \(APPROVED\)/);
    });
  });
});
