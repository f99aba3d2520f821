import { uuidv7 } from '../db/ids.js';
import { AnalysisKind, ProcessGroup as G } from '../modules/initiative/initiative.enums.js';
import type { Analysis } from '../modules/initiative/analysis.entity.js';
import {
  AssessmentMethod,
  type MaturityAssessment,
} from '../modules/maturity/maturity-assessment.entity.js';
import type { SpecialRequirement } from '../modules/requirement/special-requirement.entity.js';
import { RequirementStatus } from '../modules/requirement/special-requirement.entity.js';
import { addDays, monthStart, periodOf, type GenContext } from './context.js';
import type { Row } from './dataset.js';
import type { GeneratedFeedback } from './generate-feedback.js';
import { demoPareto } from './generate-pareto.js';

// prettier-ignore
const REQUIREMENTS: [string, string, string][] = [
  ['DELIVERY_PLANNING', 'Приёмка только с 8:00 до 14:00 по будням', 'Deliveries accepted 8:00–14:00 on weekdays only'],
  ['QUALITY_CERTIFICATES', 'Сертификат анализа с каждой партией, на английском языке', 'Certificate of analysis with every batch, in English'],
  ['PRODUCT_CONFORMITY', 'Пищевое применение: декларация соответствия ТР ТС обязательна', 'Food-grade use: EAEU declaration of conformity required'],
  ['PRODUCT_CONFORMITY', 'Влажность не более 0,5%', 'Moisture no more than 0.5%'],
  ['SHIPMENT_LOGISTICS', 'Паллеты высотой не более 1,2 м, стретч-плёнка в два слоя', 'Pallets no higher than 1.2 m, double stretch wrap'],
  ['SHIPPING_DOCUMENTS', 'Документы только через ЭДО (Диадок)', 'Documents via EDI only'],
  ['INVOICING', 'Счета в EUR с указанием номера заказа клиента', 'Invoices in EUR quoting the customer’s PO number'],
  ['CREDIT_TERMS', 'Отсрочка 60 дней по рамочному договору', '60-day payment terms under the framework agreement'],
  ['SHIPMENT_LOGISTICS', 'Доставка только автотранспортом с гидробортом', 'Delivery only by trucks with a tail lift'],
];

