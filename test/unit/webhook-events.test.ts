import { describe, expect, it } from 'vitest';
import { eventOf } from '../../server/src/modules/webhook/webhook.events.js';

const row = (action: string, extra: Record<string, unknown> = {}) => ({
  id: '0190a000-0000-7000-8000-000000000001',
  at: new Date('2026-12-01T06:00:00Z'),
  action,
  entityType: 'Thing',
  entityId: 'thing-1',
  before: null,
  after: null,
  ...extra,
});

describe('eventOf: which audit rows are webhook events', () => {
  it.each([
    ['acknowledgeFeedback', 'feedback.acknowledged'],
    ['openCase', 'case.opened'],
    ['escalateCase', 'case.escalated'],
    ['moveInitiative', 'initiative.moved'],
    ['createInitiativeTask', 'task.assigned'],
    ['reassignTask', 'task.assigned'],
    ['escalateTaskToOwner', 'task.overdue'],
    ['decideCouncilReview', 'council.decided'],
  ])('%s is %s, with the audit row id as event id', (action, type) => {
    expect(eventOf(row(action))).toMatchObject({
      id: row(action).id,
      type,
      data: { entityType: 'Thing', entityId: 'thing-1', action },
    });
  });

  it('tells a client notified once the SMTP server took the message, not when it was queued or not sent', () => {
    expect(
      eventOf(
        row('deliverClientNotification', {
          before: { status: 'PENDING', kind: 'INITIATIVE_PROGRESS' },
          after: { status: 'SENT', kind: 'INITIATIVE_PROGRESS', body: 'Dear Anna' },
        }),
      ),
    ).toMatchObject({
      type: 'client.notified',
      data: { action: 'deliverClientNotification', status: 'SENT', kind: 'INITIATIVE_PROGRESS' },
    });
    for (const status of ['BOUNCED', 'FAILED', 'SKIPPED']) {
      expect(eventOf(row('deliverClientNotification', { after: { status } })), status).toBeNull();
    }
    expect(eventOf(row('queueClientNotification', { after: { status: 'PENDING' } }))).toBeNull();
  });

  it('ignores actions that are no event and rows about no entity', () => {
    expect(eventOf(row('updateSegment'))).toBeNull();
    expect(eventOf(row('openCase', { entityId: null }))).toBeNull();
  });

  it('tells a maturity level change, not a recomputation that kept the level', () => {
    expect(
      eventOf(row('recomputeMaturity', { before: { level: 2 }, after: { level: 3 } })),
    ).toMatchObject({ type: 'maturity.level_changed', data: { level: 3, previousLevel: 2 } });
    expect(
      eventOf(row('recomputeMaturity', { before: { level: 3 }, after: { level: 3 } })),
    ).toBeNull();
  });

  it('carries states and levels but no free text', () => {
    const event = eventOf(
      row('moveInitiative', {
        before: { status: 'PLANNED' },
        after: { status: 'IMPLEMENTATION', title: 'Faster deliveries', comments: 'call Ivan' },
      }),
    );
    expect(event?.data).toEqual({
      entityType: 'Thing',
      entityId: 'thing-1',
      action: 'moveInitiative',
      status: 'IMPLEMENTATION',
      previousStatus: 'PLANNED',
    });
  });
});
