import { ComplaintClass as K, Sentiment } from '../modules/feedback/feedback.enums.js';
import type { Random } from './random.js';

/** A sentence in both languages; `{topic}`, `{delay}`, `{order}`, `{batch}` are filled in. */
type Pair = readonly [ru: string, en: string];

/** The process class as it reads inside a sentence. */
const TOPICS: Record<string, Pair> = {
  BRAND_AWARENESS: ['ваши мероприятия', 'your events'],
  PRODUCT_INFORMATION: ['каталог и технические листы', 'the catalogue and data sheets'],
  TENDER_PRICING: ['цены и тендерные условия', 'pricing and tender terms'],
  COMMERCIAL_PROPOSAL: ['коммерческие предложения', 'commercial proposals'],
  SAMPLES_TRIALS: ['образцы для лаборатории', 'samples for our lab'],
  CONTRACT_SPECIFICATION: [
    'согласование договора и спецификации',
    'contract and specification approval',
  ],
  CREDIT_TERMS: ['условия отсрочки платежа', 'payment deferral terms'],
  DELIVERY_PLANNING: ['планирование поставок', 'delivery planning'],
  DAILY_ORDER: ['размещение заказов', 'placing orders'],
  ORDER_CONFIRMATION: ['подтверждение заказов', 'order confirmations'],
  SHIPMENT_LOGISTICS: ['доставка', 'delivery'],
  SHIPPING_DOCUMENTS: ['отгрузочные документы', 'shipping documents'],
  QUALITY_CERTIFICATES: ['сертификаты качества', 'quality certificates'],
  PRODUCT_CONFORMITY: ['качество продукции', 'product quality'],
  INVOICING: ['счета', 'invoices'],
  PAYMENT_RECONCILIATION: ['акты сверки', 'reconciliation statements'],
  PORTAL_ECOMMERCE: ['клиентский портал', 'the customer portal'],
  CLAIMS_HANDLING: ['рассмотрение претензий', 'claims handling'],
  TECHNICAL_SUPPORT: ['техническая поддержка', 'technical support'],
  RETURNS: ['оформление возвратов', 'returns processing'],
  SERVICE_VISITS: ['сервисные выезды', 'service visits'],
  TRAINING: ['обучение персонала', 'staff training'],
  ACCOUNT_REVIEWS: ['встречи с менеджером', 'meetings with the account manager'],
};