export function generateRequirements(ctx: GenContext): Row<SpecialRequirement>[] {
  const { rng } = ctx;
  const rows: Row<SpecialRequirement>[] = [];
  for (const a of ctx.accounts) {
    if (!rng.chance(0.22)) continue;
    for (const [pc, ru, en] of rng.sample(REQUIREMENTS, rng.int(1, 2))) {
      const at = addDays(ctx.windowStart, rng.int(0, 300));
      rows.push({
        id: uuidv7(),
        account: a.row.id,
        processClass: ctx.ref('processClasses', pc),
        title: a.locale === 'ru' ? ru : en,
        description: null,
        status: rng.chance(0.92) ? RequirementStatus.ACTIVE : RequirementStatus.RETIRED,
        capturedBy: a.row.owner as string,
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  return rows;
}

/**
 * The analyses the CX office recorded: a Pareto of the first nine months (the initiatives
 * started from it), a root-cause analysis and the screening, and the monthly Pareto of each of
 * the last three complete months, as the hub's schedule records it after a month ends (without
 * a run key: the demo's months were not run by the hub, so running one still proposes).
 */
export function generateAnalyses(ctx: GenContext, feedback: GeneratedFeedback): Row<Analysis>[] {
  const to = ctx.periods[8]!;
  const pareto = demoPareto(ctx, feedback, ctx.periods[0]!, to);
  const vital = pareto.causes.filter((c) => c.vital);
  const createdBy = ctx.users.cx[1]!.id;
  const at = addDays(ctx.windowStart, 280);
  const top = vital
    .slice(0, 3)
    .map((r) => `${r.processClassCode}/${r.complaintClass}`)
    .join(', ');
  const monthly = ctx.periods.slice(-3).map((period, i): Row<Analysis> => {
    const month = demoPareto(ctx, feedback, period, period);
    const next = ctx.periods[ctx.periods.length - 2 + i] ?? periodOf(ctx.anchor);
    return {
      id: uuidv7(),
      kind: AnalysisKind.PARETO,
      title: `Pareto of dissatisfaction, ${period}${ctx.tag}`,
      periodFrom: period,
      periodTo: period,
      summary: `${month.dissatisfied} dissatisfied feedback items, ${month.attributed} with a complaint class and a touchpoint; ${month.causes.filter((c) => c.vital).length} of ${month.causes.length} causes make up 80% of them.`,
      result: { causes: month.causes, vitalFew: month.causes.filter((c) => c.vital).length },
      createdBy: null,
      createdAt: addDays(monthStart(next), 0.25),
    };
  });
  return [
    {
      id: uuidv7(),
      kind: AnalysisKind.PARETO,
      title: `Pareto of complaints ${ctx.periods[0]}…${to}${ctx.tag}`,
      periodFrom: ctx.periods[0]!,
      periodTo: to,
      summary: `${vital.length} of ${pareto.causes.length} causes make 80% of ${pareto.attributed} attributed dissatisfied items; the largest: ${top}.`,
      result: { causes: pareto.causes, vitalFew: vital.length },
      createdBy,
      createdAt: at,
    },
    {
      id: uuidv7(),
      kind: AnalysisKind.ROOT_CAUSE,
      title: `Late deliveries from the central warehouse: root cause${ctx.tag}`,
      periodFrom: ctx.periods[6]!,
      periodTo: to,
      summary:
        'Loading slots are booked by phone; the carrier’s plan is fixed a day late, so trucks miss the agreed windows.',
      result: {
        causes: [
          'manual slot booking',
          'carrier plan fixed D-1',
          'no buffer stock for fast movers',
        ],
      },
      createdBy,
      createdAt: addDays(at, 7),
    },
    {
      id: uuidv7(),
      kind: AnalysisKind.SCREENING,
      title: `Initial screening (Change phase)${ctx.tag}`,
      periodFrom: ctx.periods[0]!,
      periodTo: ctx.periods[2]!,
      summary:
        'All complaints collected, 40 interviews, mystery shopping of proposals: delivery discipline and documents dominate.',
      result: { interviews: 40, mysteryShops: 12 },
      createdBy: ctx.users.cx[0]!.id,
      createdAt: addDays(ctx.windowStart, 95),
    },
    ...monthly,
  ];
}

// prettier-ignore
const MATURITY: [G, number, [string, boolean][]][] = [
  [G.COLLECT, 2, [['standard questionnaires in use', true], ['feedback from 2+ channels', true], ['all three respondent classes heard for most accounts', true], ['every channel flows into the hub', false]]],
  [G.ANALYSE, 2, [['complaints classified into four classes', true], ['Pareto run every period', true], ['initiatives proposed from statistics', false]]],
  [G.IMPLEMENT, 1, [['initiatives recorded with owners', true], ['client-visible initiatives notify clients regularly', false]]],
  [G.MONITOR, 2, [['NPS/CSI computed every period', true], ['satisfaction ↔ finance correlation computed', true], ['divergence alerts active', false]]],
  [G.CORRECT, 1, [['corrections recorded as revisions', true], ['council reviews for client-visible initiatives', false]]],
];

export function generateMaturity(ctx: GenContext): Row<MaturityAssessment>[] {
  return MATURITY.map(([processGroup, level, evidence]) => ({
    id: uuidv7(),
    processGroup,
    level,
    method: AssessmentMethod.MANUAL,
    evidence: evidence.map(([criterion, met]) => ({ criterion, met })),
    note: 'Self-assessment by the CX office at the end of the screening.',
    assessedBy: ctx.users.cx[0]!.id,
    assessedAt: addDays(ctx.anchor, -30),
  }));
}
