import { ROW_SCOPE_FILTER } from '../../auth/row-scopes.js';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { NotificationTemplate } from './notification-template.entity.js';
import type { Milestone } from '../initiative/initiative.enums.js';
import {
  fillTemplate,
  placeholderRules,
  templateProblem,
} from './notification-template.placeholders.js';
import { NotificationKind } from './notification.enums.js';
import { notificationError } from './notification.errors.js';

/** Why a required placeholder must stay, for the refusal's message. */
const REQUIRED_WHY: Record<string, string> = {
  note: 'the resolution the client is told',
  code: 'the project reference the client quotes when replying',
  taskTitle: 'the step that was completed',
};

export interface TemplateText {
  subject: string;
  body: string;
}

/** The CX admin's notification texts: kept, checked on save, filled in when a row is written. */
export class NotificationTemplateService {
  constructor(private readonly ctx: DomainContext) {}

  async list(): Promise<NotificationTemplate[]> {
    return this.ctx.em.find(
      NotificationTemplate,
      {},
      { orderBy: { kind: 'asc', milestone: 'asc', locale: 'asc' } },
    );
  }

  /**
   * Creates or replaces the template of `kind` (and, for INITIATIVE_PROGRESS, `milestone`) in
   * `locale`, after checking its placeholders.
   */
  async set(
    kind: NotificationKind,
    locale: string,
    text: TemplateText,
    milestone: Milestone | null = null,
  ): Promise<NotificationTemplate> {
    const subject = text.subject.trim();
    const body = text.body.trim();
    this.check(kind, milestone, subject, body);
    return this.ctx.em.transactional(async (em) => {
      const existing = await em.findOne(NotificationTemplate, { kind, locale, milestone });
      const before = existing ? snapshot(existing) : null;
      const template =
        existing ?? em.create(NotificationTemplate, { kind, locale, milestone, subject, body });
      template.subject = subject;
      template.body = body;
      template.updatedAt = this.ctx.clock.now();
      await em.flush();
      this.ctx.audit.record(
        em,
        'setNotificationTemplate',
        'NotificationTemplate',
        template.id,
        before,
        snapshot(template),
      );
      return template;
    });
  }

  /** Removes the template of `kind` (and `milestone`) in `locale`: the built-in text is used again. */
  async reset(
    kind: NotificationKind,
    locale: string,
    milestone: Milestone | null = null,
  ): Promise<NotificationTemplate> {
    this.checkMilestone(kind, milestone);
    return this.ctx.em.transactional(async (em) => {
      const template = await em.findOne(NotificationTemplate, { kind, locale, milestone });
      if (!template) {
        const what = milestone ? `${kind} ${milestone}` : kind;
        throw notificationError(
          'TEMPLATE_NOT_FOUND',
          `There is no ${locale} template for ${what}; the built-in text is already used.`,
          'kind',
        );
      }
      this.ctx.audit.record(
        em,
        'resetNotificationTemplate',
        'NotificationTemplate',
        template.id,
        snapshot(template),
        null,
      );
      em.remove(template);
      return template;
    });
  }

  /**
   * The template's text filled with `values`, or null when the kind has none in `locale`. Read
   * past the row scope: a department member resolving a case (or completing a task) writes the
   * office's template too. INITIATIVE_PROGRESS is looked up by its `milestone`.
   */
  async render(
    em: Em,
    kind: NotificationKind,
    locale: string,
    values: Record<string, string | undefined>,
    milestone: Milestone | null = null,
  ): Promise<TemplateText | null> {
    return this.renderer(em, kind, milestone)(locale, values);
  }

  /** `render` for many rows of one kind (and milestone): each language's template is read once. */
  renderer(
    em: Em,
    kind: NotificationKind,
    milestone: Milestone | null = null,
  ): (locale: string, values: Record<string, string | undefined>) => Promise<TemplateText | null> {
    const templates = new Map<string, Promise<NotificationTemplate | null>>();
    return async (locale, values) => {
      let found = templates.get(locale);
      if (!found) {
        found = em.findOne(
          NotificationTemplate,
          { kind, locale, milestone },
          { filters: { [ROW_SCOPE_FILTER]: false } },
        );
        templates.set(locale, found);
      }
      const template = await found;
      if (!template) return null;
      return {
        subject: fillTemplate(template.subject, values).trim().slice(0, 300),
        body: fillTemplate(template.body, values),
      };
    };
  }

  /** A progress template is per milestone; no other kind has milestones. */
  private checkMilestone(kind: NotificationKind, milestone: Milestone | null): void {
    const progress = kind === NotificationKind.INITIATIVE_PROGRESS;
    if (progress && !milestone) {
      throw notificationError(
        'TEMPLATE_MILESTONE_REQUIRED',
        'An INITIATIVE_PROGRESS template is set per milestone: give STARTED, TASK_DONE, MONITORING or CLOSED.',
        'milestone',
      );
    }
    if (!progress && milestone) {
      throw notificationError(
        'TEMPLATE_MILESTONE_NOT_APPLICABLE',
        `Only INITIATIVE_PROGRESS templates have a milestone; leave it out for ${kind}.`,
        'milestone',
      );
    }
  }

  private check(
    kind: NotificationKind,
    milestone: Milestone | null,
    subject: string,
    body: string,
  ): void {
    this.checkMilestone(kind, milestone);
    const rules = placeholderRules(kind, milestone);
    if (!rules) {
      throw notificationError(
        'TEMPLATE_KIND_NOT_SUPPORTED',
        `${kind} messages are written with their built-in text.`,
        'kind',
      );
    }
    const problem = templateProblem(rules.allowed, rules.required, subject, body);
    if (!problem) return;
    const field = problem.field;
    const allowed = rules.allowed.map((n) => `{{${n}}}`).join(', ');
    switch (problem.kind) {
      case 'MALFORMED':
        throw notificationError(
          'TEMPLATE_PLACEHOLDER_MALFORMED',
          `The ${field} has an unmatched "{{" or "}}" at character ${problem.at + 1}; write placeholders as {{name}}.`,
          field,
        );
      case 'UNKNOWN':
        throw notificationError(
          'TEMPLATE_PLACEHOLDER_UNKNOWN',
          `{{${problem.name}}} is not a placeholder of ${milestone ? `${kind} ${milestone}` : kind}; it may use ${allowed}.`,
          field,
        );
      case 'MISSING':
        throw notificationError(
          'TEMPLATE_PLACEHOLDER_MISSING',
          `${/^[AEIOU]/.test(kind) ? 'An' : 'A'} ${milestone ? `${kind} ${milestone}` : kind} template must contain {{${problem.name}}}, ${REQUIRED_WHY[problem.name] ?? 'which the client quotes when replying'}.`,
          field,
        );
    }
  }
}
