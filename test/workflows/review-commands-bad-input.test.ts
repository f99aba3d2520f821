import { afterAll, beforeAll, describe, it } from 'vitest';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { createAccount } from '../fixtures/factories.js';
import { createCouncil, createInitiativeWorld } from '../fixtures/initiative-factories.js';
import { unknownId } from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { DOCS, InitiativeDriver } from '../helpers/initiative-driver.js';
import { runRefusalCase, type RefusalCase } from '../helpers/refusals.js';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness.js';

const temporal = useTimeSkippingEnv();

type Arranged = { initiative: string; review?: string; entry?: string };
const BAD = (reason: string, field?: string) =>
  ({ code: 'BAD_USER_INPUT', reason, ...(field ? { field } : {}) }) as const;
const CONFLICT = (reason: string, field?: string) =>
  ({ code: 'CONFLICT', reason, ...(field ? { field } : {}) }) as const;

describeEachDatabase('Council review and inbox commands given bad input', (getOrm) => {
  let h: WorkflowHarness;
  let drive: InitiativeDriver;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
  let member: string;
  /** A council over Beta Polymers, and one of its members. */
  let betaCouncil: { gid: string; memberGids: string[] };
  /** A member of a council over an account no initiative here affects. */
  let outsider: string;

  beforeAll(async () => {
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    drive = new InitiativeDriver(h.api, temporal.env);
    world = await createInitiativeWorld(getOrm());
    member = world.council.memberGids[0]!;
    const beta = await createAccount(getOrm(), {
      contacts: [{ respondentClass: RespondentClass.TECHNICAL_BUYER }],
    });
    betaCouncil = await createCouncil(getOrm(), [world.beta.account], beta.contacts);
    const other = await createAccount(getOrm(), {
      contacts: [{ respondentClass: RespondentClass.ECONOMIC_BUYER }],
    });
    outsider = (await createCouncil(getOrm(), [other.account], other.contacts)).memberGids[0]!;
  });
  afterAll(async () => h?.stop());

  /** Client-visible, affecting Acme (on the world's council), owned by Anna Planner. */
  const visible = async (input: Record<string, unknown> = {}): Promise<Arranged> => ({
    initiative: (
      await drive.initiative({
        clientVisible: true,
        ownerId: world.planner.gid,
        affectedAccountIds: [world.acme.accountGid],
        ...input,
      })
    ).id,
  });
  /** A visible initiative with a pending review requested of the world's council. */
  const requested = async (): Promise<Arranged> => {
    const { initiative } = await visible();
    return { initiative, review: (await drive.requestReview(initiative, world.council.gid)).id };
  };
  const decide = (
    a: Arranged,
    input: Record<string, unknown>,
  ): [string, Record<string, unknown>] => [
    DOCS.decideCouncilReview,
    { id: a.review, input: { decision: 'APPROVED', decidedByMemberId: member, ...input } },
  ];
  const request = (
    a: Arranged,
    councilId = world.council.gid,
  ): [string, Record<string, unknown>] => [
    DOCS.requestCouncilReview,
    { i: a.initiative, c: councilId },
  ];

  const cases: RefusalCase<Arranged>[] = [
    // requestCouncilReview
    {
      name: 'asking an unknown council',
      arrange: visible,
      send: (a) => request(a, unknownId('AdvisoryCouncil')),
      error: { code: 'NOT_FOUND', reason: 'COUNCIL_NOT_FOUND', field: 'councilId' },
      message: /^No advisory council matches councilId\.$/,
    },
    {
      name: 'asking a council member instead of a council',
      arrange: visible,
      send: (a) => request(a, member),
      error: BAD('INVALID_ID', 'councilId'),
      message: /councilId is not a valid AdvisoryCouncil id/,
    },
    {
      name: 'asking a council about an internal initiative',
      arrange: () => visible({ clientVisible: false }),
      send: (a) => request(a),
      error: BAD('NOT_CLIENT_VISIBLE'),
      message: /is internal; only client-visible initiatives go to an advisory council/,
    },
    {
      name: 'asking a council none of whose accounts the initiative affects',
      arrange: visible,
      send: (a) => request(a, betaCouncil.gid),
      error: BAD('COUNCIL_NOT_CONCERNED', 'councilId'),
      message: /None of the accounts affected by initiative INI-\d+ sits on the council/,
    },
    {
      name: 'asking a council twice while its review is pending',
      arrange: requested,
      send: (a) => request(a),
      error: CONFLICT('REVIEW_EXISTS', 'councilId'),
      message: /This council already has a pending review of revision 1 of INI-\d+/,
    },
    {
      name: 'asking a council again about a revision it already decided on request',
      arrange: async () => {
        const a = await requested();
        await drive.decide(a.review!, member);
        return a;
      },
      send: (a) => request(a),
      error: CONFLICT('REVIEW_EXISTS', 'councilId'),
      message: /was already asked to review revision 1 of INI-\d+ \(APPROVED\)/,
    },
    {
      name: 'asking a council while the initiative is on hold',
      arrange: async () => {
        const a = await visible();
        await drive.hold(a.initiative);
        return a;
      },
      send: (a) => request(a),
      error: CONFLICT('ON_HOLD'),
      message: /is on hold; resume it before you ask the council/,
    },
    // decideCouncilReview
    {
      name: 'deciding a review already approved',
      arrange: async () => {
        const a = await requested();
        await drive.decide(a.review!, member);
        return a;
      },
      send: (a) => decide(a, { decision: 'CHANGES_REQUESTED', comments: 'Late' }),
      error: CONFLICT('REVIEW_DECIDED'),
      message: /This review was already decided \(APPROVED\)/,
    },
    {
      name: 'deciding a review that already asked for changes',
      arrange: async () => {
        const a = await requested();
        await drive.decide(a.review!, member, 'CHANGES_REQUESTED', 'Show VAT per line');
        return a;
      },
      send: (a) => decide(a, {}),
      error: CONFLICT('REVIEW_DECIDED'),
      message: /This review was already decided \(CHANGES_REQUESTED\)/,
    },
    {
      name: 'deciding a pending review of a revision another council already sent back',
      arrange: async () => {
        const a = await visible({
          affectedAccountIds: [world.acme.accountGid, world.beta.accountGid],
        });
        await drive.moveThrough(a.initiative, 'IMPLEMENT', 'MONITOR');
        const reviews = await drive.reviews(a.initiative);
        const ours = reviews.find((r) => r.council.id === world.council.gid)!;
        const theirs = reviews.find((r) => r.council.id === betaCouncil.gid)!;
        await drive.decide(ours.id, member, 'CHANGES_REQUESTED', 'Show VAT per line');
        return { ...a, review: theirs.id };
      },
      send: (a) => [
        DOCS.decideCouncilReview,
        {
          id: a.review,
          input: { decision: 'APPROVED', decidedByMemberId: betaCouncil.memberGids[0] },
        },
      ],
      error: CONFLICT('REVIEW_OUTDATED'),
      message: /This review is of revision 1; INI-\d+ has moved on to revision 2/,
    },
    {
      name: 'deciding with a member of another council',
      arrange: requested,
      send: (a) => decide(a, { decidedByMemberId: outsider }),
      error: BAD('MEMBER_NOT_IN_COUNCIL', 'decidedByMemberId'),
      message: /The member does not sit on the council .*, so cannot decide its review/,
    },
    {
      name: 'deciding with an unknown member',
      arrange: requested,
      send: (a) => decide(a, { decidedByMemberId: unknownId('CouncilMember') }),
      error: { code: 'NOT_FOUND', reason: 'MEMBER_NOT_FOUND', field: 'decidedByMemberId' },
      message: /^No council member matches decidedByMemberId\.$/,
    },
    {
      name: 'deciding with a user id as the member',
      arrange: requested,
      send: (a) => decide(a, { decidedByMemberId: world.planner.gid }),
      error: BAD('INVALID_ID', 'decidedByMemberId'),
      message: /decidedByMemberId is not a valid CouncilMember id/,
    },
    {
      name: 'requesting changes with blank comments',
      arrange: requested,
      send: (a) => decide(a, { decision: 'CHANGES_REQUESTED', comments: '  ' }),
      error: BAD('COMMENTS_REQUIRED', 'comments'),
      message: /Requesting changes needs comments saying which changes/,
    },
    {
      name: 'requesting changes without comments',
      arrange: requested,
      send: (a) => decide(a, { decision: 'CHANGES_REQUESTED' }),
      error: BAD('COMMENTS_REQUIRED', 'comments'),
      message: /Requesting changes needs comments/,
    },
    {
      name: 'deciding PENDING',
      arrange: requested,
      send: (a) => decide(a, { decision: 'PENDING' }),
      error: BAD('INVALID_DECISION', 'decision'),
      message: /A decision is APPROVED or CHANGES_REQUESTED, not PENDING/,
    },
    {
      name: 'deciding while the initiative is on hold',
      arrange: async () => {
        const a = await requested();
        await drive.hold(a.initiative);
        return a;
      },
      send: (a) => decide(a, {}),
      error: CONFLICT('ON_HOLD'),
      message: /is on hold; resume it before you record the council’s decision/,
    },
    // markInboxEntryRead
    {
      name: 'marking an initiative read as if it were an inbox entry',
      arrange: visible,
      send: (a) => [DOCS.markInboxEntryRead, { id: a.initiative }],
      error: BAD('INVALID_ID', 'id'),
      message: /id is not a valid InboxEntry id/,
    },
  ];

  describe('refuses it with a typed error, a readable message, and changes nothing', () => {
    for (const c of cases) it(`such as ${c.name}`, () => runRefusalCase(h.api, getOrm(), c));
  });
});
