import { afterAll, beforeAll, expect, it } from 'vitest';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import {
  AccountTier,
  CompanySize,
  RespondentClass,
} from '../../server/src/modules/client/client.enums.js';
import { Contact } from '../../server/src/modules/client/contact.entity.js';
import { Segment } from '../../server/src/modules/client/segment.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackChannel } from '../../server/src/modules/feedback/feedback.enums.js';
import {
  InteractionChannel,
  JourneyStage,
} from '../../server/src/modules/journey/journey.enums.js';
import { ProcessClass } from '../../server/src/modules/journey/process-class.entity.js';
import { Touchpoint } from '../../server/src/modules/journey/touchpoint.entity.js';
import { Department } from '../../server/src/modules/organisation/department.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { NESTED } from '../fixtures/nested-accounts-query.js';

const ACCOUNTS = 100;
const CONTACTS_PER_ACCOUNT = 3;
const FEEDBACK_PER_CONTACT = 4;

let statements: string[] = [];

describeEachDatabase(
  'a nested account read',
  (getOrm) => {
    let api: TestApi;

    beforeAll(async () => {
      const em = getOrm().em.fork();
      const department = em.create(Department, { code: 'logistics', name: 'Logistics' });
      const processClasses = ['Delivery planning', 'Invoicing'].map((name, i) =>
        em.create(ProcessClass, {
          code: `pc-${i}`,
          name,
          primaryStage: JourneyStage.USAGE,
          owningDepartment: department,
        }),
      );
      const touchpoints = processClasses.flatMap((processClass, i) =>
        [InteractionChannel.EMAIL, InteractionChannel.PORTAL].map((channel) =>
          em.create(Touchpoint, {
            stage: JourneyStage.USAGE,
            processClass,
            channel,
            name: `TP ${i} ${channel}`,
            owningDepartment: department,
          }),
        ),
      );
      const segments = [0, 1, 2].map((i) =>
        em.create(Segment, {
          code: `seg-${i}`,
          name: `Segment ${i}`,
          industry: 'Chemicals',
          size: CompanySize.MEDIUM,
        }),
      );
      const start = Date.UTC(2026, 0, 1);
      for (let a = 0; a < ACCOUNTS; a++) {
        const account = em.create(ClientAccount, {
          name: `Account ${String(a).padStart(3, '0')}`,
          segment: segments[a % segments.length]!,
          tier: AccountTier.SMB,
        });
        for (let c = 0; c < CONTACTS_PER_ACCOUNT; c++) {
          const contact = em.create(Contact, {
            account,
            name: `Person ${a}.${c}`,
            email: `p${c}@a${a}.example`,
            respondentClass: RespondentClass.OPERATOR,
          });
          for (let f = 0; f < FEEDBACK_PER_CONTACT; f++) {
            em.create(FeedbackItem, {
              account,
              contact,
              channel: FeedbackChannel.SURVEY,
              npsScore: (a + c + f) % 11,
              touchpoint: touchpoints[(a + f) % touchpoints.length]!,
              receivedAt: new Date(start + (a * 100 + c * 10 + f) * 60_000),
            });
          }
        }
      }
      await em.flush();
      api = await createTestApi(getOrm());
    });
    afterAll(() => api.stop());

    async function countStatements(first: number): Promise<{ count: number; data: any }> {
      statements = [];
      const res = await api.execute(NESTED, { first });
      expect(res.errors).toBeUndefined();
      return { count: statements.length, data: res.data };
    }

    it('costs the same number of SQL statements for 5 accounts as for 100', async () => {
      const small = await countStatements(5);
      const large = await countStatements(100);
      expect(small.data.clientAccounts.nodes).toHaveLength(5);
      expect(large.data.clientAccounts.nodes).toHaveLength(ACCOUNTS);
      expect(large.count).toBe(small.count);
      // Page + count, then one batch each: segments, contacts, top-3 ids, feedback, touchpoints, process classes.
      expect(large.count).toBeGreaterThanOrEqual(7);
      expect(large.count).toBeLessThanOrEqual(10);
    });

    it('returns every contact with its three newest feedback items and their touchpoints', async () => {
      const { data } = await countStatements(100);
      const first = data.clientAccounts.nodes[0];
      expect(first.name).toBe('Account 000');
      expect(first.segment.name).toBe('Segment 0');
      expect(first.contacts).toHaveLength(CONTACTS_PER_ACCOUNT);
      for (const account of data.clientAccounts.nodes) {
        for (const contact of account.contacts) {
          expect(contact.recentFeedback).toHaveLength(3);
          expect(contact.recentFeedback[0].touchpoint.processClass.name).toMatch(
            /Delivery planning|Invoicing/,
          );
        }
      }
      // Newest first: feedback f = 3, 2, 1 of contact 0 of account 0.
      expect(first.contacts[0].recentFeedback.map((f: any) => f.npsScore)).toEqual([3, 2, 1]);
    });
  },
  { onQuery: (sql) => statements.push(sql) },
);