// prettier-ignore
const SPECIFIC: Record<string, [K, ...Pair][]> = {
  SHIPMENT_LOGISTICS: [
    [K.DELIVERY_DISCIPLINE, 'Поставка опять задержалась {delay}.', 'The delivery was {delay} late again.'],
    [K.DELIVERY_DISCIPLINE, 'Машина приехала вне согласованного окна, склад не смог принять груз.', 'The truck arrived outside the agreed window and our warehouse could not unload it.'],
    [K.DELIVERY_DISCIPLINE, 'По заказу {order} привезли меньше, чем подтвердили: недопоставка около 10%.', 'Order {order} arrived short: about 10% less than confirmed.'],
    [K.QUALITY, 'Несколько мешков пришли с повреждённой упаковкой, продукт просыпался.', 'Several bags arrived with damaged packaging and product spilled.'],
    [K.SERVICE, 'Водитель не знал, куда ехать, и никто из логистов не отвечал на звонки.', 'The driver did not know where to go and nobody in logistics answered the phone.'],
  ],
  DELIVERY_PLANNING: [
    [K.DELIVERY_DISCIPLINE, 'Месячный план поставок согласовали, но график всё равно сдвинули без предупреждения.', 'We agreed the monthly plan, yet the schedule was moved again without notice.'],
    [K.SERVICE, 'Невозможно заранее узнать дату отгрузки — приходится звонить каждый день.', 'There is no way to know the shipping date in advance; we have to call every day.'],
  ],
  SHIPPING_DOCUMENTS: [
    [K.SERVICE, 'Оригиналы УПД пришли через три недели после поставки.', 'The original shipping documents came three weeks after the delivery.'],
    [K.QUALITY, 'В накладной к заказу {order} опять ошибка в реквизитах, бухгалтерия не может провести документ.', 'The waybill for order {order} has wrong company details again; our accountants cannot post it.'],
  ],
  QUALITY_CERTIFICATES: [
    [K.QUALITY, 'К партии {batch} не приложили сертификат анализа, лаборатория не допустила сырьё в производство.', 'Batch {batch} came without a certificate of analysis, so our lab would not release it to production.'],
    [K.SERVICE, 'Сертификаты качества приходится запрашивать отдельно по каждой партии.', 'We have to request the quality certificate separately for every batch.'],
  ],
  PRODUCT_CONFORMITY: [
    [K.QUALITY, 'Партия {batch} не соответствует спецификации по влажности.', 'Batch {batch} is outside the moisture specification.'],
    [K.QUALITY, 'Цвет продукта заметно отличается от предыдущей партии.', 'The colour of the product differs visibly from the previous batch.'],
  ],
  INVOICING: [
    [K.SERVICE, 'Счёт выставлен по старой цене, пришлось просить корректировку.', 'The invoice used the old price and we had to ask for a correction.'],
  ],
  PAYMENT_RECONCILIATION: [
    [K.SERVICE, 'Акт сверки расходится с нашими данными на несколько платежей, разбираемся второй месяц.', 'The reconciliation statement disagrees with our books by several payments; we have been sorting it out for two months.'],
  ],
  DAILY_ORDER: [
    [K.SERVICE, 'Чтобы изменить заказ, нужно писать менеджеру — на портале этого сделать нельзя.', 'To change an order we have to e-mail the manager; the portal cannot do it.'],
  ],
  ORDER_CONFIRMATION: [
    [K.DELIVERY_DISCIPLINE, 'Подтверждение заказа {order} пришло только через два дня.', 'The confirmation for order {order} took two days to arrive.'],
  ],
  TENDER_PRICING: [
    [K.SERVICE, 'Новый прайс-лист прислали без объяснения, почему цены выросли на 8%.', 'The new price list came without any explanation of the 8% increase.'],
  ],
  COMMERCIAL_PROPOSAL: [
    [K.SERVICE, 'Коммерческое предложение готовили больше недели, конкурент ответил за день.', 'The proposal took more than a week; a competitor answered within a day.'],
  ],
  CLAIMS_HANDLING: [
    [K.SERVICE, 'Претензию по партии {batch} рассматривают уже месяц, ответа нет.', 'Our claim on batch {batch} has been open for a month with no answer.'],
  ],
  TECHNICAL_SUPPORT: [
    [K.SERVICE, 'Инженер поддержки перезвонил только на следующий день, линия стояла.', 'The support engineer called back only the next day while our line was down.'],
  ],
  PORTAL_ECOMMERCE: [
    [K.SERVICE, 'Портал не показывает статус заказа, приходится звонить менеджеру.', 'The portal does not show the order status, so we call the manager.'],
  ],
  RETURNS: [
    [K.SERVICE, 'Возврат некондиции оформляется слишком долго, товар занимает наш склад.', 'Returning the non-conforming goods takes too long and they are filling our warehouse.'],
  ],
};

