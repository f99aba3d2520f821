import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { CouncilMember } from '../../server/src/modules/client/council-member.entity.js';
import { createAccount } from '../fixtures/factories.js';
import { createCouncil } from '../fixtures/initiative-factories.js';
import { expectRefusedWithoutWrites, unknownId, type RefusalCase } from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const UPDATE = `mutation($id: ID!, $input: UpdateCouncilMemberInput!) {
  updateCouncilMember(id: $id, input: $input) { id role contact { name } } }`;
const ADD = `mutation($input: AddCouncilMemberInput!) { addCouncilMember(input: $input) { id role } }`;
const MEMBERS = `query($id: ID!) { advisoryCouncil(id: $id) { members { role contact { name } } } }`;

describeEachDatabase('council members API: changing a role', (getOrm) => {
  let api: TestApi;
  let alpha: Awaited<ReturnType<typeof createAccount>>;
  let council: Awaited<ReturnType<typeof createCouncil>>;
  let other: Awaited<ReturnType<typeof createCouncil>>;

  const run = async (query: string, variables: Record<string, unknown>) => {
    const res = await api.execute(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  const roles = async () =>
    (await run(MEMBERS, { id: council.gid })).advisoryCouncil.members.map(
      (m: { role: string }) => m.role,
    );

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    alpha = await createAccount(getOrm(), {
      name: 'Alpha',
      contacts: [
        { respondentClass: RespondentClass.ECONOMIC_BUYER },
        { respondentClass: RespondentClass.TECHNICAL_BUYER },
        { respondentClass: RespondentClass.OPERATOR },
        { respondentClass: RespondentClass.OPERATOR },
      ],
    });
    council = await createCouncil(getOrm(), [alpha.account], alpha.contacts.slice(0, 3));
    // The same person chairing another council does not count against this one.
    other = await createCouncil(getOrm(), [alpha.account], [alpha.contacts[1]!]);
  });
  afterAll(() => api.stop());

  it('makes a member the chair of a council without one, with an audit event', async () => {
    await run(UPDATE, { id: other.memberGids[0], input: { role: 'CHAIR' } });
    const data = await run(UPDATE, { id: council.memberGids[0], input: { role: 'CHAIR' } });
    expect(data.updateCouncilMember).toEqual({
      id: council.memberGids[0],
      role: 'CHAIR',
      contact: { name: alpha.contacts[0]!.name },
    });
    expect(await roles()).toEqual(['CHAIR', 'MEMBER', 'MEMBER']);
    const audits = await getOrm()
      .em.fork()
      .find(AuditEvent, { action: 'updateCouncilMember' }, { orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.entityType, a.before?.role, a.after?.role])).toEqual([
      ['CouncilMember', 'MEMBER', 'CHAIR'],
      ['CouncilMember', 'MEMBER', 'CHAIR'],
    ]);
  });

  it('hands the chair over in two explicit steps', async () => {
    await run(UPDATE, { id: council.memberGids[0], input: { role: 'MEMBER' } });
    await run(UPDATE, { id: council.memberGids[1], input: { role: 'CHAIR' } });
    expect(await roles()).toEqual(['MEMBER', 'CHAIR', 'MEMBER']);
    // Confirming the role a member already has changes nothing and is not refused.
    await run(UPDATE, { id: council.memberGids[1], input: { role: 'CHAIR' } });
    expect(await roles()).toEqual(['MEMBER', 'CHAIR', 'MEMBER']);
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    const cases: RefusalCase[] = [
      {
        name: 'a second chair, naming the current one',
        query: UPDATE,
        variables: () => ({ id: council.memberGids[2], input: { role: 'CHAIR' } }),
        code: 'CONFLICT',
        // The chair is the factory's contact #1 of Alpha (`Person <n>.1`).
        message: /^Person \d+\.1 already chairs this council; make them a MEMBER first\.$/,
      },
      {
        name: 'seating a new member as a second chair',
        query: ADD,
        variables: () => ({
          input: { councilId: council.gid, contactId: alpha.contactGids[3], role: 'CHAIR' },
        }),
        code: 'CONFLICT',
        message: /already chairs this council/,
      },
      {
        name: 'a role that does not exist',
        query: UPDATE,
        variables: () => ({ id: council.memberGids[2], input: { role: 'BOSS' } }),
        code: 'BAD_USER_INPUT',
        message: /Value "BOSS" does not exist in "CouncilRole" enum/,
      },
      {
        name: 'an unknown member',
        query: UPDATE,
        variables: () => ({ id: unknownId('CouncilMember'), input: { role: 'MEMBER' } }),
        code: 'NOT_FOUND',
        message: /No council member matches id\./,
      },
      {
        name: 'a malformed id',
        query: UPDATE,
        variables: () => ({ id: alpha.accountGid, input: { role: 'MEMBER' } }),
        code: 'BAD_USER_INPUT',
        message: /id is not a valid CouncilMember id/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const before = await roles();
        await expectRefusedWithoutWrites(api, getOrm(), [CouncilMember], c);
        expect(await roles()).toEqual(before);
      });
    }
  });
});
