import type { Em } from '../db/orm.js';
import { ProcessClass } from '../modules/journey/process-class.entity.js';
import { Touchpoint } from '../modules/journey/touchpoint.entity.js';
import { MetricDefinition } from '../modules/metric/metric-definition.entity.js';
import { Department } from '../modules/organisation/department.entity.js';
import { ValueFactor } from '../modules/value/value-factor.entity.js';
import { BAIN_ELEMENTS } from './bain-elements.js';
import { DEPARTMENTS, PROCESS_CLASSES, TOUCHPOINTS, touchpointKey } from './journey-catalogue.js';
import { METRICS } from './metric-catalogue.js';

export interface ReferenceSeedCounts {
  departments: number;
  valueFactors: number;
  processClasses: number;
  touchpoints: number;
  metricDefinitions: number;
}

/** Code → id of every reference row the demo generator points at. */
export interface ReferenceIds {
  departments: Map<string, string>;
  valueFactors: Map<string, string>;
  processClasses: Map<string, string>;
  /** By `touchpointKey(stage, processClass, channel)`. */
  touchpoints: Map<string, string>;
  metrics: Map<string, string>;
}

/**
 * Ensures the reference data: departments, Bain's 40 B2B Elements of Value, the journey's
 * process classes and touchpoints, and the metric definitions. Runs on every start, so it
 * only adds rows whose code is missing and never touches rows a user may have edited.
 * Returns how many rows it created.
 */
export async function seedReferenceData(em: Em): Promise<ReferenceSeedCounts> {
  const counts: ReferenceSeedCounts = {
    departments: 0,
    valueFactors: 0,
    processClasses: 0,
    touchpoints: 0,
    metricDefinitions: 0,
  };
  const departments = byCode(await em.find(Department, {}));
  for (const d of DEPARTMENTS) {
    if (departments.has(d.code)) continue;
    departments.set(d.code, em.create(Department, d));
    counts.departments += 1;
  }

  const factors = byCode(await em.find(ValueFactor, {}));
  BAIN_ELEMENTS.forEach((e, index) => {
    if (factors.has(e.code)) return;
    factors.set(e.code, em.create(ValueFactor, { ...e, sortOrder: index + 1 }));
    counts.valueFactors += 1;
  });

  const processClasses = byCode(await em.find(ProcessClass, {}));
  for (const pc of PROCESS_CLASSES) {
    if (processClasses.has(pc.code)) continue;
    const created = em.create(ProcessClass, {
      code: pc.code,
      name: pc.name,
      nameRu: pc.nameRu,
      primaryStage: pc.stage,
      owningDepartment: departments.get(pc.department)!,
      description: pc.description,
    });
    processClasses.set(pc.code, created);
    counts.processClasses += 1;
  }

  const touchpoints = new Set(
    (await em.find(Touchpoint, {}, { populate: ['processClass'] })).map((t) =>
      touchpointKey(t.stage, t.processClass.code, t.channel),
    ),
  );
  for (const t of TOUCHPOINTS) {
    const processClass = processClasses.get(t.processClass);
    if (touchpoints.has(t.key) || !processClass) continue;
    em.create(Touchpoint, {
      stage: t.stage,
      processClass,
      channel: t.channel,
      name: t.name,
      owningDepartment: departments.get(t.department)!,
    });
    counts.touchpoints += 1;
  }

  const metrics = new Set((await em.find(MetricDefinition, {})).map((m) => m.code));
  for (const m of METRICS) {
    if (metrics.has(m.code)) continue;
    const processClass = m.processClass ? processClasses.get(m.processClass) : undefined;
    em.create(MetricDefinition, {
      code: m.code,
      name: m.name,
      nameRu: m.nameRu,
      layer: m.layer,
      kind: m.kind,
      collectionMethod: m.collectionMethod,
      collectionChannel: m.collectionChannel,
      processClass: processClass ?? null,
      stage: processClass?.primaryStage ?? null,
      factor: m.factor ? (factors.get(m.factor) ?? null) : null,
      unit: m.unit,
      betterDirection: m.betterDirection,
      target: m.target,
      description: m.description,
    });
    counts.metricDefinitions += 1;
  }
  await em.flush();
  return counts;
}

/** Reads the ids of the reference rows (after `seedReferenceData`). */
export async function loadReferenceIds(em: Em): Promise<ReferenceIds> {
  // Sequential on purpose: one connection, possibly inside a transaction.
  const departments = await em.find(Department, {});
  const factors = await em.find(ValueFactor, {});
  const processClasses = await em.find(ProcessClass, {});
  const touchpoints = await em.find(Touchpoint, {}, { populate: ['processClass'] });
  const metrics = await em.find(MetricDefinition, {});
  const ids = (rows: { code: string; id: string }[]) => new Map(rows.map((r) => [r.code, r.id]));
  return {
    departments: ids(departments),
    valueFactors: ids(factors),
    processClasses: ids(processClasses),
    touchpoints: new Map(
      touchpoints.map((t) => [touchpointKey(t.stage, t.processClass.code, t.channel), t.id]),
    ),
    metrics: ids(metrics),
  };
}

function byCode<T extends { code: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.code, r]));
}
