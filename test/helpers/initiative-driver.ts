import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { GraphQLResult, TestApi } from './graphql.js';
import { eventually } from './workflow-harness.js';

export const DAY = 86_400_000;

/** A GraphQL error as a client sees it. */
export type GraphQLErrorShape = NonNullable<GraphQLResult['errors']>[number];

const INITIATIVE = 'id code processGroup status revision clientVisible holdReason cancelReason';
const TASK = 'id title status round revision clientVisible';
const REVIEW = 'id revision decision trigger council { id }';

export const DOCS = {
  createInitiative: `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { ${INITIATIVE} } }`,
  updateInitiative: `mutation($id: ID!, $input: UpdateInitiativeInput!) { updateInitiative(id: $id, input: $input) { ${INITIATIVE} } }`,
  moveInitiative: `mutation($id: ID!, $to: ProcessGroup!, $brief: String, $cancel: [ID!]) {
    moveInitiative(id: $id, processGroup: $to, brief: $brief, cancelTaskIds: $cancel) { ${INITIATIVE} } }`,
  closeInitiative: `mutation($id: ID!, $note: String) { closeInitiative(id: $id, note: $note) { ${INITIATIVE} } }`,
  holdInitiative: `mutation($id: ID!, $reason: String!) { holdInitiative(id: $id, reason: $reason) { ${INITIATIVE} } }`,
  resumeInitiative: `mutation($id: ID!) { resumeInitiative(id: $id) { ${INITIATIVE} } }`,
  cancelInitiative: `mutation($id: ID!, $reason: String!) { cancelInitiative(id: $id, reason: $reason) { ${INITIATIVE} } }`,
  assignInitiativeOwner: `mutation($id: ID!, $ownerId: ID!) { assignInitiativeOwner(id: $id, ownerId: $ownerId) { ${INITIATIVE} } }`,
  createInitiativeTask: `mutation($input: CreateInitiativeTaskInput!) { createInitiativeTask(input: $input) { ${TASK} } }`,
  updateInitiativeTask: `mutation($id: ID!, $input: UpdateInitiativeTaskInput!) { updateInitiativeTask(id: $id, input: $input) { ${TASK} } }`,
  completeTask: `mutation($id: ID!, $note: String) { completeTask(id: $id, outcomeNote: $note) { ${TASK} } }`,
  rejectTask: `mutation($id: ID!, $note: String!) { rejectTask(id: $id, note: $note) { ${TASK} } }`,
  reassignTask: `mutation($id: ID!, $input: ReassignTaskInput!) { reassignTask(id: $id, input: $input) { ${TASK} } }`,
  cancelTask: `mutation($id: ID!, $reason: String!) { cancelTask(id: $id, reason: $reason) { ${TASK} } }`,
  requestCouncilReview: `mutation($i: ID!, $c: ID!) { requestCouncilReview(initiativeId: $i, councilId: $c) { ${REVIEW} } }`,
  decideCouncilReview: `mutation($id: ID!, $input: DecideCouncilReviewInput!) { decideCouncilReview(id: $id, input: $input) { ${REVIEW} } }`,
  markInboxEntryRead: `mutation($id: ID!) { markInboxEntryRead(id: $id) { id readAt } }`,
} as const;

export interface Created {
  id: string;
  code: string;
}

export interface ReviewRef {
  id: string;
  revision: number;
  decision: string;
  trigger: string | null;
  council: { id: string };
}

/**
 * Drives initiatives through the real GraphQL API of a workflow harness: each call is one
 * mutation and fails the test with the server's errors if it is refused. `dueIn` gives
 * due dates relative to the Temporal test server's clock, which is the workflows' "now".
 */
export class InitiativeDriver {
  constructor(
    readonly api: TestApi,
    private readonly env: TestWorkflowEnvironment,
  ) {}

