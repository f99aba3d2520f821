import { mustFind } from '../../db/lookup.js';
import type { DomainContext } from '../../domain/context.js';
import { DomainError } from '../../domain/errors.js';
import type {
  CommandName,
  CommandResult,
  InitiativeCommands,
} from '../../../../workflows/contracts/initiative.contract.js';
import { isFinished } from '../../../../workflows/contracts/initiative.rules.js';
import { CouncilMember } from '../client/council-member.entity.js';
import { CouncilReview } from './council-review.entity.js';
import { CouncilDecision } from './initiative.enums.js';
import { InitiativeTask } from './initiative-task.entity.js';
import { Initiative } from './initiative.entity.js';
import { initiativeError, initiativeNotFound } from './initiative.errors.js';
import { TaskService } from './task.service.js';

type Payload<K extends CommandName> = Omit<InitiativeCommands[K], 'actor'>;
type TaskCommand = 'updateTask' | 'completeTask' | 'rejectTask' | 'reassignTask' | 'cancelTask';

/**
 * The API's way to change an initiative: every command goes to the initiative's workflow
 * as an Update (validated there against the live state, applied by an activity that calls
 * the lifecycle services), and the answer is read back from the database, the read model.
 * Unknown and finished initiatives are refused here, before Temporal is asked.
 */
export class InitiativeCommandService {
  constructor(private readonly ctx: DomainContext) {}

  async run<
    K extends Exclude<CommandName, 'addTask' | TaskCommand | 'requestReview' | 'decideReview'>,
  >(initiativeId: string, name: K, command: Payload<K>): Promise<Initiative> {
    await this.open(initiativeId, 'id');
    await this.send(initiativeId, name, command);
    return this.reload(Initiative, initiativeId);
  }

  async addTask(initiativeId: string, command: Payload<'addTask'>): Promise<InitiativeTask> {
    await this.open(initiativeId, 'initiativeId');
    const { subjectId } = await this.send(initiativeId, 'addTask', command);
    return this.reload(InitiativeTask, subjectId!);
  }

  /** A command about one task goes to the workflow of the initiative the task belongs to. */
  async onTask<K extends TaskCommand>(
    taskId: string,
    name: K,
    command: Omit<Payload<K>, 'taskId'>,
  ): Promise<InitiativeTask> {
    const task = await mustFind(
      this.ctx.em,
      InitiativeTask,
      taskId,
      'id',
      initiativeNotFound('TASK_NOT_FOUND'),
      { populate: ['department'] },
    );
    await this.open(task.initiative.id, 'id');
    // The workflow applies commands as the system: who may reassign to whom is checked here, as the viewer.
    if (name === 'reassignTask') {
      await this.named(
        this.ctx
          .service(TaskService)
          .checkReassignBy(this.ctx.em, task, command as Omit<Payload<'reassignTask'>, 'taskId'>),
        'taskId',
      );
    }
    await this.send(task.initiative.id, name, { ...command, taskId } as Payload<K>, 'taskId');
    return this.reload(InitiativeTask, taskId);
  }

  async requestReview(initiativeId: string, councilId: string): Promise<CouncilReview> {
    await this.open(initiativeId, 'initiativeId');
    const { subjectId } = await this.send(initiativeId, 'requestReview', { councilId });
    return this.reload(CouncilReview, subjectId!);
  }

  async decideReview(
    reviewId: string,
    command: Omit<Payload<'decideReview'>, 'reviewId' | 'decidedByMemberId'> & {
      decidedByMemberId?: string | null;
    },
  ): Promise<CouncilReview> {
    const review = await mustFind(
      this.ctx.em,
      CouncilReview,
      reviewId,
      'id',
      initiativeNotFound('REVIEW_NOT_FOUND'),
      {
        populate: ['initiative'],
      },
    );
    const initiative = review.initiative;
    await this.open(initiative.id, 'id');
    // The workflow knows only the reviews of the current revision: a review decided with
    // CHANGES_REQUESTED belongs to the revision before, and it would answer "not a review of
    // this initiative". Say what is true.
    if (review.decision !== CouncilDecision.PENDING) {
      throw initiativeError(
        'REVIEW_DECIDED',
        `This review was already decided (${review.decision}); a new revision gets a new review.`,
      );
    }
    if (review.revision < initiative.revision) {
      throw initiativeError(
        'REVIEW_OUTDATED',
        `This review is of revision ${review.revision}; ${initiative.code} has moved on to revision ${initiative.revision}, so it can no longer be decided.`,
      );
    }
    const decidedByMemberId = command.decidedByMemberId ?? (await this.seatOn(review));
    await this.send(
      initiative.id,
      'decideReview',
      { ...command, decidedByMemberId, reviewId },
      'reviewId',
    );
    return this.reload(CouncilReview, reviewId);
  }

  /** The acting person's own seat on the council whose review this is (a council member deciding). */
  private async seatOn(review: CouncilReview): Promise<string> {
    const userId = this.ctx.viewer.userId;
    const seat = userId
      ? await this.ctx.em.findOne(CouncilMember, { council: review.council, user: userId })
      : null;
    if (!seat) {
      throw initiativeError(
        'MEMBER_REQUIRED',
        'Say which council member records the decision (decidedByMemberId): you do not sit on this council.',
        'decidedByMemberId',
      );
    }
    return seat.id;
  }

  /** The initiative must exist and still be open: finished ones are history, and their workflow has ended. */
  private async open(initiativeId: string, field: string): Promise<Initiative> {
    const initiative = await mustFind(
      this.ctx.em,
      Initiative,
      initiativeId,
      field,
      initiativeNotFound('INITIATIVE_NOT_FOUND'),
    );
    if (isFinished(initiative)) {
      throw initiativeError(
        'INITIATIVE_FINISHED',
        `Initiative ${initiative.code} is ${initiative.status.toLowerCase()} and can no longer be changed.`,
      );
    }
    return initiative;
  }

  /**
   * The rules and services name the task or review a command is about by the command's
   * field (`taskId`, `reviewId`); the mutation's argument is `id`, so a refusal blaming
   * `subjectField` names `id`, the field the client actually sent.
   */
  private async send<K extends CommandName>(
    initiativeId: string,
    name: K,
    command: Payload<K>,
    subjectField?: 'taskId' | 'reviewId',
  ): Promise<CommandResult> {
    const full = { ...command, actor: this.ctx.viewer.actor } as InitiativeCommands[K];
    return this.named(this.ctx.deps.initiatives.execute(initiativeId, name, full), subjectField);
  }

  /** A refusal blaming `subjectField` is told as blaming `id`, the mutation's argument. */
  private async named<T>(work: Promise<T>, subjectField?: 'taskId' | 'reviewId'): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (error instanceof DomainError && subjectField && error.field === subjectField)
        throw new DomainError(error.code, error.reason, error.message, 'id');
      throw error;
    }
  }

  /** The row as the workflow's activity left it (not as this request's identity map remembers it). */
  private async reload<E extends object>(entity: new () => E, id: string): Promise<E> {
    this.ctx.em.clear();
    return this.ctx.em.findOneOrFail(entity as never, { id } as never) as Promise<E>;
  }
}
