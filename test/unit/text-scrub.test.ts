import { describe, expect, it } from 'vitest';
import {
  ERASED,
  jsonForms,
  needlesFor,
  scrubJson,
  scrubText,
} from '../../server/src/modules/privacy/text-scrub.js';

const olga = needlesFor(
  {
    name: 'Olga Petrova',
    email: 'olga@client.example',
    phone: '+7 495 123-45-67',
    externalId: 'crm-4711',
  },
  ['Счета приходят позже поставки, бухгалтерия не может закрыть месяц', 'ok', null],
);

describe('needlesFor', () => {
  it('searches for a full name, e-mail, phone and external id, and for long texts only', () => {
    expect(olga).toEqual({
      identity: ['Olga Petrova', 'olga@client.example', '+7 495 123-45-67', 'crm-4711'],
      texts: ['Счета приходят позже поставки, бухгалтерия не может закрыть месяц'],
    });
  });

  it('does not search for a one-word name, which would erase every namesake', () => {
    expect(needlesFor({ name: 'Olga' }, []).identity).toEqual([]);
  });
});

describe('scrubText', () => {
  it('replaces identifiers in any case, whole words only', () => {
    expect(
      scrubText('OLGA PETROVA wrote from Olga@Client.Example; call +7 495 123-45-67.', olga),
    ).toBe(`${ERASED} wrote from ${ERASED}; call ${ERASED}.`);
    expect(scrubText('Olga Petrovas and crm-47110 are someone else', olga)).toBe(
      'Olga Petrovas and crm-47110 are someone else',
    );
  });

  it('replaces a verbatim copy of a text, in any script', () => {
    expect(
      scrubText(
        'Цитата: «Счета приходят позже поставки, бухгалтерия не может закрыть месяц».',
        olga,
      ),
    ).toBe(`Цитата: «${ERASED}».`);
  });
});

describe('scrubJson', () => {
  it('replaces inside every string of a JSON value and keeps the rest', () => {
    expect(
      scrubJson(
        { contact: { name: 'Olga Petrova', nps: 3 }, notes: ['mail olga@client.example'] },
        olga,
      ),
    ).toEqual({ contact: { name: ERASED, nps: 3 }, notes: [`mail ${ERASED}`] });
  });
});

describe('jsonForms', () => {
  it('adds the escaped form a text takes inside stored JSON', () => {
    expect(jsonForms('plain')).toEqual(['plain']);
    expect(jsonForms('say "hi"\nnow')).toEqual(['say "hi"\nnow', 'say \\"hi\\"\\nnow']);
  });
});
