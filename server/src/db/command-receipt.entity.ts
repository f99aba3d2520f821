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
  },
});
export class CommandReceipt extends CommandReceiptSchema.class {}
CommandReceiptSchema.setClass(CommandReceipt);
export { CommandReceiptSchema };
