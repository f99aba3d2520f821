import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { PersonalDataService } from './privacy.service.js';
import { ContactErasureType, toContactErasureType, toContactExportJson } from './privacy.types.js';

@Resolver()
export class PrivacyResolver {
  @Mutation(() => ContactErasureType, {
    description:
      "Erases a contact's personal data (the right to be forgotten): name, e-mail, phone, " +
      'position and external id; the texts of their feedback; recipient and body of messages ' +
      'to them; their council seats (ended) and portal login; and every copy of their name, ' +
      'e-mail, phone or texts in free text and audit values. Scores, counts and audit events ' +
      'stay. Calling it again changes nothing and answers alreadyErased.',
  })
  async eraseContact(
    @IdArg('id', 'Contact') id: string,
    @Arg('reason', () => String, { description: 'Why (1–500 characters), kept in the audit.' })
    reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactErasureType> {
    return toContactErasureType(await ctx.service(PersonalDataService).eraseContact(id, reason));
  }

  @Query(() => GraphQLJSONObject, {
    description:
      'Everything the hub holds about a contact, as one JSON document (format ' +
      '`cx-ops-hub/contact-export@1`: contact, feedback, messages, councilMemberships, ' +
      'portalLogins, auditEvents), for a subject-access request. Each export is audited.',
  })
  async exportContactData(
    @IdArg('id', 'Contact') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Record<string, unknown>> {
    return toContactExportJson(await ctx.service(PersonalDataService).exportContactData(id));
  }
}
