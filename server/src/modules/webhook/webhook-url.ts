import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { webhookError } from './webhook.errors.js';

/** Addresses a webhook must not reach unless allowed: loopback, private, link-local, unspecified. */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** Whether an IP address is loopback, private, link-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is the IPv4 address in disguise.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, 'ipv4');
  return blocked.check(address, 'ipv6');
}

export type Resolve = (host: string) => Promise<string[]>;

const systemResolve: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Parses and checks a subscriber URL: http(s) only, no credentials, and — unless private
 * addresses are allowed — every address its host resolves to must be public (a name with one
 * public and one private address is refused: either may be used when delivering).
 */
export async function checkWebhookUrl(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolve = systemResolve,
): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw webhookError('INVALID_URL', `"${raw}" is not a URL.`, 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw webhookError('INVALID_URL', 'A webhook URL must start with https:// or http://.', 'url');
  }
  if (url.username || url.password) {
    throw webhookError(
      'INVALID_URL',
      'A webhook URL must not carry a user name or password; deliveries are signed instead.',
      'url',
    );
  }
  if (url.href.length > 2000) {
    throw webhookError('INVALID_URL', 'A webhook URL may be at most 2000 characters.', 'url');
  }
  if (allowPrivate) return url.href;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    throw webhookError('UNRESOLVABLE_HOST', `The host ${host} could not be resolved.`, 'url');
  }
  if (addresses.length === 0) {
    throw webhookError('UNRESOLVABLE_HOST', `The host ${host} has no address.`, 'url');
  }
  const refused = addresses.find(isPrivateAddress);
  if (refused) {
    throw webhookError(
      'PRIVATE_ADDRESS',
      `${host} resolves to ${refused}, a private, loopback or link-local address; webhooks go to public addresses only (CX_WEBHOOK_ALLOW_PRIVATE allows others).`,
      'url',
    );
  }
  return url.href;
}
