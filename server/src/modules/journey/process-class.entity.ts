import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { Department } from '../organisation/department.entity.js';
import { JourneyStage } from './journey.enums.js';

/** A class of business process the client experiences (pricing, delivery planning, invoicing…). */
const ProcessClassSchema = defineEntity({
  name: 'ProcessClass',
  tableName: 'process_class',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    code: p.string().length(64).unique(),
    name: p.string().length(200),
    nameRu: p.string().length(200).nullable(),
    /** The stage where this process mostly shows; touchpoints may place it elsewhere too. */
    primaryStage: p.enum(() => JourneyStage),
    owningDepartment: () => p.manyToOne(Department).index(),
    description: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class ProcessClass extends ProcessClassSchema.class {}
ProcessClassSchema.setClass(ProcessClass);
export { ProcessClassSchema };
