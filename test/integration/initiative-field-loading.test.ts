import { expect, it } from 'vitest';
import { createFeedback, createInitiativeWorld } from '../fixtures/initiative-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi } from '../helpers/graphql.js';

const CREATE = `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`;

// Reads only, so no workflow engine: a worker's activities on the same database would add
// their queries to the count at moments of their own choosing.
let sqlLog: string[] = [];
describeEachDatabase(
  'initiative field resolvers',
  (getOrm) => {
    it('load references and children of a whole page in a constant number of queries', async () => {
      const api = await createTestApi(getOrm());
      const world = await createInitiativeWorld(getOrm());
      const feedback = await createFeedback(getOrm(), world.acme.account);
      const query = `{ initiatives(first: 50) { nodes { code owner { name } affectedAccounts { name } feedback { id }
        tasks { title } openTaskCount councilReviews { decision } targets { baseline } notifications { id } analysis { id }
        processClass { id } revisions { number } } } }`;
      const costOf = async () => {
        sqlLog = [];
        const res = await api.execute(query);
        expect(res.errors).toBeUndefined();
        return sqlLog.length;
      };
      const input = {
        title: 'N+1',
        problem: 'p',
        ownerId: world.planner.gid,
        affectedAccountIds: [world.acme.accountGid],
        feedbackIds: [feedback.gid],
      };
      await api.execute(CREATE, { input });
      const one = await costOf();
      expect(one).toBeGreaterThan(3);
      for (let i = 0; i < 4; i++) await api.execute(CREATE, { input });
      expect(await costOf()).toBe(one);
      await api.stop();
    });
  },
  { onQuery: (sql) => sqlLog.push(sql) },
);
