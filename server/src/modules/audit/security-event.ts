import type { Viewer } from '../../auth/viewer.js';

/** Security events the audit trail records beside changes (`AuditEvent.action` is the kind). */
export enum SecurityEventKind {
  LOGIN_SUCCEEDED = 'LOGIN_SUCCEEDED',
  /** With the e-mail tried — never the password. */
  LOGIN_FAILED = 'LOGIN_FAILED',
  LOGOUT = 'LOGOUT',
  /** At most once per token per minute (`TOKEN_USE_THROTTLE_MS`). */
  TOKEN_USED = 'TOKEN_USED',
  /** An operation the viewer may not run, with the reason; written even though nothing else is. */
  ACCESS_REFUSED = 'ACCESS_REFUSED',
}

interface Origin {
  /** Client address and user agent, when the transport knows them. */
  ip?: string | null;
  userAgent?: string | null;
}

/** What each kind records. Strings are clipped and stripped of control characters. */
export interface SecurityEventDetails {
  LOGIN_SUCCEEDED: Origin & { userId: string; sessionId?: string | null };
  LOGIN_FAILED: Origin & {
    email: string;
    /** e.g. `UNKNOWN_EMAIL`, `WRONG_PASSWORD`, `LOCKED_OUT`, `INACTIVE`. */
    reason: string;
    /** The user the e-mail belongs to, when there is one. */
    userId?: string | null;
  };
  LOGOUT: Origin & { userId: string; sessionId?: string | null };
  TOKEN_USED: Origin & { tokenId: string; operation?: string | null };
  ACCESS_REFUSED: Origin & {
    /** The GraphQL operation or field refused, e.g. `auditEvents`. */
    operation: string;
    reason: string;
    /** The object asked for, when the refusal is about one. */
    entityType?: string | null;
    entityId?: string | null;
  };
}

/** Token uses are recorded at most once per token within this window. */
export const TOKEN_USE_THROTTLE_MS = 60_000;

const MAX_DETAIL_CHARS = 320;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A detail string as stored: no control characters, at most 320 characters. */
export function clip(text: string): string {
  return text.replace(CONTROL, '').slice(0, MAX_DETAIL_CHARS);
}

/** The row a security event is about, and who acted. */
export function subjectOf<K extends SecurityEventKind>(
  kind: K,
  detail: SecurityEventDetails[K],
  viewer: Viewer,
): { actor: string; entityType: string | null; entityId: string | null } {
  const d = detail as Partial<SecurityEventDetails[SecurityEventKind]> & Record<string, unknown>;
  switch (kind) {
    case SecurityEventKind.LOGIN_SUCCEEDED:
    case SecurityEventKind.LOGOUT:
      return { actor: `user:${String(d.userId)}`, entityType: 'User', entityId: String(d.userId) };
    case SecurityEventKind.LOGIN_FAILED:
      return d.userId
        ? { actor: viewer.actor, entityType: 'User', entityId: String(d.userId) }
        : { actor: viewer.actor, entityType: null, entityId: null };
    case SecurityEventKind.TOKEN_USED:
      return {
        actor: `token:${String(d.tokenId)}`,
        entityType: 'ApiToken',
        entityId: String(d.tokenId),
      };
    default:
      return d.entityType && d.entityId
        ? { actor: viewer.actor, entityType: String(d.entityType), entityId: String(d.entityId) }
        : { actor: viewer.actor, entityType: null, entityId: null };
  }
}

/** The detail as stored: clipped strings, plus who the viewer was for a refusal. */
export function storedDetail<K extends SecurityEventKind>(
  kind: K,
  detail: SecurityEventDetails[K],
  viewer: Viewer,
): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    if (value === undefined) continue;
    stored[key] = typeof value === 'string' ? clip(value) : value;
  }
  if (kind === SecurityEventKind.ACCESS_REFUSED) stored.viewer = describeViewer(viewer);
  return stored;
}

/** Who was refused, as far as it is not a secret: kind, role, department, token and scopes. */
function describeViewer(v: Viewer): Record<string, unknown> {
  return {
    actor: v.actor,
    kind: v.kind ?? null,
    ...(v.role ? { role: v.role } : {}),
    ...(v.departmentId ? { departmentId: v.departmentId } : {}),
    ...(v.councilIds?.length ? { councilIds: v.councilIds } : {}),
    ...(v.tokenId ? { tokenId: v.tokenId, scopes: v.scopes ?? [] } : {}),
  };
}
