import { InteractionChannel as C, JourneyStage } from '../modules/journey/journey.enums.js';

export interface DepartmentSeed {
  code: string;
  name: string;
  isCxOffice: boolean;
}

/** Departments are data; these are a typical B2B manufacturer's. CX office = the arbiter. */
export const DEPARTMENTS: readonly DepartmentSeed[] = [
  { code: 'CX_OFFICE', name: 'CX office', isCxOffice: true },
  { code: 'SALES', name: 'Sales', isCxOffice: false },
  { code: 'MARKETING', name: 'Marketing', isCxOffice: false },
  { code: 'ACCOUNTING', name: 'Accounting & finance', isCxOffice: false },
  { code: 'PROCUREMENT', name: 'Procurement', isCxOffice: false },
  { code: 'LOGISTICS', name: 'Logistics', isCxOffice: false },
  { code: 'QUALITY', name: 'Quality control', isCxOffice: false },
  { code: 'SERVICE', name: 'Technical service', isCxOffice: false },
  { code: 'PRODUCTION', name: 'Production', isCxOffice: false },
  { code: 'LEGAL', name: 'Legal', isCxOffice: false },
  { code: 'IT', name: 'IT & digital channels', isCxOffice: false },
];

export interface ProcessClassSeed {
  code: string;
  name: string;
  nameRu: string;
  stage: JourneyStage;
  department: string;
  /** Channels the client meets this process through; each becomes a touchpoint. */
  channels: C[];
  description: string;
}

const A = JourneyStage.AWARENESS;
const E = JourneyStage.EVALUATION_AND_DEAL;
const U = JourneyStage.USAGE;
const P = JourneyStage.POST_SALE;

type Row = [string, string, string, JourneyStage, string, C[], string];

