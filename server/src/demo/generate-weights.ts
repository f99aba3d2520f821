import { uuidv7 } from '../db/ids.js';
import { RespondentClass } from '../modules/client/client.enums.js';
import { type ValueTier } from '../modules/value/value.enums.js';
import type { ImportanceWeight } from '../modules/value/importance-weight.entity.js';
import { WeightSource } from '../modules/value/value.enums.js';
import type { WeightSet } from '../modules/value/weight-set.entity.js';
import { BAIN_ELEMENTS } from './bain-elements.js';
import { addDays, type GenContext } from './context.js';
import type { Row } from './dataset.js';
import { clamp } from './random.js';
import { SEGMENTS } from './generate-company.js';

const TIER_BASE: Record<ValueTier, number> = {
  TABLE_STAKES: 0.7,
  FUNCTIONAL: 0.5,
  EASE_OF_DOING_BUSINESS: 0.38,
  INDIVIDUAL: 0.22,
  INSPIRATIONAL: 0.14,
};

/**
 * What interviews typically show (DOMAIN.md): economic buyers weigh price and cost reduction,
 * technical buyers specifications and quality, operators ease and time savings.
 */
// prettier-ignore
const ROLE_EMPHASIS: Record<RespondentClass, Record<string, number>> = {
  ECONOMIC_BUYER: { ACCEPTABLE_PRICE: 0.92, COST_REDUCTION: 0.88, IMPROVED_TOP_LINE: 0.72, RISK_REDUCTION: 0.7, STABILITY: 0.66, TRANSPARENCY: 0.58, FLEXIBILITY: 0.55, REPUTATIONAL_ASSURANCE: 0.5 },
  TECHNICAL_BUYER: { MEETING_SPECIFICATIONS: 0.95, PRODUCT_QUALITY: 0.92, REGULATORY_COMPLIANCE: 0.86, COMPONENT_QUALITY: 0.76, EXPERTISE: 0.7, INFORMATION: 0.62, INNOVATION: 0.55, CONFIGURABILITY: 0.5 },
  OPERATOR: { TIME_SAVINGS: 0.88, REDUCED_EFFORT: 0.86, DECREASED_HASSLES: 0.82, AVAILABILITY: 0.76, RESPONSIVENESS: 0.75, SIMPLIFICATION: 0.7, ORGANIZATION: 0.62, INFORMATION: 0.6 },
};

// prettier-ignore
const SEGMENT_SHIFT: Record<string, Record<string, number>> = {
  CHEM_LARGE: { RISK_REDUCTION: 0.08, STABILITY: 0.08, INTEGRATION: 0.1, REGULATORY_COMPLIANCE: 0.05 },
  FOOD_MEDIUM: { REGULATORY_COMPLIANCE: 0.1, PRODUCT_QUALITY: 0.05, AVAILABILITY: 0.05 },
  CONSTR_SMALL: { ACCEPTABLE_PRICE: 0.06, COST_REDUCTION: 0.05, AVAILABILITY: 0.08, FLEXIBILITY: 0.06 },
  DISTRIBUTORS: { VARIETY: 0.15, AVAILABILITY: 0.1, IMPROVED_TOP_LINE: 0.08 },
};

/** Weight set v1 from the first interview round: segment × respondent class × factor. */
export function generateWeights(
  ctx: GenContext,
  version: number,
): { weightSets: Row<WeightSet>[]; importanceWeights: Row<ImportanceWeight>[] } {
  const { rng } = ctx;
  const createdAt = addDays(ctx.windowStart, 20);
  const set: Row<WeightSet> = {
    id: uuidv7(),
    version,
    label: `Interview round ${version}${ctx.tag}`,
    source: WeightSource.INTERVIEW,
    isCurrent: version === 1,
    notes:
      'Importance from structured interviews with economic buyers, technical buyers and operators.',
    createdAt,
  };
  const importanceWeights: Row<ImportanceWeight>[] = [];
  for (const seg of SEGMENTS) {
    for (const cls of Object.values(RespondentClass)) {
      for (const f of BAIN_ELEMENTS) {
        const base = ROLE_EMPHASIS[cls][f.code] ?? TIER_BASE[f.tier] * rng.float(0.7, 1.05);
        const weight = clamp(
          base + (SEGMENT_SHIFT[seg.code]?.[f.code] ?? 0) + rng.normal(0, 0.03),
          0.03,
          1,
        );
        importanceWeights.push({
          id: uuidv7(),
          weightSet: set.id,
          segment: ctx.segmentIds.get(seg.code)!,
          respondentClass: cls,
          factor: ctx.ref('valueFactors', f.code),
          weight: round(weight, 3),
          spread: round(rng.float(0.06, 0.2), 3),
          sampleSize: rng.int(6, 24),
          createdAt,
        });
      }
    }
  }
  return { weightSets: [set], importanceWeights };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
