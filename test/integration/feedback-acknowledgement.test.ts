import { expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { uuidv7 } from '../../server/src/db/ids.js';
import type { Em } from '../../server/src/db/orm.js';
import { unreachableInitiativeWorkflows } from '../../server/src/modules/initiative/initiative-workflows.port.js';
import { DomainContext, fixedClock, type DomainDeps } from '../../server/src/domain/context.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { FeedbackAcknowledgementService } from '../../server/src/modules/feedback/feedback-acknowledgement.service.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createFeedbackFixture } from '../workflows/feedback-fixture.js';

const deps: DomainDeps = {
  log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  collect: { startCollect: () => Promise.reject(new Error('not in this test')) },
  config: loadConfig({}),
  initiatives: unreachableInitiativeWorkflows,
};
const at = new Date('2026-03-04T05:06:07.000Z');

describeEachDatabase('Acknowledging feedback in a DomainContext', (getOrm) => {
  const contextAs = (actor: string) =>
    new DomainContext(deps, getOrm().em.fork() as Em, { actor }, fixedClock(at));

  it('stamps the item with the context’s clock and audits it as the acting workflow', async () => {
    const { feedbackId } = await createFeedbackFixture(getOrm(), { email: 'anna@client.example' });
    const outcome = await contextAs('workflow:test')
      .service(FeedbackAcknowledgementService)
      .acknowledge(feedbackId);
    expect(outcome).toMatchObject({
      notificationCreated: true,
      statusChanged: true,
      deliveryStatus: 'PENDING',
    });
    const em = getOrm().em.fork();
    expect((await em.findOneOrFail(FeedbackItem, feedbackId)).acknowledgedAt).toEqual(at);
    const audit = await em.findOneOrFail(AuditEvent, {
      entityId: feedbackId,
      action: 'acknowledgeFeedback',
    });
    expect(audit).toMatchObject({
      actor: 'workflow:test',
      after: { status: 'ACKNOWLEDGED', acknowledgedAt: at.toISOString() },
    });
  });

  it('refuses an unknown item with the feedback module’s NOT_FOUND naming the field', async () => {
    await expect(
      contextAs('workflow:test').service(FeedbackAcknowledgementService).acknowledge(uuidv7()),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      reason: 'FEEDBACK_NOT_FOUND',
      field: 'feedbackId',
      message: 'No feedback item matches feedbackId.',
    });
  });

  it('binds a copy to another EntityManager with the same actor, clock and ports', () => {
    const ctx = contextAs('user:42');
    const other = getOrm().em.fork() as Em;
    const copy = ctx.withEm(other);
    expect(copy.em).toBe(other);
    expect([copy.viewer, copy.clock, copy.deps]).toEqual([ctx.viewer, ctx.clock, ctx.deps]);
    expect(ctx.service(FeedbackAcknowledgementService)).toBe(
      ctx.service(FeedbackAcknowledgementService),
    );
    expect(copy.service(FeedbackAcknowledgementService)).not.toBe(
      ctx.service(FeedbackAcknowledgementService),
    );
  });
});
