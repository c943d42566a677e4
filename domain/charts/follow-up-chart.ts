// 回访整改: the follow-up a bad rating (差评) opens. It stays open until the supervision office
// closes it with what was done; it is never reopened.
import { setup } from 'xstate';
import type { ChartSnapshot } from './chart';

export const FOLLOW_UP_STATUSES = ['open', 'closed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export type FollowUpEvent = { type: 'CLOSE'; note: string };

export const FOLLOW_UP_EVENT_TYPES = ['CLOSE'] as const satisfies readonly FollowUpEvent['type'][];

export const followUpChart = setup({
  types: { events: {} as FollowUpEvent },
  guards: {
    hasNote: ({ event }) => typeof event.note === 'string' && event.note.trim() !== '',
  },
}).createMachine({
  id: 'followUp',
  initial: 'open',
  states: {
    open: { on: { CLOSE: { target: 'closed', guard: 'hasNote' } } },
    closed: { type: 'final' },
  },
});

export function followUpSnapshot(status: FollowUpStatus): ChartSnapshot<Record<string, never>> {
  return { value: status, context: {} };
}
