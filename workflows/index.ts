/** Every workflow the worker registers; this file is the entry point of the workflow bundle. */
export { collectFeedback } from './collect.workflow.js';
export { initiativeLifecycle } from './initiative.workflow.js';
export { maturityEvaluation } from './maturity.workflow.js';
export { paretoAnalysis, paretoSchedule } from './pareto.workflow.js';
export { periodMonitor } from './monitor.workflow.js';
export { surveyDispatch } from './survey-dispatch.workflow.js';
export { feedbackCaseClock } from './case.workflow.js';
export { webhookDelivery } from './webhook.workflow.js';
export { mailDelivery } from './mail-delivery.workflow.js';
