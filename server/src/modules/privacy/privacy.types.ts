import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../graphql/relay.js';
import { redactSecrets } from '../audit/redact.js';
import { ContactType, toContactType } from '../client/client.types.js';
import type { ContactDataExport, RowRef } from './contact-export.js';
import { PersonalDataCategory } from './privacy.enums.js';
import type { ContactErasure } from './privacy.service.js';

registerEnumType(PersonalDataCategory, {
  name: 'PersonalDataCategory',
  description: 'A kind of personal data erasing a contact clears.',
});

@ObjectType('ErasedData', { description: 'How many rows of one category an erasure changed.' })
export class ErasedDataType {
  @Field(() => PersonalDataCategory) category!: PersonalDataCategory;
  @Field(() => Int) count!: number;
}

@ObjectType('ContactErasure', { description: "The outcome of erasing a contact's personal data." })
export class ContactErasureType {
  @Field(() => ContactType, { description: 'The contact as it stands now: a nameless tombstone.' })
  contact!: ContactType;
  @Field(() => Boolean, {
    description: 'True when an earlier call had erased it already; this call changed nothing.',
  })
  alreadyErased!: boolean;
  @Field(() => Date) erasedAt!: Date;
  @Field(() => [ErasedDataType], {
    description: 'Rows changed per category by this call; empty when already erased.',
  })
  erased!: ErasedDataType[];
}

export function toContactErasureType(e: ContactErasure): ContactErasureType {
  return Object.assign(new ContactErasureType(), {
    contact: toContactType(e.contact),
    alreadyErased: e.alreadyErased,
    erasedAt: e.erasedAt,
    erased: Object.values(PersonalDataCategory)
      .filter((category) => (e.erased[category] ?? 0) > 0)
      .map((category) => ({ category, count: e.erased[category]! })),
  });
}

const gid = (r: RowRef | null): string | null => (r ? toGlobalId(r.type, r.id) : null);

/** The export as the API answers it: global ids in place of row references, secrets redacted. */
export function toContactExportJson(d: ContactDataExport): Record<string, unknown> {
  return {
    format: d.format,
    exportedAt: d.exportedAt,
    contact: {
      ...d.contact,
      id: gid(d.contact.id),
      account: { id: gid(d.contact.account.id), name: d.contact.account.name },
    },
    feedback: d.feedback.map(({ touchpoint, ...f }) => ({
      ...f,
      id: gid(f.id),
      touchpointId: gid(touchpoint),
    })),
    messages: d.messages.map((m) => ({ ...m, id: gid(m.id) })),
    councilMemberships: d.councilMemberships.map((s) => ({
      ...s,
      id: gid(s.id),
      council: { id: gid(s.council.id), name: s.council.name },
    })),
    portalLogins: d.portalLogins.map((u) => ({ ...u, id: gid(u.id) })),
    surveyInvitations: d.surveyInvitations.map((i) => ({
      ...i,
      id: gid(i.id),
      campaign: { id: gid(i.campaign.id), name: i.campaign.name },
    })),
    auditEvents: d.auditEvents.map(({ entity, ...e }) => ({
      ...e,
      id: gid(e.id),
      entityType: entity?.type ?? null,
      entityId: gid(entity),
      before: redactSecrets(e.before),
      after: redactSecrets(e.after),
    })),
  };
}
