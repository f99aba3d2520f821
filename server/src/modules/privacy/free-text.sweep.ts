import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { Em } from '../../db/orm.js';
import { escapeLike } from '../../db/search.js';
import { FREE_TEXT_COLUMNS } from './free-text.columns.js';
import { jsonForms, scrubJson, scrubText, type Needles } from './text-scrub.js';

interface Column {
  prop: string;
  field: string;
  json: boolean;
}

/** Conditions per statement: keeps each one far below either database's parameter limit. */
const CONDITIONS_PER_QUERY = 200;

export const isJsonProperty = (prop: EntityProperty): boolean =>
  String(prop.type).toLowerCase().includes('json');

/**
 * Finds the needles in every free-text column (`FREE_TEXT_COLUMNS`) and replaces them with
 * `[erased]`, inside the caller's transaction. SQL narrows the rows (case-insensitive LIKE for
 * identifiers, exact `instr`/`strpos` for texts); the replacement itself is done in TypeScript,
 * whole words only, so a false hit of the coarse SQL search changes nothing.
 * Answers the ids of the rows it changed, per entity.
 */
export async function sweepFreeText(em: Em, needles: Needles): Promise<Map<string, Set<string>>> {
  const changed = new Map<string, Set<string>>();
  if (needles.identity.length === 0 && needles.texts.length === 0) return changed;
  for (const [entity, props] of Object.entries(FREE_TEXT_COLUMNS)) {
    const meta = em.getMetadata().getByClassName(entity);
    const columns = props.map((prop): Column => {
      const p = meta.properties[prop as never] as EntityProperty;
      return { prop, field: p.fieldNames[0]!, json: isJsonProperty(p) };
    });
    const rows = await candidates(em, meta, columns, needles);
    const ids = new Set<string>();
    for (const row of rows) {
      const changes = scrubRow(row, columns, needles);
      if (!changes) continue;
      await em.nativeUpdate(meta.class, { id: row.id } as never, changes as never);
      ids.add(row.id);
    }
    if (ids.size > 0) changed.set(entity, ids);
  }
  return changed;
}

type Row = Record<string, unknown> & { id: string };

/** Rows whose columns contain any needle, as SQL sees it. */
async function candidates(
  em: Em,
  meta: EntityMetadata,
  columns: Column[],
  needles: Needles,
): Promise<Row[]> {
  const postgres = em.getPlatform() instanceof PostgreSqlPlatform;
  const conditions: { sql: string; param: string }[] = [];
  for (const c of columns) {
    const col = postgres && c.json ? `"${c.field}"::text` : `"${c.field}"`;
    const forms = (n: string) => (c.json ? jsonForms(n) : [n]);
    for (const n of needles.identity.flatMap(forms)) {
      conditions.push({
        sql: postgres ? `${col} ilike ?` : `${col} like ? escape '\\'`,
        param: `%${escapeLike(n)}%`,
      });
    }
    for (const n of needles.texts.flatMap(forms)) {
      conditions.push({
        sql: postgres ? `strpos(${col}, ?) > 0` : `instr(${col}, ?) > 0`,
        param: n,
      });
    }
  }
  const select = ['"id"', ...columns.map((c) => `"${c.field}"`)].join(', ');
  const found = new Map<string, Row>();
  for (let i = 0; i < conditions.length; i += CONDITIONS_PER_QUERY) {
    const chunk = conditions.slice(i, i + CONDITIONS_PER_QUERY);
    const rows = await em.execute<Row[]>(
      `select ${select} from "${meta.tableName}" where ${chunk.map((c) => c.sql).join(' or ')}`,
      chunk.map((c) => c.param),
    );
    for (const row of rows) found.set(row.id, row);
  }
  return [...found.values()];
}

/** The scrubbed values of a row's changed columns, by property; null when nothing changed. */
function scrubRow(row: Row, columns: Column[], needles: Needles): Record<string, unknown> | null {
  const changes: Record<string, unknown> = {};
  for (const c of columns) {
    const raw = row[c.field];
    if (raw === null || raw === undefined) continue;
    if (c.json) {
      const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
      const scrubbed = scrubJson(value, needles);
      if (JSON.stringify(scrubbed) !== JSON.stringify(value)) changes[c.prop] = scrubbed;
    } else if (typeof raw === 'string') {
      const scrubbed = scrubText(raw, needles);
      if (scrubbed !== raw) changes[c.prop] = scrubbed;
    }
  }
  return Object.keys(changes).length > 0 ? changes : null;
}
