import type { Viewer } from '../../server/src/auth/viewer.js';
import type { Orm } from '../../server/src/db/orm.js';
import type { TestApi } from '../helpers/graphql.js';

/** What a catalogue step of `test/fixtures/mutation-catalogue*.ts` runs against: the API as one viewer, and the ids earlier steps made. */
export class CatalogueWorld {
  private readonly ids = new Map<string, string>();
  private seq = 0;

  constructor(
    readonly api: TestApi,
    readonly orm: Orm,
    readonly viewer: Viewer,
  ) {}

  /** A unique suffix for codes and names. */
  unique(prefix: string): string {
    this.seq += 1;
    return `${prefix}_${this.seq}_${Date.now().toString(36)}`;
  }

  /** Runs mutation `name` with typed arguments and answers its result; any error fails. */
  async mutate(
    name: string,
    args: Record<string, [type: string, value: unknown]> = {},
    select = 'id',
  ): Promise<any> {
    const entries = Object.entries(args);
    const defs = entries.map(([k, [type]]) => `$${k}: ${type}`).join(', ');
    const pass = entries.map(([k]) => `${k}: $${k}`).join(', ');
    const query = `mutation${defs ? `(${defs})` : ''} { ${name}${pass ? `(${pass})` : ''}${select ? ` { ${select} }` : ''} }`;
    const res = await this.api.execute(
      query,
      Object.fromEntries(entries.map(([k, [, v]]) => [k, v])),
      this.viewer,
    );
    if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
    return res.data![name];
  }

  /** Creates with `name` and remembers the new row's id as `key`. */
  async create(
    key: string,
    name: string,
    input: Record<string, unknown>,
    type = '',
  ): Promise<string> {
    const inputType = type || `${name[0]!.toUpperCase()}${name.slice(1)}Input!`;
    const { id } = await this.mutate(name, { input: [inputType, input] });
    this.ids.set(key, id);
    return id;
  }

  set(key: string, id: string): void {
    this.ids.set(key, id);
  }

  id(key: string): string {
    const id = this.ids.get(key);
    if (!id) throw new Error(`no id "${key}" yet: an earlier step makes it`);
    return id;
  }
}

/** One call of one mutation (with valid input, given what the steps before it made). */
export interface CatalogueStep {
  mutation: string;
  /** Makes what the call needs with other mutations or the ORM (not part of what is checked). */
  prepare?(w: CatalogueWorld): Promise<unknown>;
  run(w: CatalogueWorld): Promise<unknown>;
}

export const step = (
  mutation: string,
  run: CatalogueStep['run'],
  prepare?: CatalogueStep['prepare'],
): CatalogueStep => ({ mutation, run, ...(prepare ? { prepare } : {}) });

/** `updateX(id, input)` on the row remembered as `key`. */
export const update = (name: string, key: string, input: Record<string, unknown>) =>
  step(name, async (w) => {
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input!`;
    await w.mutate(name, { id: ['ID!', w.id(key)], input: [type, input] });
  });

/** `deleteX(id)` of the row remembered as `key`. */
export const remove = (name: string, key: string) =>
  step(name, async (w) => {
    await w.mutate(name, { id: ['ID!', w.id(key)] }, '');
  });
