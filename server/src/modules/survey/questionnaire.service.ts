import type { FilterQuery } from '@mikro-orm/core';
import { findById } from '../../db/lookup.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { MetricDefinition } from '../metric/metric-definition.entity.js';
import { ValueFactor } from '../value/value-factor.entity.js';
import { Questionnaire, type QuestionSpec } from './questionnaire.entity.js';
import { surveyError } from './survey.errors.js';
import type { CreateQuestionnaireInput, QuestionnaireFilter } from './survey.inputs.js';
import type { QuestionnaireOrder } from './survey.types.js';

/** Versioned questionnaires. */
export class QuestionnaireService {
  constructor(private readonly ctx: DomainContext) {}

  async getQuestionnaire(id: string): Promise<Questionnaire | null> {
    return findById(this.ctx.em, Questionnaire, id);
  }

  async listQuestionnaires(
    filter: QuestionnaireFilter | undefined,
    order: QuestionnaireOrder | undefined,
    args: PageArgs,
  ): Promise<Page<Questionnaire>> {
    const where: FilterQuery<Questionnaire> = {};
    if (filter?.code) where.code = filter.code;
    if (filter?.active != null) where.active = filter.active;
    if (filter?.search?.trim()) where.title = containsInsensitive(this.ctx.em, filter.search);
    const orderBy = order
      ? { [order.field]: order.direction }
      : { code: 'asc' as const, version: 'desc' as const };
    return paginate(this.ctx.em, Questionnaire, where, args, orderBy);
  }

  /** Version 1 of a new code, or the next version of an existing one (older versions go inactive). */
  async createQuestionnaire(input: CreateQuestionnaireInput): Promise<Questionnaire> {
    const questions = await this.checkQuestions(input);
    return this.ctx.em.transactional(async (em) => {
      const older = await em.find(
        Questionnaire,
        { code: input.code },
        { orderBy: { version: 'desc' } },
      );
      for (const q of older.filter((o) => o.active)) {
        const before = snapshot(q);
        q.active = false;
        this.ctx.audit.record(
          em,
          'createQuestionnaire',
          'Questionnaire',
          q.id,
          before,
          snapshot(q),
        );
      }
      const questionnaire = em.create(Questionnaire, {
        code: input.code,
        version: (older[0]?.version ?? 0) + 1,
        title: input.title.trim(),
        targetRespondentClasses: [...new Set(input.targetRespondentClasses)],
        questions,
        active: true,
      });
      this.ctx.audit.record(
        em,
        'createQuestionnaire',
        'Questionnaire',
        questionnaire.id,
        null,
        snapshot(questionnaire),
      );
      return questionnaire;
    });
  }

  private async checkQuestions(input: CreateQuestionnaireInput): Promise<QuestionSpec[]> {
    const keys = new Set<string>();
    input.questions.forEach((q, i) => {
      if (keys.has(q.key)) {
        throw surveyError(
          'DUPLICATE_QUESTION_KEY',
          `questions[${i}].key "${q.key}" is used by an earlier question; keys must be unique.`,
          `questions[${i}].key`,
        );
      }
      keys.add(q.key);
    });
    await this.checkCodes(input, 'factorCode');
    await this.checkCodes(input, 'metricCode');
    return input.questions.map((q) => ({
      key: q.key,
      type: q.type,
      text: q.text.trim(),
      textRu: q.textRu?.trim() || null,
      factorCode: q.factorCode || null,
      metricCode: q.metricCode || null,
    }));
  }

  private async checkCodes(
    input: CreateQuestionnaireInput,
    field: 'factorCode' | 'metricCode',
  ): Promise<void> {
    const codes = [
      ...new Set(input.questions.map((q) => q[field]).filter((c): c is string => !!c)),
    ];
    if (!codes.length) return;
    const entity = field === 'factorCode' ? ValueFactor : MetricDefinition;
    const found = new Set(
      (await this.ctx.em.find(entity as typeof ValueFactor, { code: { $in: codes } })).map(
        (e) => e.code,
      ),
    );
    const i = input.questions.findIndex((q) => q[field] && !found.has(q[field]));
    if (i >= 0) {
      const what = field === 'factorCode' ? 'value factor' : 'metric';
      throw surveyError(
        field === 'factorCode' ? 'UNKNOWN_FACTOR_CODE' : 'UNKNOWN_METRIC_CODE',
        `questions[${i}].${field} "${input.questions[i]![field]}" names no known ${what}.`,
        `questions[${i}].${field}`,
      );
    }
  }
}
