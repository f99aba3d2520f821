import { describe, expect, it } from 'vitest';
import type {
  InitiativeSnapshot,
  InitiativeTimings,
  LiveTask,
} from '../../workflows/contracts/initiative.contract.js';
import {
  CouncilDecision,
  InitiativeStatus,
  ProcessGroup,
  TaskStatus,
} from '../../workflows/contracts/initiative.enums.js';
import {
  dueActions,
  nextWakeUp,
  plannedTimers,
  timerKey,
} from '../../workflows/contracts/initiative.timers.js';

const H = 3_600_000;
const timings: InitiativeTimings = {
  taskReminderLeadMs: 48 * H,
  escalateToOfficeAfterMs: 72 * H,
  councilReminderAfterMs: 168 * H,
  councilReminderLimit: 2,
  historyLimit: 1000,
};
const due = Date.parse('2026-12-10T12:00:00.000Z');

function task(over: Partial<LiveTask> = {}): LiveTask {
  return {
    id: 't1',
    title: 'Book loading slots online',
    status: TaskStatus.OPEN,
    departmentId: 'd1',
    assigneeId: null,
    dueAt: new Date(due).toISOString(),
    clientVisible: false,
    revision: 1,
    round: 1,
    remindedAt: null,
    escalationLevel: 0,
    ...over,
  };
}

function snapshot(over: Partial<InitiativeSnapshot> = {}): InitiativeSnapshot {
  return {
    initiativeId: 'i1',
    code: 'INI-0007',
    title: 'Delivery windows',
    clientVisible: true,
    processGroup: ProcessGroup.IMPLEMENT,
    status: InitiativeStatus.ACTIVE,
    revision: 1,
    ownerId: 'u1',
    tasks: [task()],
    reviews: [],
    ...over,
  };
}

describe('The initiative timers', () => {
  it('remind two days before the due date, then escalate to the owner when due and to the office three days later', () => {
    const s = snapshot();
    expect(nextWakeUp(s, timings)).toBe(due - 48 * H);
    expect(dueActions(s, timings, due - 49 * H)).toEqual([]);
    expect(dueActions(s, timings, due - 48 * H).map((a) => a.kind)).toEqual(['TASK_REMINDER']);
    const reminded = snapshot({
      tasks: [task({ remindedAt: new Date(due - 48 * H).toISOString() })],
    });
    expect(nextWakeUp(reminded, timings)).toBe(due);
    const overdue = snapshot({ tasks: [task({ remindedAt: 'x', escalationLevel: 1 })] });
    expect(nextWakeUp(overdue, timings)).toBe(due + 72 * H);
    const escalated = snapshot({ tasks: [task({ escalationLevel: 2 })] });
    expect(nextWakeUp(escalated, timings)).toBeUndefined();
  });

  it('skip the reminder of a task that is already overdue, and escalate twice after a long outage', () => {
    const s = snapshot();
    expect(dueActions(s, timings, due + 1).map((a) => a.kind)).toEqual(['TASK_OVERDUE']);
    expect(dueActions(s, timings, due + 80 * H).map((a) => a.kind)).toEqual([
      'TASK_OVERDUE',
      'TASK_ESCALATION',
    ]);
  });

  it('wait for nothing while on hold, for finished tasks, or for tasks without a due date', () => {
    expect(nextWakeUp(snapshot({ status: InitiativeStatus.ON_HOLD }), timings)).toBeUndefined();
    expect(
      nextWakeUp(snapshot({ tasks: [task({ status: TaskStatus.DONE })] }), timings),
    ).toBeUndefined();
    expect(
      nextWakeUp(snapshot({ tasks: [task({ status: TaskStatus.REJECTED })] }), timings),
    ).toBeUndefined();
    expect(nextWakeUp(snapshot({ tasks: [task({ dueAt: null })] }), timings)).toBeUndefined();
  });

  it('remind the council weekly while a review is pending, up to the limit', () => {
    const requested = Date.parse('2026-12-01T00:00:00.000Z');
    const review = {
      id: 'r1',
      councilId: 'c1',
      revision: 1,
      decision: CouncilDecision.PENDING,
      requestedAt: new Date(requested).toISOString(),
      remindersSent: 0,
    };
    const s = snapshot({ tasks: [], reviews: [review] });
    expect(nextWakeUp(s, timings)).toBe(requested + 168 * H);
    expect(
      nextWakeUp(snapshot({ tasks: [], reviews: [{ ...review, remindersSent: 1 }] }), timings),
    ).toBe(requested + 2 * 168 * H);
    expect(
      nextWakeUp(snapshot({ tasks: [], reviews: [{ ...review, remindersSent: 2 }] }), timings),
    ).toBeUndefined();
    const decided = { ...review, decision: CouncilDecision.APPROVED };
    expect(nextWakeUp(snapshot({ tasks: [], reviews: [decided] }), timings)).toBeUndefined();
  });

  it('show one planned timer per task and review in the live state', () => {
    const s = snapshot({
      tasks: [task(), task({ id: 't2', dueAt: new Date(due + 24 * H).toISOString() })],
    });
    expect(plannedTimers(s, timings)).toEqual([
      { kind: 'TASK_REMINDER', at: new Date(due - 48 * H).toISOString(), taskId: 't1' },
      { kind: 'TASK_REMINDER', at: new Date(due - 24 * H).toISOString(), taskId: 't2' },
    ]);
  });

  it('key each action by task round, so a reassigned task is reminded again', () => {
    const [first] = dueActions(snapshot(), timings, due - 48 * H);
    const [again] = dueActions(snapshot({ tasks: [task({ round: 2 })] }), timings, due - 48 * H);
    expect(timerKey('i1', first!)).not.toBe(timerKey('i1', again!));
  });
});
