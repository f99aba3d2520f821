import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { TokenScope } from '../../auth/token-scope.js';
import type { Viewer } from '../../auth/viewer.js';
import { UserRole } from '../organisation/organisation.enums.js';
import { UserType } from '../organisation/organisation.types.js';
import type { ApiToken } from './api-token.entity.js';

registerEnumType(TokenScope, {
  name: 'TokenScope',
  description: 'What an API token may do; it reads like a CX manager only with READ.',
});

@ObjectType('SignInResult', {
  description:
    'A new browser session. Its token is in the HttpOnly cookie `cx_session`; send `csrfToken` (also in the cookie `cx_csrf`) back in the `x-csrf-token` header of every request.',
})
export class SignInResultType {
  @Field(() => UserType) user!: UserType;
  @Field(() => String) csrfToken!: string;
  @Field(() => Date) expiresAt!: Date;
}

@ObjectType('Viewer', { description: 'Who the request acts as.' })
export class ViewerType {
  @Field(() => String, { description: 'user, token or anonymous.' }) kind!: string;
  @Field(() => UserRole, { nullable: true }) role!: UserRole | null;
  @Field(() => ID, { nullable: true }) userId!: string | null;
  @Field(() => ID, { nullable: true }) departmentId!: string | null;
  @Field(() => [ID], { description: 'The advisory councils a council member sits on.' })
  councilIds!: string[];
  @Field(() => [TokenScope]) scopes!: TokenScope[];
}

@ObjectType('ApiToken', {
  implements: Node,
  description: 'An integrator’s API token. The secret is shown once, when it is created.',
})
export class ApiTokenType extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The first characters of the secret, to recognise it.' })
  prefix!: string;
  @Field(() => [TokenScope]) scopes!: TokenScope[];
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  createdById!: string | null;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenType {
  @Field(() => String, {
    description: 'The secret: send it as `Authorization: Bearer <secret>`. It is not shown again.',
  })
  secret!: string;
  @Field(() => ApiTokenType) token!: ApiTokenType;
}

@ObjectType()
export class ApiTokenConnection extends Connection(ApiTokenType, 'ApiToken') {}

export function toApiTokenType(e: ApiToken): ApiTokenType {
  return Object.assign(new ApiTokenType(), {
    id: toGlobalId('ApiToken', e.id),
    name: e.name,
    prefix: e.prefix,
    scopes: [...e.scopes],
    createdAt: e.createdAt,
    expiresAt: e.expiresAt ?? null,
    lastUsedAt: e.lastUsedAt ?? null,
    revokedAt: e.revokedAt ?? null,
    createdById: e.createdBy?.id ?? null,
  });
}

export function toViewerType(v: Viewer): ViewerType {
  return Object.assign(new ViewerType(), {
    kind: v.kind ?? 'anonymous',
    role: v.role ?? null,
    userId: v.userId ? toGlobalId('User', v.userId) : null,
    departmentId: v.departmentId ? toGlobalId('Department', v.departmentId) : null,
    councilIds: (v.councilIds ?? []).map((id) => toGlobalId('AdvisoryCouncil', id)),
    scopes: v.scopes ?? [],
  });
}
