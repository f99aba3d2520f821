/** Every workflow the worker registers; this file is the entry point of the workflow bundle. */
export { collectFeedback } from './collect.workflow.js';
export { initiativeLifecycle } from './initiative.workflow.js';
export { maturityEvaluation } from './maturity.workflow.js';
export { feedbackCaseClock } from './case.workflow.js';
