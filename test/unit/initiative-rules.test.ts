import { describe, expect, it } from 'vitest';
import type {
  InitiativeSnapshot,
  LiveReview,
  LiveTask,
} from '../../workflows/contracts/initiative.contract.js';
import {
  CouncilDecision,
  InitiativeStatus,
  ProcessGroup,
  TaskStatus,
} from '../../workflows/contracts/initiative.enums.js';
import { checkCommand, councilStance } from '../../workflows/contracts/initiative.rules.js';

const actor = 'user:test';

function task(over: Partial<LiveTask> = {}): LiveTask {
  return {
    id: 't1',
    title: 'Fix the invoice template',
    status: TaskStatus.OPEN,
    departmentId: 'd1',
    assigneeId: null,
    dueAt: '2026-12-10T00:00:00.000Z',
    clientVisible: true,
    revision: 1,
    round: 1,
    remindedAt: null,
    escalationLevel: 0,
    ...over,
  };
}

function review(over: Partial<LiveReview> = {}): LiveReview {
  return {
    id: 'r1',
    councilId: 'c1',
    revision: 1,
    decision: CouncilDecision.PENDING,
    requestedAt: '2026-12-01T00:00:00.000Z',
    remindersSent: 0,
    ...over,
  };
}

function snapshot(over: Partial<InitiativeSnapshot> = {}): InitiativeSnapshot {
  return {
    initiativeId: 'i1',
    code: 'INI-0042',
    title: 'Invoices with the delivery',
    clientVisible: true,
    processGroup: ProcessGroup.IMPLEMENT,
    status: InitiativeStatus.ACTIVE,
    revision: 1,
    ownerId: 'u1',
    tasks: [],
    reviews: [],
    ...over,
  };
}

