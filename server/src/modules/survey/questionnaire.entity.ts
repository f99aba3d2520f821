import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import type { RespondentClass } from '../client/client.enums.js';
import type { QuestionType } from './survey.enums.js';

export interface QuestionSpec {
  key: string;
  type: QuestionType;
  text: string;
  textRu?: string | null;
  /** The value factor or metric this question measures, by code. */
  factorCode?: string | null;
  metricCode?: string | null;
}

const QuestionnaireSchema = defineEntity({
  name: 'Questionnaire',
  tableName: 'questionnaire',
  uniques: [{ properties: ['code', 'version'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    code: p.string().length(64),
    version: p.integer().default(1),
    title: p.string().length(300),
    targetRespondentClasses: p.json<RespondentClass[]>(),
    questions: p.json<QuestionSpec[]>(),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Questionnaire extends QuestionnaireSchema.class {}
QuestionnaireSchema.setClass(Questionnaire);
export { QuestionnaireSchema };