// prettier-ignore
const GENERIC: Record<K, Pair[]> = {
  [K.DELIVERY_DISCIPLINE]: [
    ['Сроки по теме «{topic}» снова сорваны, {delay} опоздания.', 'Deadlines for {topic} were missed again, {delay} late.'],
    ['Обещанные сроки не соблюдаются: {topic} — постоянные задержки.', 'Promised dates are not kept: constant delays with {topic}.'],
    ['Из-за задержки по заказу {order} остановили линию на полсмены.', 'Because order {order} was late we stopped the line for half a shift.'],
  ],
  [K.QUALITY]: [
    ['Есть замечания к качеству: {topic} — уже не первый случай.', 'We have quality concerns about {topic}; this is not the first time.'],
    ['Лаборатория снова забраковала партию {batch}.', 'Our lab rejected batch {batch} again.'],
    ['Ошибки в теме «{topic}» создают нам дополнительную работу.', 'Errors in {topic} create extra work for us.'],
  ],
  [K.SERVICE]: [
    ['{topic}: на запросы отвечают медленно, приходится напоминать.', 'Responses about {topic} are slow; we have to keep chasing.'],
    ['Непонятно, кто у вас отвечает за направление «{topic}», каждый раз новый человек.', 'It is unclear who owns {topic} on your side; it is a different person every time.'],
    ['Менеджер не перезвонил, хотя обещал решить вопрос по заказу {order}.', 'The manager did not call back although he promised to sort out order {order}.'],
  ],
  [K.DETERIORATION]: [
    ['Раньше по теме «{topic}» нареканий не было, а последние два месяца стало заметно хуже.', '{topic} used to work fine, but it has become noticeably worse over the last two months.'],
    ['После смены менеджера качество сервиса упало.', 'Service has dropped since our account manager changed.'],
    ['Год назад поставки были стабильнее, сейчас задержки {delay} стали нормой.', 'A year ago deliveries were more reliable; now being {delay} late is normal.'],
  ],
};

// prettier-ignore
const POSITIVE: Pair[] = [
  ['Спасибо, по теме «{topic}» всё чётко и в срок.', 'Thank you, {topic} went smoothly and on time.'],
  ['Отдельное спасибо менеджеру: быстро решил вопрос по заказу {order}.', 'Special thanks to our manager, who quickly solved the issue with order {order}.'],
  ['Качество партии {batch} отличное, претензий нет.', 'Batch {batch} was excellent, no complaints.'],
  ['Заметно, что по теме «{topic}» стало лучше — так держать.', 'We can see {topic} has improved; keep it up.'],
  ['Работаем с вами давно и довольны сотрудничеством.', 'We have worked with you for years and are happy with the partnership.'],
];

// prettier-ignore
const NEUTRAL: Pair[] = [
  ['В целом по теме «{topic}» всё устраивает, но хотелось бы больше прозрачности.', '{topic} is fine overall, but we would like more transparency.'],
  ['Предлагаем добавить в портал выгрузку документов в нашем формате.', 'We suggest adding a document export in our format to the portal.'],
  ['Нормально, без особых замечаний.', 'Fine, nothing in particular to note.'],
  ['Было бы удобно получать уведомление об отгрузке по SMS.', 'An SMS notification on shipment would be handy.'],
];

// prettier-ignore
const DELAYS: Pair[] = [['на два дня', 'two days'], ['на три дня', 'three days'], ['на четыре дня', 'four days'], ['на пять дней', 'five days'], ['на неделю', 'a week']];

export interface FeedbackText {
  text: string;
  language: 'ru' | 'en';
}

/**
 * A realistic sentence for the given process class, complaint class and sentiment:
 * process-specific complaints first, generic templates by complaint class otherwise.
 */
export function feedbackText(
  rng: Random,
  language: 'ru' | 'en',
  processClass: string,
  complaintClass: K | null,
  sentiment: Sentiment,
): string {
  let pair: Pair;
  if (sentiment === Sentiment.POSITIVE) pair = rng.pick(POSITIVE);
  else if (sentiment === Sentiment.NEUTRAL || complaintClass === null) pair = rng.pick(NEUTRAL);
  else {
    const specific = (SPECIFIC[processClass] ?? []).filter(([k]) => k === complaintClass);
    const [, ru, en] =
      specific.length > 0 && rng.chance(0.6)
        ? rng.pick(specific)
        : [complaintClass, ...rng.pick(GENERIC[complaintClass])];
    pair = [ru, en];
  }
  const lang = language === 'ru' ? 0 : 1;
  const topic = (TOPICS[processClass] ?? ['работа с нами', 'working with you'])[lang];
  const text = pair[lang]
    .replace('{topic}', topic)
    .replace('{delay}', rng.pick(DELAYS)[lang])
    .replace('{order}', `${lang === 0 ? 'ЗК' : 'SO'}-${rng.int(10000, 99999)}`)
    .replace('{batch}', `${rng.int(100, 999)}/${rng.int(10, 99)}`);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
