export * from './chart';
export * from './case-chart';
export * from './step-chart';
