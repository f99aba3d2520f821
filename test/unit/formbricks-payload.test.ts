import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import {
  parseFormbricksEvent,
  readAnswers,
} from '../../server/src/modules/inbound/formbricks.payload.js';
import { FIXTURE_MAPPING, formbricksFixture } from '../helpers/formbricks.js';

const mapping = loadConfig({ CX_FORMBRICKS_MAPPING: FIXTURE_MAPPING }).formbricks.mapping;

describe('reading a Formbricks response through the mapping', () => {
  it('reads the fixture’s NPS, 1–5 rating as CSI 0–100, text and hidden fields', () => {
    const answers = readAnswers(parseFormbricksEvent(formbricksFixture()), mapping);
    expect(answers).toEqual({
      npsScore: 4,
      csiScore: 40,
      text: 'Invoices arrive after the goods; accounting cannot close the month.',
      email: 'olga@client.example',
      accountId: null,
      contactId: null,
      accountExternalId: 'C0042',
      contactExternalId: null,
      problems: [],
    });
  });

  it('takes the e-mail from the contact attributes when no hidden field carries it', () => {
    const body = formbricksFixture((b) => {
      delete b.data.data.email;
      b.data.contactAttributes = { email: 'Olga@Client.example', userId: 'u-1' };
    });
    expect(readAnswers(parseFormbricksEvent(body), mapping).email).toBe('olga@client.example');
  });

  it('names an NPS outside 0–10 and a rating above its range as problems instead of storing them', () => {
    const body = formbricksFixture((b) => {
      b.data.data.h6k2rq9yxz0cb7mvlt3ad1ep = 12;
      b.data.data.m9w3xk2p5qtr8ceu6ydh1vsn = 9;
    });
    const answers = readAnswers(parseFormbricksEvent(body), mapping);
    expect([answers.npsScore, answers.csiScore]).toEqual([null, null]);
    expect(answers.problems).toHaveLength(2);
  });

  it.each([
    [null, 'body'],
    [{ event: 'surveyCreated', data: {} }, 'event'],
    [{ event: 'responseFinished' }, 'data'],
    [{ event: 'responseFinished', data: { id: '' } }, 'data.id'],
    [{ event: 'responseFinished', data: { id: 'r1', data: [1] } }, 'data.data'],
  ])('refuses %j as BAD_PAYLOAD on %s', (body, field) => {
    expect(() => parseFormbricksEvent(body)).toThrow(
      expect.objectContaining({ reason: 'BAD_PAYLOAD', field }),
    );
  });
});