  async ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await this.api.execute<T>(query, variables);
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return res.data as T;
  }

  /** The first error of a mutation that must be refused (the test fails if it went through). */
  async refused(query: string, variables: Record<string, unknown>): Promise<GraphQLErrorShape> {
    const res = await this.api.execute(query, variables);
    const error = res.errors?.[0];
    if (!error) throw new Error(`expected a refusal, got ${JSON.stringify(res.data)}`);
    return error;
  }

  async dueIn(ms: number): Promise<string> {
    return new Date((await this.env.currentTimeMs()) + ms).toISOString();
  }

  /** Creates an initiative and waits until its workflow has loaded it (its live state shows). */
  async initiative(input: Record<string, unknown> = {}): Promise<Created> {
    const data = await this.ok(DOCS.createInitiative, {
      input: { title: 'Fix late deliveries', problem: 'Trucks arrive late', ...input },
    });
    const created: Created = data.createInitiative;
    const live = await eventually(
      () =>
        this.ok(`query($id: ID!) { initiative(id: $id) { live { status } } }`, { id: created.id }),
      (res) => res.initiative?.live != null,
    );
    if (!live.initiative?.live) throw new Error(`the workflow of ${created.code} did not start`);
    return created;
  }

  async move(
    id: string,
    to: string,
    extra: { brief?: string; cancel?: string[] } = {},
  ): Promise<Record<string, any>> {
    return (await this.ok(DOCS.moveInitiative, { id, to, ...extra })).moveInitiative;
  }

  /** Moves through each group in turn; CORRECT → IMPLEMENT gets a brief. */
  async moveThrough(id: string, ...groups: string[]): Promise<void> {
    for (const to of groups) await this.move(id, to, { brief: `Revise towards ${to}` });
  }

  async close(id: string, note?: string): Promise<Record<string, any>> {
    return (await this.ok(DOCS.closeInitiative, { id, note })).closeInitiative;
  }

  async hold(id: string, reason = 'Waiting for the budget'): Promise<void> {
    await this.ok(DOCS.holdInitiative, { id, reason });
  }

  async cancel(id: string, reason = 'Superseded by another initiative'): Promise<void> {
    await this.ok(DOCS.cancelInitiative, { id, reason });
  }

  /** A department task due in ten days (far from any reminder), unless `input` says otherwise. */
  async task(initiativeId: string, input: Record<string, unknown>): Promise<{ id: string }> {
    const data = await this.ok(DOCS.createInitiativeTask, {
      input: { initiativeId, title: 'Re-plan routes', dueAt: await this.dueIn(10 * DAY), ...input },
    });
    return { id: data.createInitiativeTask.id };
  }

  async complete(taskId: string, note?: string): Promise<void> {
    await this.ok(DOCS.completeTask, { id: taskId, note });
  }

  async reject(taskId: string, note = 'Not our process'): Promise<void> {
    await this.ok(DOCS.rejectTask, { id: taskId, note });
  }

  async cancelTask(taskId: string, reason = 'No longer needed'): Promise<void> {
    await this.ok(DOCS.cancelTask, { id: taskId, reason });
  }

  async requestReview(initiativeId: string, councilId: string): Promise<ReviewRef> {
    return (await this.ok(DOCS.requestCouncilReview, { i: initiativeId, c: councilId }))
      .requestCouncilReview;
  }

  async decide(
    reviewId: string,
    memberId: string,
    decision: 'APPROVED' | 'CHANGES_REQUESTED' = 'APPROVED',
    comments?: string,
  ): Promise<ReviewRef> {
    return (
      await this.ok(DOCS.decideCouncilReview, {
        id: reviewId,
        input: { decision, comments, decidedByMemberId: memberId },
      })
    ).decideCouncilReview;
  }

  /** The initiative's council reviews, newest first. */
  async reviews(initiativeId: string): Promise<ReviewRef[]> {
    const data = await this.ok(
      `query($f: CouncilReviewFilter) { councilReviews(first: 100, filter: $f) { nodes { ${REVIEW} } } }`,
      { f: { initiativeId } },
    );
    return data.councilReviews.nodes;
  }

  /** The pending review of the current revision (there must be exactly one). */
  async pendingReview(initiativeId: string): Promise<ReviewRef> {
    const pending = (await this.reviews(initiativeId)).filter((r) => r.decision === 'PENDING');
    if (pending.length !== 1) throw new Error(`expected one pending review, got ${pending.length}`);
    return pending[0]!;
  }

  /** Created with an owner and moved to IMPLEMENT. */
  async implementing(ownerId: string, input: Record<string, unknown> = {}): Promise<Created> {
    const created = await this.initiative({ ownerId, ...input });
    await this.move(created.id, 'IMPLEMENT');
    return created;
  }

  /** In MONITOR with no task; a client-visible one has a pending FINISHED_IMPLEMENT review. */
  async monitoring(ownerId: string, input: Record<string, unknown> = {}): Promise<Created> {
    const created = await this.implementing(ownerId, input);
    await this.move(created.id, 'MONITOR');
    return created;
  }
}
