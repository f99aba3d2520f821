import type { DomainContext } from '../../domain/context.js';
import type {
  CommandName,
  InitiativeCommands,
} from '../../../../workflows/contracts/initiative.contract.js';
import { CouncilRequestService } from './council-request.service.js';
import { CouncilReviewService } from './council-review.service.js';
import { InitiativeFlowService } from './initiative-flow.service.js';
import { InitiativeService } from './initiative.service.js';
import { TaskService } from './task.service.js';

type Apply<K extends CommandName> = (
  ctx: DomainContext,
  initiativeId: string,
  command: InitiativeCommands[K],
) => Promise<string | null>;

const none = () => null;

/**
 * Which service method applies each command of an initiative's workflow. The activity that
 * runs commands goes through this table; it answers the id of a row the command created.
 */
export const applyCommand: { [K in CommandName]: Apply<K> } = {
  move: (ctx, id, c) => ctx.service(InitiativeFlowService).move(id, c).then(none),
  close: (ctx, id, c) => ctx.service(InitiativeFlowService).close(id, c).then(none),
  hold: (ctx, id, c) => ctx.service(InitiativeFlowService).hold(id, c).then(none),
  resume: (ctx, id, c) => ctx.service(InitiativeFlowService).resume(id, c).then(none),
  cancel: (ctx, id, c) => ctx.service(InitiativeFlowService).cancel(id, c).then(none),
  assignOwner: (ctx, id, c) => ctx.service(InitiativeFlowService).assignOwner(id, c).then(none),
  edit: (ctx, id, c) => ctx.service(InitiativeService).update(id, c).then(none),
  addTask: (ctx, id, c) =>
    ctx
      .service(TaskService)
      .create(id, c)
      .then((t) => t.id),
  updateTask: (ctx, id, c) => ctx.service(TaskService).update(id, c).then(none),
  completeTask: (ctx, id, c) => ctx.service(TaskService).complete(id, c).then(none),
  rejectTask: (ctx, id, c) => ctx.service(TaskService).reject(id, c).then(none),
  reassignTask: (ctx, id, c) => ctx.service(TaskService).reassign(id, c).then(none),
  cancelTask: (ctx, id, c) => ctx.service(TaskService).cancel(id, c).then(none),
  requestReview: (ctx, id, c) =>
    ctx
      .service(CouncilRequestService)
      .request(id, c)
      .then((r) => r.id),
  decideReview: (ctx, _id, c) => ctx.service(CouncilReviewService).decide(c.reviewId, c).then(none),
};
