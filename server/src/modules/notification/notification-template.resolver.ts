import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { NotificationTemplateService } from './notification-template.service.js';
import {
  NotificationTemplateType,
  ResetNotificationTemplateInput,
  SetNotificationTemplateInput,
  toNotificationTemplateType,
} from './notification-template.types.js';

@Resolver(() => NotificationTemplateType)
export class NotificationTemplateResolver {
  @Query(() => [NotificationTemplateType], {
    description:
      'The notification templates a CX admin has set; a kind (for INITIATIVE_PROGRESS, a milestone) and language without one is written with its built-in text.',
  })
  async notificationTemplates(@Ctx() ctx: RequestContext): Promise<NotificationTemplateType[]> {
    return (await ctx.service(NotificationTemplateService).list()).map(toNotificationTemplateType);
  }

  @Mutation(() => NotificationTemplateType, {
    description:
      'Sets the text of one kind of client message in one language (INITIATIVE_PROGRESS: per milestone), replacing an earlier one; placeholders are checked.',
  })
  async setNotificationTemplate(
    @Arg('input', () => SetNotificationTemplateInput) input: SetNotificationTemplateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NotificationTemplateType> {
    const template = await ctx
      .service(NotificationTemplateService)
      .set(
        input.kind,
        input.locale,
        { subject: input.subject, body: input.body },
        input.milestone ?? null,
      );
    return toNotificationTemplateType(template);
  }

  @Mutation(() => NotificationTemplateType, {
    description:
      'Removes a template, so the built-in text is used again; answers the removed template.',
  })
  async resetNotificationTemplate(
    @Arg('input', () => ResetNotificationTemplateInput) input: ResetNotificationTemplateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NotificationTemplateType> {
    const template = await ctx
      .service(NotificationTemplateService)
      .reset(input.kind, input.locale, input.milestone ?? null);
    return toNotificationTemplateType(template);
  }
}
