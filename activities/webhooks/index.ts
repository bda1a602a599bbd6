// Case event webhooks on the worker's side: the outbox the audit writer fills, the dispatcher that sends it, the deadline sweep.
export { WebhookDispatcher, type DispatcherOptions } from './dispatcher';
export { sweepDeadlines } from './deadlineSweep';
export { queueCaseEvents } from './outbox';
export { purgeDeliveries } from './retention';
export { retryDelayMs, nextAttemptAt } from './backoff';
export { deliveryHeaders, signDelivery } from './signing';
