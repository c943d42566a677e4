// 告知承诺制 事后核查: an approval granted on the applicant's written commitment obliges the
// department to check, by a deadline, that the commitment was kept. The check ends once, either
// way; it is never reopened.
import { setup } from 'xstate';
import type { ChartSnapshot } from './chart';

export const CHECK_STATUSES = ['open', 'passed', 'failed'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export type CheckEvent = { type: 'COMPLETE'; compliant: boolean; finding: string };

export const CHECK_EVENT_TYPES = ['COMPLETE'] as const satisfies readonly CheckEvent['type'][];

const hasFinding = (event: CheckEvent): boolean => typeof event.finding === 'string' && event.finding.trim() !== '';

export const checkChart = setup({
  types: { events: {} as CheckEvent },
  guards: {
    keptWithFinding: ({ event }) => hasFinding(event) && event.compliant === true,
    brokenWithFinding: ({ event }) => hasFinding(event) && event.compliant === false,
  },
}).createMachine({
  id: 'postApprovalCheck',
  initial: 'open',
  states: {
    open: {
      on: {
        COMPLETE: [
          { target: 'passed', guard: 'keptWithFinding' },
          { target: 'failed', guard: 'brokenWithFinding' },
        ],
      },
    },
    passed: { type: 'final' },
    failed: { type: 'final' },
  },
});

export function checkSnapshot(status: CheckStatus): ChartSnapshot<Record<string, never>> {
  return { value: status, context: {} };
}
