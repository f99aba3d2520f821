import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../server/src/demo/load.js';
import { PLANTED_RELATION } from '../../server/src/demo/model.js';
import type { Orm } from '../../server/src/db/orm.js';
import { ProcessGroup } from '../../server/src/modules/initiative/initiative.enums.js';
import type { GroupMaturity } from '../../server/src/modules/maturity/maturity.criteria.js';
import { evaluateMaturity } from '../../server/src/modules/maturity/maturity.evaluator.js';
import { DEFAULT_MATURITY_THRESHOLDS } from '../../server/src/modules/maturity/maturity.thresholds.js';
import { createTestOrm, describeEachDatabase, type TestDialect } from '../helpers/db.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const LOAD_TIMEOUT_MS = 120_000;

let counting = false;
let statements: string[] = [];
const onQuery = (sql: string) => {
  if (counting) statements.push(sql);
};

async function evaluateCounting(orm: Orm): Promise<{ groups: GroupMaturity[]; count: number }> {
  statements = [];
  counting = true;
  try {
    const groups = await evaluateMaturity(orm.em.fork(), NOW, DEFAULT_MATURITY_THRESHOLDS);
    return { groups, count: statements.length };
  } finally {
    counting = false;
  }
}

/** What each database computed, so the second block can compare with the first. */
const computedOn = new Map<TestDialect, GroupMaturity[]>();

describeEachDatabase(
  'maturity of the demo company',
  (getOrm, dialect) => {
    let small: Awaited<ReturnType<typeof createTestOrm>> | undefined;

    beforeAll(async () => {
      await loadDemo(getOrm(), { seed: 1, scale: 0.2, now: NOW });
      small = await createTestOrm(dialect, { onQuery });
      await loadDemo(small.orm, { seed: 1, scale: 0.1, now: NOW });
    }, LOAD_TIMEOUT_MS);
    afterAll(async () => {
      await small?.dispose();
    });

    it('costs the same few SQL statements at scale 0.1 as at scale 0.2: one per process group', async () => {
      const large = await evaluateCounting(getOrm());
      const smaller = await evaluateCounting(small!.orm);
      expect(large.count).toBe(smaller.count);
      expect(large.count).toBe(5);
    });

    it('computes the demo company’s level per group from its data', async () => {
      const { groups } = await evaluateCounting(getOrm());
      computedOn.set(dialect, groups);
      const levels = Object.fromEntries(groups.map((g) => [g.processGroup, g.level]));
      expect(levels).toEqual({
        [ProcessGroup.COLLECT]: 3,
        [ProcessGroup.ANALYSE]: 1,
        // Its initiatives live through the services: tasks with due dates, clients told of each step,
        // council reviews of every client-visible initiative and revisions opened by councils and owners.
        [ProcessGroup.IMPLEMENT]: 2,
        [ProcessGroup.MONITOR]: 2,
        [ProcessGroup.CORRECT]: 2,
      });
      const monitor = groups.find((g) => g.processGroup === ProcessGroup.MONITOR)!;
      const r = monitor.criteria.find(
        (c) => c.code === 'MONITOR_SATISFACTION_FINANCE_CORRELATION',
      )!;
      // The generator plants r ≈ 0.67 between per-account mean CSI and gross-margin rate.
      expect(r.value).toBeGreaterThan(PLANTED_RELATION.expectedCorrelation - 0.15);
      expect(r.value).toBeLessThan(PLANTED_RELATION.expectedCorrelation + 0.15);
      for (const g of groups) {
        expect(g.missingForNextLevel.length).toBeGreaterThan(0);
        expect(g.missingForNextLevel.every((c) => c.level === g.level + 1 && !c.met)).toBe(true);
      }
    });

    it('gives the same levels, figures and values on SQLite and PostgreSQL', () => {
      const sqlite = computedOn.get('sqlite');
      const postgres = computedOn.get('postgresql');
      // Only meaningful once both blocks ran (the PostgreSQL block runs second).
      if (!sqlite || !postgres) return;
      const view = (groups: GroupMaturity[]) =>
        groups.map((g) => ({
          level: g.level,
          criteria: g.criteria.map((c) => [c.code, c.met, c.figure, c.value?.toFixed(9) ?? null]),
        }));
      expect(view(postgres)).toEqual(view(sqlite));
    });
  },
  { onQuery },
);
