/**
 * How a Formbricks response becomes feedback: which question ids carry the scores and the text,
 * and which hidden fields (or contact attributes) name the respondent. Read from
 * CX_FORMBRICKS_MAPPING (JSON, any subset of the keys) over these defaults.
 */
export interface FormbricksMapping {
  /** Question id of the NPS question (0–10). */
  nps: string;
  /** Question id of the satisfaction (CSI) rating; its answer is scaled by 100 / `csiRange`. */
  csi: string;
  /** The CSI question's top rating (5 for a 1–5 star rating, 100 when it asks 0–100 directly). */
  csiRange: number;
  /** Question ids of open-text answers, joined in this order into the item's text. */
  text: string[];
  /** Hidden field, or contact attribute, holding the respondent's e-mail. */
  email: string;
  /** Hidden field holding the hub's account id (as the API shows it, or the bare uuid). */
  accountId: string;
  /** Hidden field holding the hub's contact id. */
  contactId: string;
  /** Hidden field holding the account's key in the CRM (`ClientAccount.externalId`). */
  accountExternalId: string;
  /** Hidden field holding the contact's key in the CRM (`Contact.externalId`). */
  contactExternalId: string;
}

export interface FormbricksSettings {
  /** The webhook's signing secret (`whsec_…`); unset, the endpoint refuses every delivery. */
  secret: string | undefined;
  mapping: FormbricksMapping;
}

export const FORMBRICKS_SECRET_ENV = 'CX_FORMBRICKS_SECRET';
export const FORMBRICKS_MAPPING_ENV = 'CX_FORMBRICKS_MAPPING';

export const DEFAULT_FORMBRICKS_MAPPING: FormbricksMapping = {
  nps: 'nps',
  csi: 'csi',
  csiRange: 100,
  text: ['feedback'],
  email: 'email',
  accountId: 'accountId',
  contactId: 'contactId',
  accountExternalId: 'accountExternalId',
  contactExternalId: 'contactExternalId',
};

const STRING_KEYS = [
  'nps',
  'csi',
  'email',
  'accountId',
  'contactId',
  'accountExternalId',
  'contactExternalId',
] as const;

function parseMapping(raw: string): FormbricksMapping {
  const fail = (why: string): never => {
    throw new Error(`${FORMBRICKS_MAPPING_ENV} ${why}, got "${raw}"`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail('must be a JSON object');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return fail('must be a JSON object');
  }
  const given = parsed as Record<string, unknown>;
  const mapping: FormbricksMapping = { ...DEFAULT_FORMBRICKS_MAPPING };
  for (const [key, value] of Object.entries(given)) {
    if ((STRING_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'string' || value.trim() === '')
        fail(`key "${key}" must be a question or field id`);
      mapping[key as (typeof STRING_KEYS)[number]] = (value as string).trim();
    } else if (key === 'text') {
      const ids = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || id.trim() === '')) {
        fail('key "text" must be a question id or a list of them');
      }
      mapping.text = (ids as string[]).map((id) => id.trim());
    } else if (key === 'csiRange') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        fail('key "csiRange" must be a positive number');
      }
      mapping.csiRange = value as number;
    } else {
      fail(
        `has an unknown key "${key}" (known: ${[...STRING_KEYS, 'text', 'csiRange'].join(', ')})`,
      );
    }
  }
  return mapping;
}

export function loadFormbricksSettings(env: NodeJS.ProcessEnv): FormbricksSettings {
  const secret = env[FORMBRICKS_SECRET_ENV]?.trim() || undefined;
  if (secret && !/^(whsec_)?[A-Za-z0-9+/]+={0,2}$/.test(secret)) {
    throw new Error(
      `${FORMBRICKS_SECRET_ENV} must be the webhook's signing secret as Formbricks shows it (whsec_ and base64)`,
    );
  }
  const raw = env[FORMBRICKS_MAPPING_ENV];
  return {
    secret,
    mapping: raw && raw.trim() !== '' ? parseMapping(raw) : { ...DEFAULT_FORMBRICKS_MAPPING },
  };
}
