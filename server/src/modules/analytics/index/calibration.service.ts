import type { DomainContext } from '../../../domain/context.js';
import { ImportanceWeight } from '../../value/importance-weight.entity.js';
import { WeightSource } from '../../value/value.enums.js';
import { WeightSet } from '../../value/weight-set.entity.js';
import { IndexCalibration } from './index-calibration.entity.js';
import { arrange, measuredNps, measuredOnly, trainingRows } from './index.dataset.js';
import { indexError } from './index.errors.js';
import { calibrate, scaleWeights, type CalibrationRound } from './index.math.js';
import { checkSpan } from './index.periods.js';
import { factorScores, measuredSatisfaction, segmentWeights } from './index.queries.js';

/** λ per training row of the damped rounds (the pull toward the previous round's weights). */
export const CALIBRATION_DAMPING = 0.02;
export const MAX_ROUNDS = 5;

export interface SegmentRounds {
  segmentId: string;
  factors: string[];
  rounds: CalibrationRound[];
}

/**
 * Calibrates the current weight set's index to measured account NPS per segment: damped NNLS
 * rounds (see `index.math.ts`), each stored as a new weight set (source CALIBRATION, not current
 * until `setCurrentWeightSet`). Per segment, not per respondent class: an account's monthly NPS
 * mixes its classes' answers, and per class and month there are one or two answers at most.
 * A class's weight is its interview weight times the factor's calibration multiplier, so the
 * class differences the interviews found stay and the class mean is the calibrated weight.
 */
export class IndexCalibrationService {
  constructor(private readonly ctx: DomainContext) {}

  /** The rounds on the months [from, to] from `start`, computed, nothing stored. */
  async fit(start: WeightSet, from: string, to: string, rounds: number): Promise<SegmentRounds[]> {
    const months = new Set(checkSpan(from, to, this.ctx.clock.now()));
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) {
      throw indexError('ROUNDS_OUT_OF_RANGE', `rounds must be 1 to ${MAX_ROUNDS}.`, 'rounds');
    }
    const em = this.ctx.em;
    const [scores, weights, measured] = await Promise.all([
      factorScores(em, from, to),
      segmentWeights(em, start.id),
      measuredSatisfaction(em, from, to),
    ]);
    const nps = measuredNps(measured, 1);
    const out: SegmentRounds[] = [];
    for (const full of arrange(scores, weights).values()) {
      const seg = measuredOnly(full);
      const { rows } = trainingRows(seg, nps, months);
      // Fewer rows than factors + 2 cannot say anything about the weights.
      if (seg.factors.length === 0 || rows.length < seg.factors.length + 2) continue;
      const model = scaleWeights(rows, seg.weights);
      out.push({
        segmentId: seg.segmentId,
        factors: seg.factors,
        rounds: calibrate(rows, model, rounds, CALIBRATION_DAMPING),
      });
    }
    if (out.length === 0) {
      throw indexError(
        'NO_DATA_TO_FIT',
        `No segment has enough months with measured NPS and metric observations in ${from}…${to}.`,
        'periodFrom',
      );
    }
    return out;
  }

  /** Fits and stores one weight set per round; answers the sets, oldest round first. */
  async run(from: string, to: string, rounds: number): Promise<WeightSet[]> {
    const start = await this.ctx.em.findOne(WeightSet, { isCurrent: true });
    if (!start) throw indexError('NO_CURRENT_WEIGHT_SET', 'No weight set is current.');
    const fitted = await this.fit(start, from, to, rounds);
    return this.ctx.em.transactional(async (em) => {
      const base = await em.find(ImportanceWeight, { weightSet: start });
      const [latest] = await em.find(WeightSet, {}, { orderBy: { version: 'desc' }, limit: 1 });
      let version = latest?.version ?? 0;
      const sets: WeightSet[] = [];
      let previous = start;
      for (let r = 0; r < rounds; r += 1) {
        version += 1;
        const set = em.create(WeightSet, {
          version,
          label: `Calibration round ${r + 1} from version ${start.version} (${from}…${to})`,
          source: WeightSource.CALIBRATION,
          isCurrent: false,
          notes: `Damped NNLS fit of the index to measured account NPS, ${from}…${to}.`,
        });
        const multiplier = new Map<string, number>();
        for (const seg of fitted) {
          const round = seg.rounds[r]!;
          const classMean = meanWeights(base, seg.segmentId, seg.factors);
          const total = seg.factors.reduce((s, f) => s + classMean.get(f)!, 0);
          const fittedTotal = round.model.weights.reduce((s, w) => s + w, 0);
          seg.factors.forEach((f, k) => {
            const relative = fittedTotal > 0 ? (round.model.weights[k]! * total) / fittedTotal : 0;
            multiplier.set(`${seg.segmentId}|${f}`, relative / classMean.get(f)!);
          });
          em.create(IndexCalibration, {
            weightSet: set,
            segment: seg.segmentId,
            previousWeightSet: previous,
            round: r + 1,
            trainFrom: from,
            trainTo: to,
            samples: round.after.n,
            rmseBefore: round.before.rmse,
            maeBefore: round.before.mae,
            rmseAfter: round.after.rmse,
            maeAfter: round.after.mae,
            intercept: round.model.intercept,
            slope: fittedTotal,
          });
        }
        for (const w of base) {
          const m = multiplier.get(`${w.segment.id}|${w.factor.id}`);
          em.create(ImportanceWeight, {
            weightSet: set,
            segment: w.segment,
            respondentClass: w.respondentClass,
            factor: w.factor,
            weight: m === undefined ? Number(w.weight) : Number(w.weight) * m,
            spread: null,
            sampleSize: null,
          });
        }
        this.ctx.audit.record(em, 'calibrateSatisfactionIndex', 'WeightSet', set.id, null, {
          version,
          round: r + 1,
          from: start.version,
          periodFrom: from,
          periodTo: to,
        });
        sets.push(set);
        previous = set;
      }
      return sets;
    });
  }
}

/** The mean over respondent classes of each factor's weight in one segment. */
function meanWeights(
  base: readonly ImportanceWeight[],
  segmentId: string,
  factors: readonly string[],
): Map<string, number> {
  const sums = new Map(factors.map((f) => [f, { s: 0, n: 0 }]));
  for (const w of base) {
    if (w.segment.id !== segmentId) continue;
    const t = sums.get(w.factor.id);
    if (t) {
      t.s += Number(w.weight);
      t.n += 1;
    }
  }
  return new Map([...sums].map(([f, t]) => [f, t.n > 0 ? t.s / t.n : 0]));
}
