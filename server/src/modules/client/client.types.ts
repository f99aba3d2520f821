import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import type { ClientAccount } from './client-account.entity.js';
import type { Contact } from './contact.entity.js';
import type { Segment } from './segment.entity.js';
import {
  AccountStatus,
  AccountTier,
  CompanySize,
  CouncilRole,
  RespondentClass,
} from './client.enums.js';

registerEnumType(RespondentClass, {
  name: 'RespondentClass',
  description:
    'Economic buyer (top management), technical buyer (specs, quality) or operator (end user).',
});
registerEnumType(AccountTier, { name: 'AccountTier' });
registerEnumType(CompanySize, { name: 'CompanySize' });
registerEnumType(AccountStatus, { name: 'AccountStatus' });
registerEnumType(CouncilRole, { name: 'CouncilRole' });

@ObjectType('Segment', { implements: Node, description: 'A client segment (industry × size).' })
export class SegmentType extends Node {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) industry!: string;
  @Field(() => CompanySize) size!: CompanySize;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
}

/** Internal ids kept beside the GraphQL fields so field resolvers can load relations. */
@ObjectType('ClientAccount', { implements: Node, description: 'A client company.' })
export class ClientAccountType extends Node {
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => String) name!: string;
  @Field(() => AccountTier) tier!: AccountTier;
  @Field(() => AccountStatus) status!: AccountStatus;
  @Field(() => String, { nullable: true, description: 'ISO 3166 alpha-2.' }) country!:
    string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) clientSince!: string | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
  segmentId!: string;
  ownerId!: string | null;
}

@ObjectType('Contact', { implements: Node, description: 'A person at a client account.' })
export class ContactType extends Node {
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) position!: string | null;
  @Field(() => RespondentClass) respondentClass!: RespondentClass;
  @Field(() => String) locale!: string;
  @Field(() => Boolean) active!: boolean;
  @Field(() => Boolean, { description: 'A key contact, watched by the monitor.' }) isKey!: boolean;
  @Field(() => Date, {
    nullable: true,
    description: 'When their personal data was erased; the contact is then a nameless tombstone.',
  })
  erasedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
  accountId!: string;
}

export function toSegmentType(e: Segment): SegmentType {
  return Object.assign(new SegmentType(), {
    id: toGlobalId('Segment', e.id),
    dbId: e.id,
    code: e.code,
    name: e.name,
    industry: e.industry,
    size: e.size,
    description: e.description ?? null,
    createdAt: e.createdAt,
  });
}

export function toClientAccountType(e: ClientAccount): ClientAccountType {
  return Object.assign(new ClientAccountType(), {
    id: toGlobalId('ClientAccount', e.id),
    dbId: e.id,
    externalId: e.externalId ?? null,
    name: e.name,
    tier: e.tier,
    status: e.status,
    country: e.country ?? null,
    clientSince: e.clientSince ?? null,
    createdAt: e.createdAt,
    segmentId: e.segment.id,
    ownerId: e.owner?.id ?? null,
  });
}

export function toContactType(e: Contact): ContactType {
  return Object.assign(new ContactType(), {
    id: toGlobalId('Contact', e.id),
    dbId: e.id,
    externalId: e.externalId ?? null,
    name: e.name,
    email: e.email ?? null,
    phone: e.phone ?? null,
    position: e.position ?? null,
    respondentClass: e.respondentClass,
    locale: e.locale,
    active: e.active,
    isKey: e.isKey,
    erasedAt: e.erasedAt ?? null,
    createdAt: e.createdAt,
    accountId: e.account.id,
  });
}

@ObjectType()
export class SegmentConnection extends Connection(SegmentType, 'Segment') {}

@ObjectType()
export class ClientAccountConnection extends Connection(ClientAccountType, 'ClientAccount') {}

@ObjectType()
export class ContactConnection extends Connection(ContactType, 'Contact') {}

export enum SegmentSortField {
  NAME = 'name',
  CODE = 'code',
  CREATED_AT = 'createdAt',
}
registerEnumType(SegmentSortField, { name: 'SegmentSortField' });

export enum ClientAccountSortField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(ClientAccountSortField, { name: 'ClientAccountSortField' });

export enum ContactSortField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(ContactSortField, { name: 'ContactSortField' });

@InputType()
export class SegmentOrder {
  @Field(() => SegmentSortField) field!: SegmentSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@InputType()
export class ClientAccountOrder {
  @Field(() => ClientAccountSortField) field!: ClientAccountSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@InputType()
export class ContactOrder {
  @Field(() => ContactSortField) field!: ContactSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}