// prettier-ignore
const rows: Row[] = [
  ['BRAND_AWARENESS', 'Brand awareness & marketing events', 'Узнаваемость бренда и мероприятия', A, 'MARKETING', [C.EVENT, C.MARKETING], 'Trade fairs, conferences, newsletters.'],
  ['PRODUCT_INFORMATION', 'Product information & catalogues', 'Информация о продукции и каталоги', A, 'MARKETING', [C.PORTAL, C.MARKETING], 'Catalogues, data sheets, application notes.'],
  ['TENDER_PRICING', 'Tender & pricing', 'Тендеры и ценообразование', E, 'SALES', [C.EMAIL, C.IN_PERSON], 'Price lists, tenders, discounts.'],
  ['COMMERCIAL_PROPOSAL', 'Commercial proposal', 'Коммерческое предложение', E, 'SALES', [C.EMAIL, C.PHONE], 'Preparing and sending proposals.'],
  ['SAMPLES_TRIALS', 'Samples & trials', 'Образцы и испытания', E, 'QUALITY', [C.IN_PERSON, C.DOCUMENTS], 'Samples for the client’s lab and trial batches.'],
  ['CONTRACT_SPECIFICATION', 'Contract & specification', 'Договор и спецификация', E, 'LEGAL', [C.DOCUMENTS, C.EMAIL], 'Contract, technical specification, annexes.'],
  ['CREDIT_TERMS', 'Credit terms', 'Кредитные условия', E, 'ACCOUNTING', [C.EMAIL, C.IN_PERSON], 'Payment deferral and credit limits.'],
  ['DELIVERY_PLANNING', 'Delivery planning', 'Планирование поставок', U, 'LOGISTICS', [C.EMAIL, C.PHONE, C.PORTAL], 'Monthly plans and delivery windows.'],
  ['DAILY_ORDER', 'Daily order', 'Ежедневный заказ', U, 'SALES', [C.PORTAL, C.EDI, C.PHONE], 'Placing and changing routine orders.'],
  ['ORDER_CONFIRMATION', 'Order confirmation', 'Подтверждение заказа', U, 'SALES', [C.EMAIL, C.EDI], 'Confirming volumes, prices and dates.'],
  ['SHIPMENT_LOGISTICS', 'Shipment & logistics', 'Отгрузка и логистика', U, 'LOGISTICS', [C.PHONE, C.MOBILE_APP, C.IN_PERSON], 'Loading, transport, unloading at the client’s site.'],
  ['SHIPPING_DOCUMENTS', 'Shipping documents', 'Отгрузочные документы', U, 'ACCOUNTING', [C.DOCUMENTS, C.EDI], 'Waybills, invoices-factura, packing lists.'],
  ['QUALITY_CERTIFICATES', 'Quality certificates', 'Сертификаты качества', U, 'QUALITY', [C.DOCUMENTS, C.PORTAL], 'Certificates of analysis and conformity per batch.'],
  ['PRODUCT_CONFORMITY', 'Product conformity', 'Соответствие продукции', U, 'PRODUCTION', [C.IN_PERSON, C.DOCUMENTS], 'Whether the product meets the agreed specification.'],
  ['INVOICING', 'Invoicing', 'Выставление счетов', U, 'ACCOUNTING', [C.EMAIL, C.EDI], 'Invoices and credit notes.'],
  ['PAYMENT_RECONCILIATION', 'Payment reconciliation', 'Сверка взаиморасчётов', P, 'ACCOUNTING', [C.EMAIL, C.DOCUMENTS], 'Reconciliation statements and overdue follow-up.'],
  ['PORTAL_ECOMMERCE', 'Portal & e-commerce', 'Клиентский портал и e-commerce', U, 'IT', [C.PORTAL, C.MOBILE_APP], 'Self-service ordering, order status, documents online.'],
  ['CLAIMS_HANDLING', 'Claims handling', 'Работа с претензиями', P, 'QUALITY', [C.EMAIL, C.PHONE, C.PORTAL], 'Quality and quantity claims, compensation.'],
  ['TECHNICAL_SUPPORT', 'Technical support', 'Техническая поддержка', P, 'SERVICE', [C.PHONE, C.EMAIL, C.PORTAL], 'Application advice and troubleshooting.'],
  ['RETURNS', 'Returns', 'Возвраты', P, 'LOGISTICS', [C.DOCUMENTS, C.PHONE], 'Taking back non-conforming or surplus goods.'],
  ['SERVICE_VISITS', 'Service visits', 'Сервисные выезды', P, 'SERVICE', [C.IN_PERSON], 'Engineers on the client’s site.'],
  ['TRAINING', 'Training', 'Обучение', P, 'SERVICE', [C.EVENT, C.IN_PERSON], 'Training the client’s operators and lab staff.'],
  ['ACCOUNT_REVIEWS', 'Account reviews', 'Встречи по итогам периода', P, 'SALES', [C.IN_PERSON, C.PHONE], 'Quarterly business reviews with the client.'],
];

export const PROCESS_CLASSES: readonly ProcessClassSeed[] = rows.map(
  ([code, name, nameRu, stage, department, channels, description]) => ({
    code,
    name,
    nameRu,
    stage,
    department,
    channels,
    description,
  }),
);

const channelLabel: Record<C, string> = {
  [C.IN_PERSON]: 'in person',
  [C.PHONE]: 'phone',
  [C.EMAIL]: 'e-mail',
  [C.PORTAL]: 'portal',
  [C.MOBILE_APP]: 'mobile app',
  [C.EDI]: 'EDI',
  [C.DOCUMENTS]: 'documents',
  [C.MARKETING]: 'marketing',
  [C.EVENT]: 'event',
};

export interface TouchpointSeed {
  /** `STAGE|PROCESS_CLASS|CHANNEL`: the natural key (the table's unique constraint). */
  key: string;
  stage: JourneyStage;
  processClass: string;
  channel: C;
  name: string;
  department: string;
}

export function touchpointKey(stage: JourneyStage, processClass: string, channel: C): string {
  return `${stage}|${processClass}|${channel}`;
}

/** One touchpoint per process class × channel, at the process class's stage. */
export const TOUCHPOINTS: readonly TouchpointSeed[] = PROCESS_CLASSES.flatMap((pc) =>
  pc.channels.map((channel) => ({
    key: touchpointKey(pc.stage, pc.code, channel),
    stage: pc.stage,
    processClass: pc.code,
    channel,
    name: `${pc.name} (${channelLabel[channel]})`,
    department: pc.department,
  })),
);
