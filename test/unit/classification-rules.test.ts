import { describe, expect, it } from 'vitest';
import { ruleClassifier } from '../../server/src/modules/classification/rule-classifier.js';
import { ComplaintClass, Sentiment } from '../../server/src/modules/feedback/feedback.enums.js';

const { DELIVERY_DISCIPLINE, QUALITY, SERVICE, DETERIORATION } = ComplaintClass;
const { POSITIVE, NEGATIVE, NEUTRAL } = Sentiment;

const classify = (text: string, language: string | null = null) =>
  ruleClassifier.classify({ text, language });

describe('the rule-based classifier', () => {
  it.each([
    ['en', 'The last two deliveries arrived a day late.', DELIVERY_DISCIPLINE, NEGATIVE],
    [
      'en',
      'The truck was delayed again and again, we missed our production slot',
      DETERIORATION,
      NEGATIVE,
    ],
    [
      'en',
      'Damaged packaging and impurities in the batch, the product is out of spec.',
      QUALITY,
      NEGATIVE,
    ],
    ['en', 'Your manager never replies to e-mails, very rude support.', SERVICE, NEGATIVE],
    ['en', 'Invoices keep having errors, documents are wrong.', SERVICE, NEGATIVE],
    ['en', 'Quality used to be excellent, now it is worse than before.', DETERIORATION, NEGATIVE],
    ['en', 'Delivery is no longer reliable.', DETERIORATION, NEGATIVE],
    ['en', 'Great service, thank you, the manager was very helpful.', SERVICE, POSITIVE],
    ['en', 'Everything arrived on time, thank you.', DELIVERY_DISCIPLINE, POSITIVE],
    [
      'ru',
      'Поставка опоздала на три дня, машина пришла не вовремя.',
      DELIVERY_DISCIPLINE,
      NEGATIVE,
    ],
    ['ru', 'В партии обнаружен брак, упаковка повреждена.', QUALITY, NEGATIVE],
    ['ru', 'Менеджер не отвечает на письма, поддержка работает медленно.', SERVICE, NEGATIVE],
    ['ru', 'Качество стало хуже, чем раньше: опять примеси.', DETERIORATION, NEGATIVE],
    [
      'ru',
      'Сроки поставки ухудшились за последний квартал, это проблема.',
      DETERIORATION,
      NEGATIVE,
    ],
    ['ru', 'Спасибо, всё доставили вовремя, очень довольны.', DELIVERY_DISCIPLINE, POSITIVE],
    ['ru', 'Отличное обслуживание, менеджер молодец.', SERVICE, POSITIVE],
  ])('reads %s "%s" as %s, %s', (language, text, complaintClass, sentiment) => {
    expect(classify(text, language)).toMatchObject({ complaintClass, sentiment });
  });

  it('flags deterioration only when the client reports a problem, not when they will order again', () => {
    expect(classify('We will certainly order again, great quality.')).toMatchObject({
      deterioration: false,
      complaintClass: QUALITY,
      sentiment: POSITIVE,
    });
    expect(classify('Снова задержали отгрузку, стало хуже.')).toMatchObject({
      deterioration: true,
      complaintClass: DETERIORATION,
    });
  });

  it('turns words round after a negation in both languages', () => {
    expect(classify('The delivery was not good.').sentiment).toBe(NEGATIVE);
    expect(classify('Мы недовольны поставкой.').sentiment).toBe(NEGATIVE);
    expect(classify('Доставили не вовремя.').sentiment).toBe(NEGATIVE);
    expect(classify('No problems with the last order.').sentiment).toBe(POSITIVE);
  });

  it('names no class and a neutral sentiment when the text says nothing about either', () => {
    expect(classify('Please send us the price list for next year.')).toMatchObject({
      complaintClass: null,
      sentiment: NEUTRAL,
      deterioration: false,
    });
  });

  it('treats ё as е and ignores case', () => {
    expect(classify('ВСЁ СТАЛО ХУЖЕ С ДОСТАВКОЙ').complaintClass).toBe(DETERIORATION);
  });

  // Intake now applies the statistical classifier; rules-v1 is its keyword baseline.
  it('names itself rules-v1 in what it records', () => {
    expect(classify('late').method).toBe('rules-v1');
  });
});
