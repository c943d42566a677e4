// The 效能投诉 (efficiency complaint) chart. A complaint is registered on the day it arrives,
// assigned to someone who answers for it (and may be reassigned), then resolved once with an
// outcome. State names are the complaint status values.
import { setup } from 'xstate';
import type { ChartSnapshot } from './chart';

export const COMPLAINT_STATUSES = ['received', 'assigned', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export type ComplaintEvent =
  | { type: 'ASSIGN'; assigneeId?: number; departmentCode?: string }
  | { type: 'RESOLVE'; outcome: string; substantiated: boolean };

export const COMPLAINT_EVENT_TYPES = ['ASSIGN', 'RESOLVE'] as const satisfies readonly ComplaintEvent['type'][];

const isNonBlank = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

export const complaintChart = setup({
  types: { events: {} as ComplaintEvent },
  guards: {
    namesAnAssignee: ({ event }) =>
      event.type === 'ASSIGN' && (Number.isInteger(event.assigneeId) || isNonBlank(event.departmentCode)),
    hasOutcome: ({ event }) => event.type === 'RESOLVE' && isNonBlank(event.outcome) && typeof event.substantiated === 'boolean',
  },
}).createMachine({
  id: 'complaint',
  initial: 'received',
  states: {
    received: {
      on: { ASSIGN: { target: 'assigned', guard: 'namesAnAssignee' } },
    },
    // Reassigning re-enters `assigned` (a targetless transition without actions would not count for `can`).
    assigned: {
      on: {
        ASSIGN: { target: 'assigned', guard: 'namesAnAssignee' },
        RESOLVE: { target: 'resolved', guard: 'hasOutcome' },
      },
    },
    resolved: { type: 'final' },
  },
});

export function complaintSnapshot(status: ComplaintStatus): ChartSnapshot<Record<string, never>> {
  return { value: status, context: {} };
}
