import { describe, expect, it } from 'vitest';
import { counted } from '../../web/src/i18n/plural.js';

const initiatives = {
  en: { one: 'initiative', other: 'initiatives' },
  ru: { one: 'инициатива', few: 'инициативы', many: 'инициатив' },
};

describe('counted nouns', () => {
  it('picks the Russian one/few/many forms by Intl.PluralRules, not by the last digit alone', () => {
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111].map((n) => counted('ru', n, initiatives))).toEqual([
      '1 инициатива',
      '2 инициативы',
      '5 инициатив',
      '11 инициатив',
      '12 инициатив',
      '21 инициатива',
      '22 инициативы',
      '25 инициатив',
      '111 инициатив',
    ]);
  });

  it('groups digits the way each language writes them', () => {
    expect(counted('en', 1234, initiatives)).toBe('1,234 initiatives');
    expect(counted('ru', 1234, initiatives)).toBe('1\u00a0234 инициативы');
    expect(counted('en', 1, initiatives)).toBe('1 initiative');
  });
});
