import { ROW_SCOPE_FILTER } from '../../auth/row-scopes.js';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { NotificationTemplate } from './notification-template.entity.js';
import {
  fillTemplate,
  TEMPLATE_PLACEHOLDERS,
  templateProblem,
} from './notification-template.placeholders.js';
import type { NotificationKind } from './notification.enums.js';
import { notificationError } from './notification.errors.js';

export interface TemplateText {
  subject: string;
  body: string;
}

/** The CX admin's notification texts: kept, checked on save, filled in when a row is written. */
export class NotificationTemplateService {
  constructor(private readonly ctx: DomainContext) {}

  async list(): Promise<NotificationTemplate[]> {
    return this.ctx.em.find(NotificationTemplate, {}, { orderBy: { kind: 'asc', locale: 'asc' } });
  }

  /** Creates or replaces the template of `kind` in `locale`, after checking its placeholders. */
  async set(
    kind: NotificationKind,
    locale: string,
    text: TemplateText,
  ): Promise<NotificationTemplate> {
    const subject = text.subject.trim();
    const body = text.body.trim();
    this.check(kind, subject, body);
    return this.ctx.em.transactional(async (em) => {
      const existing = await em.findOne(NotificationTemplate, { kind, locale });
      const before = existing ? snapshot(existing) : null;
      const template = existing ?? em.create(NotificationTemplate, { kind, locale, subject, body });
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

  /** Removes the template of `kind` in `locale`: the built-in text is used again. */
  async reset(kind: NotificationKind, locale: string): Promise<NotificationTemplate> {
    return this.ctx.em.transactional(async (em) => {
      const template = await em.findOne(NotificationTemplate, { kind, locale });
      if (!template) {
        throw notificationError(
          'TEMPLATE_NOT_FOUND',
          `There is no ${locale} template for ${kind}; the built-in text is already used.`,
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
   * past the row scope: a department member resolving a case writes the office's template too.
   */
  async render(
    em: Em,
    kind: NotificationKind,
    locale: string,
    values: Record<string, string | undefined>,
  ): Promise<TemplateText | null> {
    const template = await em.findOne(
      NotificationTemplate,
      { kind, locale },
      { filters: { [ROW_SCOPE_FILTER]: false } },
    );
    if (!template) return null;
    return {
      subject: fillTemplate(template.subject, values).trim().slice(0, 300),
      body: fillTemplate(template.body, values),
    };
  }

  private check(kind: NotificationKind, subject: string, body: string): void {
    const rules = TEMPLATE_PLACEHOLDERS[kind];
    if (!rules) {
      const kinds = Object.keys(TEMPLATE_PLACEHOLDERS).join(', ');
      throw notificationError(
        'TEMPLATE_KIND_NOT_SUPPORTED',
        `${kind} messages are written with their built-in text; templates exist for ${kinds}.`,
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
          `{{${problem.name}}} is not a placeholder of ${kind}; it may use ${allowed}.`,
          field,
        );
      case 'MISSING':
        throw notificationError(
          'TEMPLATE_PLACEHOLDER_MISSING',
          `A ${kind} template must contain {{${problem.name}}}, which the client quotes when replying.`,
          field,
        );
    }
  }
}
