import type { DomainContext } from '../../domain/context.js';
import type { Em } from '../../db/orm.js';
import { Contact } from '../client/contact.entity.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import { NotificationTemplateService } from '../notification/notification-template.service.js';
import { DeliveryStatus, NotificationKind } from '../notification/notification.enums.js';
import { InitiativeRevision } from './initiative-revision.entity.js';
import type { InitiativeTask } from './initiative-task.entity.js';
import type { Initiative } from './initiative.entity.js';
import { Milestone } from './initiative.enums.js';
import { becauseLine, milestoneMessage, pickLocale } from './initiative.messages.js';

/**
 * "You said, we did": writes one outbox row per milestone and client contact of a
 * client-visible initiative, in the contact's language, inside the transaction of the change
 * it announces. The contacts whose feedback started the initiative come first; the other
 * contacts of the affected accounts follow. Dedupe keys make every retry a no-op.
 */
export class MilestoneService {
  constructor(private readonly ctx: DomainContext) {}

  async announce(
    em: Em,
    initiative: Initiative,
    milestone: Milestone,
    about: { task?: InitiativeTask; outcomeNote?: string | null } = {},
  ): Promise<ClientNotification[]> {
    if (!initiative.clientVisible) return [];
    if (milestone === Milestone.TASK_DONE && !about.task?.clientVisible) return [];
    const recipients = await this.recipients(em, initiative);
    if (recipients.length === 0) return [];
    const scope =
      milestone === Milestone.TASK_DONE
        ? `task:${about.task!.id}`
        : milestone === Milestone.CLOSED
          ? 'end'
          : `r${initiative.revision}`;
    const keyOf = (c: Contact) => `progress:${initiative.id}:${milestone}:${scope}:${c.id}`;
    const taken = new Set(
      (
        await em.find(
          ClientNotification,
          { dedupeKey: { $in: recipients.map((r) => keyOf(r.contact)) } },
          { fields: ['dedupeKey'] },
        )
      ).map((n) => n.dedupeKey),
    );
    const revision = await em.findOne(InitiativeRevision, {
      initiative,
      number: initiative.revision,
    });
    const createdAt = this.ctx.clock.now();
    // The CX admin's template of the milestone in the contact's language, else the built-in text.
    const render = this.ctx
      .service(NotificationTemplateService)
      .renderer(em, NotificationKind.INITIATIVE_PROGRESS, milestone);
    const facts = {
      code: initiative.code,
      title: initiative.title,
      expectedEffect: initiative.expectedEffect ?? null,
      revision: initiative.revision,
      brief: revision?.brief ?? null,
      taskTitle: about.task?.title ?? null,
      outcomeNote: about.outcomeNote ?? about.task?.outcomeNote ?? null,
    };
    const rows: ClientNotification[] = [];
    for (const { contact, fromTheirFeedback } of recipients) {
      if (taken.has(keyOf(contact))) continue;
      const locale = pickLocale(contact.locale);
      const message =
        (await render(locale, {
          contactName: contact.name ?? undefined,
          code: facts.code,
          title: facts.title,
          expectedEffect: facts.expectedEffect ?? undefined,
          revision: String(facts.revision),
          brief: facts.brief ?? undefined,
          taskTitle: facts.taskTitle ?? undefined,
          outcomeNote: facts.outcomeNote ?? undefined,
          because: becauseLine(locale, fromTheirFeedback),
        })) ?? milestoneMessage(locale, milestone, contact.name, { ...facts, fromTheirFeedback });
      const recipient = contact.email ?? null;
      rows.push(
        em.create(ClientNotification, {
          dedupeKey: keyOf(contact),
          kind: NotificationKind.INITIATIVE_PROGRESS,
          milestone,
          account: contact.account,
          contact,
          initiative,
          recipient,
          locale,
          subject: message.subject.slice(0, 300),
          body: message.body,
          status: recipient ? DeliveryStatus.PENDING : DeliveryStatus.SKIPPED,
          lastError: recipient ? null : 'No e-mail address to deliver to.',
          createdAt,
          updatedAt: createdAt,
        }),
      );
    }
    return rows;
  }

  /** Contacts behind the linked feedback first, then the active contacts of the affected accounts. */
  private async recipients(
    em: Em,
    initiative: Initiative,
  ): Promise<{ contact: Contact; fromTheirFeedback: boolean }[]> {
    const [feedback, accounts] = [
      await initiative.feedback.load({ dataloader: false }),
      await initiative.affectedAccounts.load({ dataloader: false }),
    ];
    const askedIds = new Set(
      (
        await em.find(
          FeedbackItem,
          { id: { $in: feedback.getItems().map((f) => f.id) }, contact: { $ne: null } },
          { fields: ['contact'] },
        )
      ).map((f) => f.contact!.id),
    );
    const accountIds = accounts.getItems().map((a) => a.id);
    const contacts = await em.find(
      Contact,
      { $or: [{ id: { $in: [...askedIds] } }, { account: { $in: accountIds }, active: true }] },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const first = contacts.filter((c) => askedIds.has(c.id));
    const rest = contacts.filter((c) => !askedIds.has(c.id));
    return [
      ...first.map((contact) => ({ contact, fromTheirFeedback: true })),
      ...rest.map((contact) => ({ contact, fromTheirFeedback: false })),
    ];
  }
}