describe('The initiative rules', () => {
  it('refuse every command once the initiative is closed or cancelled', () => {
    for (const status of [InitiativeStatus.CLOSED, InitiativeStatus.CANCELLED]) {
      const s = snapshot({ status });
      expect(checkCommand(s, 'resume', { actor })?.reason).toBe('INITIATIVE_FINISHED');
      expect(checkCommand(s, 'addTask', { actor, title: 'x', departmentId: 'd' })?.reason).toBe(
        'INITIATIVE_FINISHED',
      );
    }
  });

  it('allow only the next process group, naming the allowed one', () => {
    const s = snapshot({ processGroup: ProcessGroup.ANALYSE });
    const refused = checkCommand(s, 'move', { actor, to: ProcessGroup.MONITOR });
    expect(refused).toMatchObject({ reason: 'INVALID_TRANSITION', field: 'processGroup' });
    expect(refused?.message).toContain('to IMPLEMENT');
    expect(checkCommand(s, 'move', { actor, to: ProcessGroup.IMPLEMENT })).toBeNull();
  });

  it('need an owner before implementation starts', () => {
    const s = snapshot({ processGroup: ProcessGroup.ANALYSE, ownerId: null });
    expect(checkCommand(s, 'move', { actor, to: ProcessGroup.IMPLEMENT })?.reason).toBe(
      'OWNER_REQUIRED',
    );
  });

  it('finish IMPLEMENT only when every open task is done or listed for cancellation', () => {
    const s = snapshot({ tasks: [task(), task({ id: 't2', status: TaskStatus.DONE })] });
    const refused = checkCommand(s, 'move', { actor, to: ProcessGroup.MONITOR });
    expect(refused?.reason).toBe('OPEN_TASKS');
    expect(refused?.message).toContain('"Fix the invoice template"');
    expect(
      checkCommand(s, 'move', { actor, to: ProcessGroup.MONITOR, cancelTaskIds: ['t1'] }),
    ).toBeNull();
  });

  it('refuse to cancel a task of another initiative or a finished one along a move', () => {
    const s = snapshot({ tasks: [task({ id: 't2', status: TaskStatus.DONE })] });
    expect(
      checkCommand(s, 'move', { actor, to: ProcessGroup.MONITOR, cancelTaskIds: ['elsewhere'] }),
    ).toMatchObject({ reason: 'TASK_NOT_IN_INITIATIVE', field: 'cancelTaskIds' });
    expect(
      checkCommand(s, 'move', { actor, to: ProcessGroup.MONITOR, cancelTaskIds: ['t2'] })?.reason,
    ).toBe('TASK_FINISHED');
  });

  it('need a brief, and no pending council decision, to open a new revision from CORRECT', () => {
    const s = snapshot({ processGroup: ProcessGroup.CORRECT, reviews: [review()] });
    expect(
      checkCommand(s, 'move', { actor, to: ProcessGroup.IMPLEMENT, brief: '  ' })?.reason,
    ).toBe('BRIEF_REQUIRED');
    expect(
      checkCommand(s, 'move', { actor, to: ProcessGroup.IMPLEMENT, brief: 'Pilot smaller sites' })
        ?.reason,
    ).toBe('REVIEW_PENDING');
    const internal = snapshot({ processGroup: ProcessGroup.CORRECT, clientVisible: false });
    expect(
      checkCommand(internal, 'move', { actor, to: ProcessGroup.IMPLEMENT, brief: 'Retry' }),
    ).toBeNull();
  });

  it('close a client-visible initiative only when its council approved the current revision', () => {
    const base = { processGroup: ProcessGroup.MONITOR, revision: 2 };
    expect(checkCommand(snapshot(base), 'close', { actor })?.message).toContain(
      'no council has reviewed this revision yet',
    );
    const oldApproval = snapshot({
      ...base,
      reviews: [review({ revision: 1, decision: CouncilDecision.APPROVED })],
    });
    expect(checkCommand(oldApproval, 'close', { actor })?.reason).toBe('COUNCIL_APPROVAL_MISSING');
    const approved = snapshot({
      ...base,
      reviews: [review({ revision: 2, decision: CouncilDecision.APPROVED })],
    });
    expect(checkCommand(approved, 'close', { actor })).toBeNull();
    expect(
      checkCommand(snapshot({ ...base, clientVisible: false }), 'close', { actor }),
    ).toBeNull();
  });

  it('close only from MONITOR or CORRECT and without open tasks', () => {
    expect(checkCommand(snapshot({ clientVisible: false }), 'close', { actor })?.reason).toBe(
      'INVALID_TRANSITION',
    );
    const s = snapshot({
      clientVisible: false,
      processGroup: ProcessGroup.MONITOR,
      tasks: [task()],
    });
    expect(checkCommand(s, 'close', { actor })?.reason).toBe('OPEN_TASKS');
  });

  it('pause everything but resume and cancel while on hold', () => {
    const s = snapshot({ status: InitiativeStatus.ON_HOLD, tasks: [task()] });
    expect(
      checkCommand(s, 'move', { actor, to: ProcessGroup.MONITOR, cancelTaskIds: ['t1'] })?.reason,
    ).toBe('ON_HOLD');
    expect(checkCommand(s, 'addTask', { actor, title: 'x', departmentId: 'd' })?.reason).toBe(
      'ON_HOLD',
    );
    expect(checkCommand(s, 'hold', { actor, reason: 'again' })?.reason).toBe('ON_HOLD');
    expect(checkCommand(s, 'resume', { actor })).toBeNull();
    expect(checkCommand(s, 'cancel', { actor, reason: 'No budget' })).toBeNull();
    expect(checkCommand(snapshot(), 'resume', { actor })?.reason).toBe('NOT_ON_HOLD');
  });

  it('need reasons, notes and comments where a person must say why', () => {
    const s = snapshot({ tasks: [task()], reviews: [review()] });
    expect(checkCommand(s, 'hold', { actor, reason: '' })?.reason).toBe('REASON_REQUIRED');
    expect(checkCommand(s, 'cancel', { actor, reason: ' ' })?.reason).toBe('REASON_REQUIRED');
    expect(checkCommand(s, 'rejectTask', { actor, taskId: 't1', note: '' })?.reason).toBe(
      'NOTE_REQUIRED',
    );
    expect(
      checkCommand(s, 'decideReview', {
        actor,
        reviewId: 'r1',
        decision: CouncilDecision.CHANGES_REQUESTED,
        comments: '  ',
        decidedByMemberId: 'm1',
      }),
    ).toMatchObject({ reason: 'COMMENTS_REQUIRED', field: 'comments' });
  });

  it('refuse free texts longer than the limit, naming the field', () => {
    const s = snapshot({ tasks: [task()] });
    const long = 'x'.repeat(5_001);
    expect(checkCommand(s, 'hold', { actor, reason: long })).toMatchObject({
      reason: 'TEXT_TOO_LONG',
      field: 'reason',
    });
    expect(checkCommand(s, 'rejectTask', { actor, taskId: 't1', note: long })?.field).toBe('note');
    expect(checkCommand(s, 'hold', { actor, reason: 'x'.repeat(5_000) })).toBeNull();
  });

  it('reassign an open or rejected task but not a done one', () => {
    const s = snapshot({
      tasks: [task({ status: TaskStatus.REJECTED }), task({ id: 't2', status: TaskStatus.DONE })],
    });
    expect(checkCommand(s, 'reassignTask', { actor, taskId: 't1', departmentId: 'd2' })).toBeNull();
    expect(
      checkCommand(s, 'reassignTask', { actor, taskId: 't2', departmentId: 'd2' })?.reason,
    ).toBe('TASK_FINISHED');
    expect(checkCommand(s, 'completeTask', { actor, taskId: 't1' })?.reason).toBe('TASK_FINISHED');
  });

  it('finish tasks only through completeTask and rejectTask', () => {
    const s = snapshot({ tasks: [task()] });
    expect(
      checkCommand(s, 'updateTask', { actor, taskId: 't1', status: TaskStatus.DONE })?.message,
    ).toContain('use completeTask');
    expect(
      checkCommand(s, 'updateTask', { actor, taskId: 't1', status: TaskStatus.IN_PROGRESS }),
    ).toBeNull();
  });

  it('take one decision per review, never PENDING, and ask councils only about visible work', () => {
    const decided = snapshot({ reviews: [review({ decision: CouncilDecision.APPROVED })] });
    const decide = { actor, reviewId: 'r1', decidedByMemberId: 'm1' };
    expect(
      checkCommand(decided, 'decideReview', { ...decide, decision: CouncilDecision.APPROVED })
        ?.reason,
    ).toBe('REVIEW_DECIDED');
    expect(
      checkCommand(snapshot({ reviews: [review()] }), 'decideReview', {
        ...decide,
        decision: CouncilDecision.PENDING,
      })?.reason,
    ).toBe('INVALID_DECISION');
    expect(
      checkCommand(snapshot(), 'decideReview', { ...decide, decision: CouncilDecision.APPROVED })
        ?.reason,
    ).toBe('REVIEW_NOT_IN_INITIATIVE');
    expect(
      checkCommand(snapshot({ clientVisible: false }), 'requestReview', { actor, councilId: 'c1' })
        ?.reason,
    ).toBe('NOT_CLIENT_VISIBLE');
    expect(
      checkCommand(snapshot({ reviews: [review()] }), 'requestReview', { actor, councilId: 'c1' })
        ?.reason,
    ).toBe('REVIEW_EXISTS');
  });

  it('read the council’s stance from the current revision’s reviews only', () => {
    expect(councilStance(snapshot())).toBe('NONE');
    expect(
      councilStance(
        snapshot({
          reviews: [
            review({ decision: CouncilDecision.APPROVED }),
            review({ id: 'r2', councilId: 'c2' }),
          ],
        }),
      ),
    ).toBe('PENDING');
    expect(
      councilStance(
        snapshot({
          reviews: [
            review({ decision: CouncilDecision.APPROVED }),
            review({ id: 'r2', councilId: 'c2', decision: CouncilDecision.CHANGES_REQUESTED }),
          ],
        }),
      ),
    ).toBe('CHANGES_REQUESTED');
  });
});
