export * from './chart';
export * from './case-chart';
export * from './step-chart';
export * from './complaint-chart';
export * from './follow-up-chart';
export * from './post-approval-check-chart';
export * from './joint-review-chart';
