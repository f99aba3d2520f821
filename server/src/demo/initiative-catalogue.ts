import {
  CouncilDecision as D,
  InitiativeStatus as S,
  ProcessGroup as G,
  TaskStatus as T,
} from '../modules/initiative/initiative.enums.js';

export interface InitiativeSpec {
  group: G;
  processClass: string;
  title: string;
  problem: string;
  expectedEffect: string;
  clientVisible: boolean;
  status: S;
  linkPareto: boolean;
  startedDaysAgo: number;
  durationDays: number;
  targets: { metric: string; baseline: number; target: number }[];
  /** [department, title, due (days after start), status]; open tasks due in the past are overdue. */
  tasks: [string, string, number, T][];
  /** Council decisions by revision (client-visible initiatives only). */
  reviews: D[];
}

// prettier-ignore
export const INITIATIVES: InitiativeSpec[] = [
  { group: G.COLLECT, processClass: 'PORTAL_ECOMMERCE', title: 'Ask for effort after every portal order', problem: 'Operators’ experience of ordering is only heard in the yearly survey.',
    expectedEffect: 'Monthly CES for every ordering account.', clientVisible: false, status: S.ACTIVE, linkPareto: false, startedDaysAgo: 70, durationDays: 120,
    targets: [{ metric: 'EASE_OF_ORDERING', baseline: 3.6, target: 4.3 }],
    tasks: [['IT', 'Add a CES pop-up to the order confirmation page', 30, T.DONE], ['CX_OFFICE', 'Define the trigger rules and sampling', 20, T.DONE], ['IT', 'Send answers to the hub through the API', 80, T.IN_PROGRESS]], reviews: [] },
  { group: G.COLLECT, processClass: 'PRODUCT_CONFORMITY', title: 'Hear technical buyers in the food segment', problem: 'Food accounts’ quality heads are missing from the feedback; economic buyers speak for them.',
    expectedEffect: 'All three respondent classes heard for 90% of food accounts.', clientVisible: false, status: S.ACTIVE, linkPareto: false, startedDaysAgo: 45, durationDays: 90,
    targets: [{ metric: 'QUALITY_SATISFACTION', baseline: 3.8, target: 4.2 }],
    tasks: [['SALES', 'Name the technical buyer in every food account', 21, T.IN_PROGRESS], ['QUALITY', 'Run 20 interviews with heads of quality', 40, T.OPEN]], reviews: [] },
  { group: G.ANALYSE, processClass: 'SHIPMENT_LOGISTICS', title: 'Find the root cause of late shipments', problem: 'Late and short deliveries are the largest group in the Pareto of complaints.',
    expectedEffect: 'OTIF from 88% to 95%.', clientVisible: false, status: S.ACTIVE, linkPareto: true, startedDaysAgo: 80, durationDays: 100,
    targets: [{ metric: 'OTIF', baseline: 88, target: 95 }, { metric: 'LATE_SHIPMENTS_PCT', baseline: 7.5, target: 3 }],
    tasks: [['LOGISTICS', 'Map the loading process at the central warehouse', 20, T.DONE], ['PRODUCTION', 'Align the production plan with loading slots', 45, T.IN_PROGRESS], ['LOGISTICS', 'Agree a D-2 plan with the carriers', 30, T.OPEN]], reviews: [] },
  { group: G.ANALYSE, processClass: 'SHIPPING_DOCUMENTS', title: 'Why shipping documents arrive late or wrong', problem: 'Clients’ accountants cannot post deliveries: originals late, details wrong.',
    expectedEffect: 'Document errors below 1%, originals within a day.', clientVisible: false, status: S.ACTIVE, linkPareto: true, startedDaysAgo: 60, durationDays: 90,
    targets: [{ metric: 'DOCUMENT_ERROR_RATE', baseline: 2.4, target: 1 }],
    tasks: [['ACCOUNTING', 'Sample 200 documents and classify the errors', 14, T.DONE], ['LOGISTICS', 'Check how waybills are printed at loading', 25, T.IN_PROGRESS]], reviews: [] },
  { group: G.IMPLEMENT, processClass: 'DELIVERY_PLANNING', title: 'Delivery windows booked online', problem: 'Trucks arrive outside the agreed windows; clients cannot unload.',
    expectedEffect: 'Deliveries outside the window halved.', clientVisible: true, status: S.ACTIVE, linkPareto: true, startedDaysAgo: 120, durationDays: 150,
    targets: [{ metric: 'IRREGULAR_DELIVERIES', baseline: 3, target: 1 }, { metric: 'OTIF', baseline: 88, target: 93 }],
    tasks: [['IT', 'Slot booking in the portal', 60, T.DONE], ['LOGISTICS', 'Train dispatchers on slot booking', 75, T.DONE], ['SALES', 'Tell every pilot client how to book slots', 90, T.IN_PROGRESS], ['LOGISTICS', 'Extend to the regional warehouses', 110, T.OPEN]], reviews: [D.APPROVED] },
  { group: G.IMPLEMENT, processClass: 'QUALITY_CERTIFICATES', title: 'Certificates of analysis in the portal with every batch', problem: 'Labs hold deliveries because certificates come separately or not at all.',
    expectedEffect: 'No shipment without a certificate.', clientVisible: true, status: S.CLOSED, linkPareto: true, startedDaysAgo: 200, durationDays: 120,
    targets: [{ metric: 'CERTIFICATE_MISSING_PCT', baseline: 6, target: 0 }],
    tasks: [['QUALITY', 'Publish certificates automatically from the LIMS', 60, T.DONE], ['IT', 'Show certificates next to each delivery in the portal', 90, T.DONE]], reviews: [D.APPROVED] },
  { group: G.IMPLEMENT, processClass: 'SHIPPING_DOCUMENTS', title: 'Electronic document exchange for key accounts', problem: 'Paper originals take weeks; errors need re-issuing.',
    expectedEffect: 'Documents within a day for 80% of revenue.', clientVisible: true, status: S.AWAITING_COUNCIL, linkPareto: false, startedDaysAgo: 100, durationDays: 160,
    targets: [{ metric: 'DOCUMENT_LEAD_TIME', baseline: 9, target: 1 }],
    tasks: [['ACCOUNTING', 'Connect the EDI operator', 30, T.DONE], ['LEGAL', 'Sign EDI agreements with 40 key accounts', 70, T.IN_PROGRESS], ['ACCOUNTING', 'Switch invoices-factura to EDI', 90, T.OPEN]], reviews: [D.CHANGES_REQUESTED, D.PENDING] },
  { group: G.IMPLEMENT, processClass: 'TECHNICAL_SUPPORT', title: 'First response within two hours', problem: 'Operators wait until the next day for an engineer while their line stands.',
    expectedEffect: 'First response under 2 hours for 90% of tickets.', clientVisible: false, status: S.ACTIVE, linkPareto: false, startedDaysAgo: 50, durationDays: 90,
    targets: [{ metric: 'FIRST_RESPONSE_HOURS', baseline: 9, target: 2 }],
    tasks: [['SERVICE', 'Duty engineer rota', 14, T.DONE], ['IT', 'Route portal tickets to the duty engineer', 40, T.OPEN]], reviews: [] },
  { group: G.MONITOR, processClass: 'PAYMENT_RECONCILIATION', title: 'Monthly review: satisfaction and payment discipline', problem: 'Finance and CX look at clients separately; the link between satisfaction and payments is not checked.',
    expectedEffect: 'The correlation is re-checked monthly and divergent accounts get an owner.', clientVisible: false, status: S.ACTIVE, linkPareto: false, startedDaysAgo: 150, durationDays: 365,
    targets: [{ metric: 'AVG_DAYS_LATE', baseline: 9, target: 5 }, { metric: 'DSO', baseline: 40, target: 35 }],
    tasks: [['ACCOUNTING', 'Monthly export of payment figures to the hub', 30, T.DONE], ['CX_OFFICE', 'Review accounts where satisfaction rises but payments do not', 60, T.IN_PROGRESS]], reviews: [] },
  { group: G.MONITOR, processClass: 'CREDIT_TERMS', title: 'Watch credit terms of at-risk accounts', problem: 'Accounts at risk get the same credit limit reviews as everyone else.',
    expectedEffect: 'Credit decisions for at-risk accounts within 3 days.', clientVisible: false, status: S.PROPOSED, linkPareto: false, startedDaysAgo: 10, durationDays: 90,
    targets: [{ metric: 'CREDIT_DECISION_DAYS', baseline: 8, target: 3 }],
    tasks: [['ACCOUNTING', 'List at-risk accounts with credit limits', 20, T.OPEN]], reviews: [] },
  { group: G.CORRECT, processClass: 'CLAIMS_HANDLING', title: 'Rework claims handling with the advisory council', problem: 'Claims stay open for a month; the council asked for a simpler process.',
    expectedEffect: 'Claims resolved within 10 days.', clientVisible: true, status: S.ACTIVE, linkPareto: true, startedDaysAgo: 140, durationDays: 180,
    targets: [{ metric: 'CLAIM_RESOLUTION_DAYS', baseline: 28, target: 10 }],
    tasks: [['QUALITY', 'One claim form for quality and quantity', 40, T.DONE], ['QUALITY', 'Compensation without a site visit under a threshold', 100, T.IN_PROGRESS], ['LEGAL', 'Update the claims annex of the contract', 60, T.OPEN]], reviews: [D.CHANGES_REQUESTED, D.APPROVED] },
  { group: G.CORRECT, processClass: 'TENDER_PRICING', title: 'Explain price changes before they apply', problem: 'A price increase arrived without explanation; the council asked for notice and reasons.',
    expectedEffect: 'Every price change announced 30 days ahead with reasons.', clientVisible: true, status: S.ON_HOLD, linkPareto: false, startedDaysAgo: 90, durationDays: 120,
    targets: [{ metric: 'PRICE_FAIRNESS', baseline: 3.1, target: 3.8 }],
    tasks: [['SALES', 'Template letter for price changes', 20, T.DONE], ['MARKETING', 'Cost index page in the portal', 60, T.OPEN]], reviews: [D.CHANGES_REQUESTED] },
];
