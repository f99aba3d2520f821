import { expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { createInitiativeWorld } from '../fixtures/initiative-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi } from '../helpers/graphql.js';

const CREATE = `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { code } }`;
const LIST = `query($filter: InitiativeFilter) { initiatives(first: 50, filter: $filter, orderBy: { field: CODE, direction: ASC }) { totalCount nodes { code } } }`;

describeEachDatabase('initiatives filtered by segment', (getOrm) => {
  it('lists only initiatives that affect an account of the segment', async () => {
    const api = await createTestApi(getOrm());
    const world = await createInitiativeWorld(getOrm());
    const create = async (title: string, accountGids: string[]) => {
      const res = await api.execute<{ createInitiative: { code: string } }>(CREATE, {
        input: { title, problem: 'p', affectedAccountIds: accountGids },
      });
      expect(res.errors).toBeUndefined();
      return res.data?.createInitiative.code;
    };
    const acmeOnly = await create('Acme only', [world.acme.accountGid]);
    const betaOnly = await create('Beta only', [world.beta.accountGid]);
    const both = await create('Both', [world.acme.accountGid, world.beta.accountGid]);
    const codes = async (filter: Record<string, unknown>) => {
      const res = await api.execute<{
        initiatives: { totalCount: number; nodes: { code: string }[] };
      }>(LIST, { filter });
      expect(res.errors).toBeUndefined();
      return res.data?.initiatives.nodes.map((n) => n.code);
    };
    const acmeSegment = toGlobalId('Segment', world.acme.account.segment.id);
    const betaSegment = toGlobalId('Segment', world.beta.account.segment.id);
    expect(await codes({ segmentId: acmeSegment })).toEqual([acmeOnly, both]);
    expect(await codes({ segmentId: betaSegment })).toEqual([betaOnly, both]);
    expect(await codes({ segmentId: betaSegment, accountId: world.acme.accountGid })).toEqual([]);
    await api.stop();
  });
});
