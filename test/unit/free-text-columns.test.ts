import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EntityProperty } from '@mikro-orm/core';
import { initORM, type Orm } from '../../server/src/db/orm.js';
import {
  FREE_TEXT_COLUMNS,
  HOLDS_NO_FREE_TEXT,
} from '../../server/src/modules/privacy/free-text.columns.js';

let orm: Orm;
beforeAll(async () => {
  orm = await initORM({});
});
afterAll(() => orm.close(true));

const TEXTUAL = /string|text|json/i;

it('classifies every text and JSON column of every entity: swept on erasure, or holding no free text', () => {
  const unclassified: string[] = [];
  const twice: string[] = [];
  for (const meta of orm.getMetadata().getAll().values()) {
    if (meta.pivotTable || meta.embeddable) continue;
    for (const prop of Object.values(meta.properties) as EntityProperty[]) {
      if (prop.kind !== 'scalar' || prop.primary || prop.enum || !TEXTUAL.test(String(prop.type)))
        continue;
      const swept = FREE_TEXT_COLUMNS[meta.className]?.includes(prop.name) ?? false;
      const exempt = HOLDS_NO_FREE_TEXT[meta.className];
      const excused = !!exempt && (prop.name in exempt || '*' in exempt);
      const where = `${meta.className}.${prop.name}`;
      if (!swept && !excused) unclassified.push(where);
      if (swept && exempt && prop.name in exempt) twice.push(where);
    }
  }
  expect(unclassified, 'add each to FREE_TEXT_COLUMNS or HOLDS_NO_FREE_TEXT').toEqual([]);
  expect(twice).toEqual([]);
});

it('names only columns that exist', () => {
  for (const [entity, props] of Object.entries(FREE_TEXT_COLUMNS)) {
    const meta = orm.getMetadata().getByClassName(entity);
    for (const prop of props) expect(meta.properties, `${entity}.${prop}`).toHaveProperty(prop);
  }
});
