import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ClientAccount } from './client-account.entity.js';

/** A client advisory council: people from client companies who review what concerns them. */
const AdvisoryCouncilSchema = defineEntity({
  name: 'AdvisoryCouncil',
  tableName: 'advisory_council',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    name: p.string().length(200).unique(),
    description: p.text().nullable(),
    accounts: () => p.manyToMany(ClientAccount).pivotTable('advisory_council_account'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class AdvisoryCouncil extends AdvisoryCouncilSchema.class {}
AdvisoryCouncilSchema.setClass(AdvisoryCouncil);
export { AdvisoryCouncilSchema };
