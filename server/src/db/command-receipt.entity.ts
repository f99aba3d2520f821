import { defineEntity, p } from '@mikro-orm/core';

/**
 * A command an activity has applied, by its key (the Temporal update id or a timer's key).
 * Written in the command's own transaction, so a retried activity whose first attempt
 * committed sees the receipt and does not apply the command twice.
 */
const CommandReceiptSchema = defineEntity({
  name: 'CommandReceipt',
  tableName: 'command_receipt',
  properties: {
    key: p.string().length(200).primary(),
    appliedAt: p.datetime().onCreate(() => new Date()),
    /** The row the command created (e.g. a task), so a retried attempt answers the same id. */
    subjectId: p.string().length(64).nullable(),
  },
});
export class CommandReceipt extends CommandReceiptSchema.class {}
CommandReceiptSchema.setClass(CommandReceipt);
export { CommandReceiptSchema };
