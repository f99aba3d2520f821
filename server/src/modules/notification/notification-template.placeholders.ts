import { Milestone } from '../initiative/initiative.enums.js';
import { NotificationKind } from './notification.enums.js';

export interface PlaceholderRules {
  allowed: readonly string[];
  required: readonly string[];
}

/**
 * The placeholders a template of each kind may use, and those it must keep (the reference the
 * client quotes when replying). Kinds not listed here are written with their built-in text.
 */
export const TEMPLATE_PLACEHOLDERS: Partial<Record<NotificationKind, PlaceholderRules>> = {
  [NotificationKind.FEEDBACK_ACKNOWLEDGEMENT]: {
    allowed: ['contactName', 'reference'],
    required: ['reference'],
  },
  [NotificationKind.CASE_RESOLUTION]: {
    allowed: ['contactName', 'reference', 'note'],
    required: ['note', 'reference'],
  },
  [NotificationKind.SURVEY_INVITATION]: {
    allowed: ['contactName', 'accountName', 'title', 'reference'],
    required: ['reference'],
  },
  // One text for the request and every reminder: {{reminder}} is the reminder's number (empty
  // on the request), and a reminder's subject is prefixed "Reminder:" / "Напоминание:".
  [NotificationKind.COUNCIL_REVIEW_REQUEST]: {
    allowed: ['contactName', 'code', 'title', 'revision', 'council', 'reminder'],
    required: ['code'],
  },
};

/**
 * INITIATIVE_PROGRESS has one template per milestone, each with the facts that milestone has.
 * {{because}} is the built-in sentence saying why this contact hears of it (their own feedback
 * started the initiative, or it concerns their company).
 */
export const PROGRESS_PLACEHOLDERS: Record<Milestone, PlaceholderRules> = {
  [Milestone.STARTED]: {
    allowed: ['contactName', 'code', 'title', 'expectedEffect', 'revision', 'brief', 'because'],
    required: ['code'],
  },
  [Milestone.TASK_DONE]: {
    allowed: ['contactName', 'code', 'title', 'revision', 'taskTitle', 'outcomeNote'],
    required: ['code', 'taskTitle'],
  },
  [Milestone.MONITORING]: {
    allowed: ['contactName', 'code', 'title', 'expectedEffect', 'revision'],
    required: ['code'],
  },
  [Milestone.CLOSED]: {
    allowed: [
      'contactName',
      'code',
      'title',
      'expectedEffect',
      'revision',
      'outcomeNote',
      'because',
    ],
    required: ['code'],
  },
};

/** The placeholders of a kind (and, for INITIATIVE_PROGRESS, a milestone); none when it has no templates. */
export function placeholderRules(
  kind: NotificationKind,
  milestone: Milestone | null,
): PlaceholderRules | undefined {
  if (kind === NotificationKind.INITIATIVE_PROGRESS) {
    return milestone ? PROGRESS_PLACEHOLDERS[milestone] : undefined;
  }
  return TEMPLATE_PLACEHOLDERS[kind];
}

export const TEMPLATE_LOCALES = ['ru', 'en'] as const;

/** What is wrong with a template's text, for the error the CX admin reads. */
export type TemplateProblem =
  | { kind: 'MALFORMED'; at: number }
  | { kind: 'UNKNOWN'; name: string }
  | { kind: 'MISSING'; name: string };

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The placeholders `text` uses, or the first `{{` that does not open a well-formed one. */
export function placeholdersOf(text: string): string[] | { malformedAt: number } {
  const names: string[] = [];
  let rest = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const stray = text.slice(rest, m.index).search(/\{\{|\}\}/);
    if (stray >= 0) return { malformedAt: rest + stray };
    names.push(m[1]!);
    rest = m.index + m[0].length;
  }
  const stray = text.slice(rest).search(/\{\{|\}\}/);
  return stray >= 0 ? { malformedAt: rest + stray } : names;
}

/** Checks subject and body together against the kind's placeholders. */
export function templateProblem(
  allowed: readonly string[],
  required: readonly string[],
  subject: string,
  body: string,
): (TemplateProblem & { field: 'subject' | 'body' }) | null {
  const used = new Set<string>();
  for (const field of ['subject', 'body'] as const) {
    const names = placeholdersOf(field === 'subject' ? subject : body);
    if (!Array.isArray(names)) return { kind: 'MALFORMED', at: names.malformedAt, field };
    const unknown = names.find((n) => !allowed.includes(n));
    if (unknown) return { kind: 'UNKNOWN', name: unknown, field };
    names.forEach((n) => used.add(n));
  }
  const missing = required.find((n) => !used.has(n));
  return missing ? { kind: 'MISSING', name: missing, field: 'body' } : null;
}

/** Fills the placeholders; a value missing at send time leaves the text empty there. */
export function fillTemplate(text: string, values: Record<string, string | undefined>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}
