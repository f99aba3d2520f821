import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { User } from '../organisation/user.entity.js';
import { AnalysisKind } from './initiative.enums.js';

/** A recorded analysis (Pareto, root cause, screening) that initiatives are linked to. */
const AnalysisSchema = defineEntity({
  name: 'Analysis',
  tableName: 'analysis',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    kind: p.enum(() => AnalysisKind),
    title: p.string().length(300),
    periodFrom: p.string().length(7).nullable(),
    periodTo: p.string().length(7).nullable(),
    summary: p.text().nullable(),
    /** The computed result (e.g. Pareto rows) as it was when the analysis was made. */
    result: p.json<Record<string, unknown>>().nullable(),
    /** What the analysis was computed from (thresholds, cut, counts), for a reader to check it. */
    inputs: p.json<Record<string, unknown>>().nullable(),
    /** Business key of a scheduled analysis (e.g. `pareto:2026-11`): one per period, ever. */
    runKey: p.string().length(64).nullable().unique(),
    createdBy: () => p.manyToOne(User).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class Analysis extends AnalysisSchema.class {}
AnalysisSchema.setClass(Analysis);
export { AnalysisSchema };
