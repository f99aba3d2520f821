import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../graphql/relay.js';
import type { ImportSummary } from './import.service.js';

export enum ImportOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REFUSED = 'REFUSED',
}
registerEnumType(ImportOutcome, {
  name: 'ImportOutcome',
  description: 'What an import did with one row (with dryRun: what it would do).',
});

@ObjectType({ description: 'One reason a row was refused.' })
export class ImportRowError {
  @Field(() => String, { nullable: true, description: 'The row field at fault, e.g. `period`.' })
  field!: string | null;

  @Field(() => String, {
    description:
      'REQUIRED, INVALID_FORMAT, OUT_OF_RANGE, TOO_LONG, IN_FUTURE, ACCOUNT_NOT_FOUND, METRIC_NOT_FOUND, ' +
      'CONTACT_NOT_FOUND, CONTACT_NOT_IN_ACCOUNT, CONTACT_AMBIGUOUS, RESPONDENT_CLASS_MISMATCH, EMPTY_FEEDBACK, ' +
      'DUPLICATE_IN_BATCH, NATURAL_KEY_TAKEN, KEY_CHANGED or EXTERNAL_ID_REUSED.',
  })
  code!: string;

  @Field(() => String) message!: string;
}

@ObjectType({ description: 'The outcome of one row, in the order the rows were given.' })
export class ImportRowResult {
  @Field(() => Int, { description: 'Position of the row in `rows`, from 0.' }) index!: number;
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => ImportOutcome) outcome!: ImportOutcome;

  @Field(() => ID, {
    nullable: true,
    description:
      'Global id of the stored record; null when refused, and for CREATED rows of a dry run.',
  })
  id!: string | null;

  @Field(() => [ImportRowError], { description: 'Empty unless the row was refused.' })
  errors!: ImportRowError[];
}

@ObjectType({ description: 'Counts and per-row outcomes of one import call.' })
export class ImportResult {
  @Field(() => Boolean, { description: 'True when nothing was written (dryRun).' })
  dryRun!: boolean;
  @Field(() => Int, { description: 'created + updated + unchanged.' }) accepted!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) refused!: number;
  @Field(() => [ImportRowResult]) rows!: ImportRowResult[];
}

/** An import's summary as the API answers it: row ids become global ids. */
export function toImportResult(summary: ImportSummary): ImportResult {
  const { entityType, rows, ...counts } = summary;
  return Object.assign(new ImportResult(), {
    ...counts,
    rows: rows.map((row) =>
      Object.assign(new ImportRowResult(), {
        ...row,
        outcome: ImportOutcome[row.outcome],
        id: row.id ? toGlobalId(entityType, row.id) : null,
        errors: row.errors.map((e) => Object.assign(new ImportRowError(), e)),
      }),
    ),
  });
}
