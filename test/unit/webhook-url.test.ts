import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/src/domain/errors.js';
import { checkWebhookUrl, isPrivateAddress } from '../../server/src/modules/webhook/webhook-url.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

const reasonOf = (run: Promise<unknown>) =>
  run.then(
    () => 'accepted',
    (error: unknown) => (error instanceof DomainError ? error.reason : `untyped: ${String(error)}`),
  );

describe('checkWebhookUrl', () => {
  const resolvesTo =
    (...addresses: string[]) =>
    () =>
      Promise.resolve(addresses);

  it('accepts a host whose every address is public', async () => {
    await expect(
      checkWebhookUrl('https://hooks.example.com/in', false, resolvesTo('93.184.216.34')),
    ).resolves.toBe('https://hooks.example.com/in');
  });

  it('refuses a host with one private address among public ones', async () => {
    expect(
      await reasonOf(
        checkWebhookUrl(
          'https://mixed.example.com/',
          false,
          resolvesTo('93.184.216.34', '10.0.0.5'),
        ),
      ),
    ).toBe('PRIVATE_ADDRESS');
  });

  it('refuses a name that resolves to loopback through the real resolver', async () => {
    expect(await reasonOf(checkWebhookUrl('http://localhost:8080/', false))).toBe(
      'PRIVATE_ADDRESS',
    );
  });

  it('accepts private addresses when allowed, without resolving', async () => {
    const never = () => Promise.reject(new Error('must not resolve'));
    await expect(checkWebhookUrl('http://127.0.0.1:9/x', true, never)).resolves.toBe(
      'http://127.0.0.1:9/x',
    );
  });

  it.each([
    ['not a url', 'INVALID_URL'],
    ['ftp://example.com/x', 'INVALID_URL'],
    ['https://user:pw@example.com/x', 'INVALID_URL'],
  ])('refuses %s as %s', async (url, reason) => {
    expect(await reasonOf(checkWebhookUrl(url, false, resolvesTo('93.184.216.34')))).toBe(reason);
  });

  it('refuses a host that does not resolve', async () => {
    const fails = () => Promise.reject(new Error('ENOTFOUND'));
    expect(await reasonOf(checkWebhookUrl('https://nowhere.invalid/', false, fails))).toBe(
      'UNRESOLVABLE_HOST',
    );
  });
});
