import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { User } from '../organisation/user.entity.js';
import { toUserType, UserType } from '../organisation/organisation.types.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokenService } from './api-token.service.js';
import { CredentialService } from './credential.service.js';
import { CreateApiTokenInput, SignInInput } from './identity.inputs.js';
import {
  ApiTokenConnection,
  ApiTokenType,
  CreatedApiTokenType,
  SignInResultType,
  ViewerType,
  toApiTokenType,
  toViewerType,
} from './identity.types.js';
import { SessionService } from './session.service.js';

registerNodeType('ApiToken', async (ctx, id) => {
  const token = await entityById(ctx, ApiToken).load(id);
  return token ? toApiTokenType(token) : null;
});

/** Sign-in, sessions, passwords and API tokens. */
@Resolver(() => ApiTokenType)
export class IdentityResolver {
  @Mutation(() => SignInResultType, {
    description:
      'Sign in with e-mail and password: starts a browser session (cookies). Too many wrong passwords lock the account for a while.',
  })
  async signIn(
    @Arg('input', () => SignInInput) input: SignInInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SignInResultType> {
    await ctx.app.signInThrottle?.admit(ctx.http?.address ?? 'in-process');
    const grant = await ctx.service(SessionService).signIn(input.email, input.password, {
      userAgent: ctx.http?.userAgent ?? null,
      ip: ctx.http?.address ?? null,
    });
    ctx.http?.startSession(grant.sessionToken, grant.csrfToken, grant.expiresAt);
    return Object.assign(new SignInResultType(), {
      user: toUserType(grant.user),
      csrfToken: grant.csrfToken,
      expiresAt: grant.expiresAt,
    });
  }

  @Mutation(() => Boolean, { description: 'End this browser session.' })
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    const token = ctx.http?.sessionToken;
    if (token) await ctx.service(SessionService).signOut(token);
    ctx.http?.endSession();
    return true;
  }

  @Query(() => ViewerType, { description: 'Who this request acts as.' })
  me(@Ctx() ctx: RequestContext): ViewerType {
    return toViewerType(ctx.viewer);
  }

  @Mutation(() => Boolean, {
    description: 'Change your own password (every session of yours ends, this one too).',
  })
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await ctx.service(CredentialService).changeOwn(currentPassword, newPassword);
    ctx.http?.endSession();
    return true;
  }

  @Mutation(() => UserType, {
    description: "Set a user's password (onboarding, reset); their sessions end.",
  })
  async setUserPassword(
    @IdArg('userId', 'User') userId: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<UserType> {
    return toUserType(await ctx.service(CredentialService).setPassword(userId, password));
  }

  @Mutation(() => CreatedApiTokenType, { description: 'Make an API token for an integrator.' })
  async createApiToken(
    @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CreatedApiTokenType> {
    const { token, secret } = await ctx.service(ApiTokenService).create(input);
    return Object.assign(new CreatedApiTokenType(), { secret, token: toApiTokenType(token) });
  }

  @Mutation(() => ApiTokenType, { description: 'Stop a token from working, for good.' })
  async revokeApiToken(
    @IdArg('id', 'ApiToken') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiTokenType> {
    return toApiTokenType(await ctx.service(ApiTokenService).revoke(id));
  }

  @Query(() => ApiTokenConnection, { description: 'API tokens, newest first.' })
  async apiTokens(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiTokenConnection> {
    return mapPage(await ctx.service(ApiTokenService).list(args), toApiTokenType);
  }

  @FieldResolver(() => UserType, { nullable: true })
  async createdBy(@Root() t: ApiTokenType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    const user = t.createdById ? await entityById(ctx, User).load(t.createdById) : null;
    return user ? toUserType(user) : null;
  }
}
