import { describe, expect, it } from 'vitest';
import { messageIdOf } from '../../server/src/modules/notification/mail-delivery.service.js';
import { readSendFailure } from '../../server/src/modules/notification/mail-transport.js';

describe('reading a failed send', () => {
  it.each([
    [
      'a 5xx to RCPT TO is a bounce',
      { code: 'EENVELOPE', responseCode: 550, response: '550 No such user' },
      true,
    ],
    [
      'a 5xx to DATA is a bounce',
      { code: 'EMESSAGE', responseCode: 554, response: '554 Rejected' },
      true,
    ],
    [
      'a 4xx to RCPT TO is retried',
      { code: 'EENVELOPE', responseCode: 451, response: '451 Later' },
      false,
    ],
    [
      "a refused sign-in (535) is the hub's configuration, retried",
      { code: 'EAUTH', responseCode: 535, response: '535 Bad credentials' },
      false,
    ],
    [
      'a refused connection is retried',
      { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' },
      false,
    ],
    ['anything else is retried', 'boom', false],
  ])('%s', (_name, error, permanent) => {
    expect(readSendFailure(error).permanent).toBe(permanent);
  });

  it("quotes the server's reply as the reason, else the error's message", () => {
    expect(
      readSendFailure({ code: 'EENVELOPE', responseCode: 550, response: '550 No such user' })
        .reason,
    ).toBe('The mail server answered: 550 No such user');
    expect(readSendFailure(new Error('connect ECONNREFUSED')).reason).toBe('connect ECONNREFUSED');
  });
});

describe('the Message-ID of a notification', () => {
  it("is the row id at the sender's domain, the same on every attempt", () => {
    expect(messageIdOf('0192-abc', 'CX office <cx@hub.example>')).toBe('<0192-abc@hub.example>');
    expect(messageIdOf('0192-abc', 'cx@hub.example')).toBe('<0192-abc@hub.example>');
  });
});
