import { mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import type { RequestReviewCommand } from '../../../../workflows/contracts/initiative.contract.js';
import { checkCommand } from '../../../../workflows/contracts/initiative.rules.js';
import { snapshot } from '../audit/audit.service.js';
import { AdvisoryCouncil } from '../client/advisory-council.entity.js';
import { InboxService } from '../inbox/inbox.service.js';
import { buildAgenda } from './council-agenda.js';
import { noticeCouncil } from './council-notices.js';
import { CouncilReview } from './council-review.entity.js';
import type { Initiative } from './initiative.entity.js';
import { CouncilDecision, InboxKind, InitiativeStatus, ReviewTrigger } from './initiative.enums.js';
import { initiativeError, initiativeNotFound, refuseIf } from './initiative.errors.js';
import { initiativeSnapshot, loadForChange } from './initiative.load.js';
import { snapshotOf } from './initiative.snapshot.js';

/**
 * Sending an initiative to its advisory councils (the correct process group): the councils
 * that have one of its affected accounts review the current revision, with an agenda built
 * from its status and a message to every member.
 */
export class CouncilRequestService {
  constructor(private readonly ctx: DomainContext) {}

  /** The CX office asks one concerned council to review the current revision. */
  async request(initiativeId: string, command: RequestReviewCommand): Promise<CouncilReview> {
    return this.ctx.em.transactional(async (em) => {
      const initiative = await loadForChange(em, initiativeId, 'initiativeId');
      const council = await mustFind(
        em,
        AdvisoryCouncil,
        command.councilId,
        'councilId',
        initiativeNotFound('COUNCIL_NOT_FOUND'),
      );
      refuseIf(checkCommand(await snapshotOf(em, initiative), 'requestReview', command));
      if (!(await this.concerned(em, initiative)).includes(council.id)) {
        throw initiativeError(
          'COUNCIL_NOT_CONCERNED',
          `None of the accounts affected by initiative ${initiative.code} sits on the council ${council.name}.`,
          'councilId',
        );
      }
      const existing = await em.findOne(CouncilReview, {
        initiative,
        council,
        revision: initiative.revision,
        trigger: ReviewTrigger.REQUESTED,
      });
      if (existing) {
        throw initiativeError(
          'REVIEW_EXISTS',
          `${council.name} was already asked to review revision ${initiative.revision} of ${initiative.code} (${existing.decision}).`,
          'councilId',
        );
      }
      const before = initiativeSnapshot(initiative);
      const review = await this.open(em, initiative, council.id, ReviewTrigger.REQUESTED);
      if (before.status !== initiative.status) {
        this.ctx.audit.record(
          em,
          'awaitCouncil',
          'Initiative',
          initiative.id,
          before,
          initiativeSnapshot(initiative),
        );
      }
      return review;
    });
  }

  /**
   * Sends the current revision to every concerned council that has no pending review of it;
   * with none concerned, the owner is told that the initiative cannot close until one is.
   */
  async requestConcerned(
    em: Em,
    initiative: Initiative,
    trigger: ReviewTrigger,
  ): Promise<CouncilReview[]> {
    const councils = await this.concerned(em, initiative);
    if (councils.length === 0) {
      await this.ctx.service(InboxService).tellOwner(em, initiative, {
        kind: InboxKind.COUNCIL_NOT_CONCERNED,
        subject: `No council covers ${initiative.code}`,
        body: `${initiative.code} "${initiative.title}" is client-visible, but no advisory council has any of its affected accounts. It can close only with a council's approval: add an affected account to a council and ask it with requestCouncilReview, or make the initiative internal.`,
        key: `no-council:${initiative.revision}:${trigger}`,
      });
      return [];
    }
    const pending = new Set(
      (
        await em.find(CouncilReview, {
          initiative,
          revision: initiative.revision,
          decision: CouncilDecision.PENDING,
        })
      ).map((r) => r.council.id),
    );
    const opened: CouncilReview[] = [];
    for (const councilId of councils) {
      if (pending.has(councilId)) continue;
      const exists = await em.count(CouncilReview, {
        initiative,
        council: councilId,
        revision: initiative.revision,
        trigger,
      });
      if (!exists) opened.push(await this.open(em, initiative, councilId, trigger));
    }
    return opened;
  }

  private async open(
    em: Em,
    initiative: Initiative,
    councilId: string,
    trigger: ReviewTrigger,
  ): Promise<CouncilReview> {
    const now = this.ctx.clock.now();
    await em.flush(); // the agenda counts rows of this transaction (e.g. the messages just written)
    const review = em.create(CouncilReview, {
      initiative,
      council: councilId,
      revision: initiative.revision,
      trigger,
      agenda: (await buildAgenda(em, initiative)) as unknown as Record<string, unknown>,
      createdAt: now,
      updatedAt: now,
    });
    await em.flush();
    await noticeCouncil(this.ctx, em, review, initiative, 0, now);
    if (initiative.status !== InitiativeStatus.ON_HOLD)
      initiative.status = InitiativeStatus.AWAITING_COUNCIL;
    this.ctx.audit.record(
      em,
      'requestCouncilReview',
      'CouncilReview',
      review.id,
      null,
      snapshot(review),
    );
    return review;
  }

  /** Councils that have at least one of the initiative's affected accounts. */
  private async concerned(em: Em, initiative: Initiative): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>(
      `select distinct c.advisory_council_id as id from advisory_council_account c
         join initiative_account a on a.client_account_id = c.client_account_id
        where a.initiative_id = ? order by c.advisory_council_id`,
      [initiative.id],
    );
    return rows.map((r) => r.id);
  }
}
