import { expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/db.js';

describeEachDatabase('migrations', (getOrm) => {
  it('bring an empty database exactly to the schema the entities describe', async () => {
    const pending = await getOrm().schema.getUpdateSchemaSQL({ wrap: false });
    expect(
      pending.trim(),
      'run `npm run migration:create -- <name>` after changing an entity',
    ).toBe('');
  });

  it('are all applied and none is pending', async () => {
    expect(await getOrm().migrator.getPending()).toEqual([]);
  });
});
