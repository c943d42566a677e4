// 联合审查 / 会商会审: a meeting the case's lead department convenes over a case under review.
// Every department with a step in the case records its opinion once; the convener then
// concludes with one consolidated opinion, and only then. A concluded meeting is never reopened.
import { assign, setup } from 'xstate';
import type { ChartSnapshot } from './chart';

export const JOINT_REVIEW_STATUSES = ['open', 'concluded'] as const;
export type JointReviewStatus = (typeof JOINT_REVIEW_STATUSES)[number];

export interface JointReviewContext {
  /** Departments with a step in the case: each owes one opinion. */
  departments: string[];
  /** Departments whose opinion is recorded, in the order they gave it. */
  opinionsFrom: string[];
}

export type JointReviewEvent =
  | { type: 'RECORD_OPINION'; departmentCode: string; opinion: string }
  | { type: 'CONCLUDE'; consolidatedOpinion: string };

export const JOINT_REVIEW_EVENT_TYPES = ['RECORD_OPINION', 'CONCLUDE'] as const satisfies readonly JointReviewEvent['type'][];

const isNonBlank = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

export const jointReviewChart = setup({
  types: { context: {} as JointReviewContext, events: {} as JointReviewEvent },
  guards: {
    // One opinion per department of the case, never a second.
    owedOpinion: ({ context, event }) => event.type === 'RECORD_OPINION' && isNonBlank(event.opinion)
      && context.departments.includes(event.departmentCode) && !context.opinionsFrom.includes(event.departmentCode),
    everyOpinionIn: ({ context, event }) => event.type === 'CONCLUDE' && isNonBlank(event.consolidatedOpinion)
      && context.departments.every((department) => context.opinionsFrom.includes(department)),
  },
  actions: {
    noteOpinion: assign({
      opinionsFrom: ({ context, event }) => (event.type === 'RECORD_OPINION' ? [...context.opinionsFrom, event.departmentCode] : context.opinionsFrom),
    }),
  },
}).createMachine({
  id: 'jointReview',
  initial: 'open',
  context: { departments: [], opinionsFrom: [] },
  states: {
    open: {
      on: {
        // Targetless with an action, so `can` counts it: the meeting stays open.
        RECORD_OPINION: { guard: 'owedOpinion', actions: 'noteOpinion' },
        CONCLUDE: { target: 'concluded', guard: 'everyOpinionIn' },
      },
    },
    concluded: { type: 'final' },
  },
});

/** The chart snapshot of a stored meeting. */
export function jointReviewSnapshot(status: JointReviewStatus, context: JointReviewContext): ChartSnapshot<JointReviewContext> {
  return { value: status, context: { departments: [...context.departments], opinionsFrom: [...context.opinionsFrom] } };
}
