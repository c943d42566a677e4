// What each clock milestone does: the light, the notices, the 督办 order and the accountability
// record. Dedupe keys make every effect happen once even when an activity is retried.
import { proxyActivities } from '@temporalio/workflow';
import type { NotificationActivities, NotificationRequest } from '../activities/notification-types';
import type { SupervisionActivities } from '../activities/supervision-types';
import type { Actor, TimelineEntry } from '../domain/types';
import type { StepWorkflowInput } from './messages';
import type { Milestone, StepClock } from './step-clock';
import { activityProxies } from './activity-proxies';

const activityOptions = { startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } } as const;
const { openSupervisionOrder, recordAccountabilityIfOrderOpen } = proxyActivities<SupervisionActivities>(activityOptions);
const outboxes = activityProxies<NotificationActivities>(activityOptions);

/** The step's outbox writer, local or regular as its run decided (activity-proxies.ts). */
export function stepOutbox(local: boolean): NotificationActivities['enqueueNotifications'] {
  return (local ? outboxes.local : outboxes.regular).enqueueNotifications;
}

export interface LadderContext {
  input: StepWorkflowInput;
  workflowId: string;
  clock: StepClock;
  /** The step's outbox writer: a local or a regular activity, as the step's run decided. */
  enqueue: NotificationActivities['enqueueNotifications'];
  assignee: () => { id: number; username: string } | null;
  note: (action: string, actor: Actor | null, detail?: Record<string, unknown>) => TimelineEntry;
}

type Notice = Omit<NotificationRequest, 'caseId' | 'stepId' | 'channel' | 'dedupeKey'> & { key: string };

export function notify(ctx: LadderContext, notices: Notice[]): Promise<unknown> {
  return ctx.enqueue({
    notifications: notices.map(({ key, ...notice }) => ({
      ...notice,
      dedupeKey: `${ctx.workflowId}:${key}`,
      // Applicants are told by SMS; staff through the log/webhook channel.
      channel: notice.recipientRole === 'applicant' ? 'sms' : 'log',
      caseId: ctx.input.caseId,
      stepId: ctx.input.stepId,
    })),
  });
}

const department = (ctx: LadderContext): string => `dept:${ctx.input.matter.departmentCode}`;

/** Fires one milestone; returns the timeline entries it produced. */
export async function fireMilestone(ctx: LadderContext, milestone: Milestone): Promise<TimelineEntry[]> {
  const { clock, input } = ctx;
  await clock.markFired(milestone);
  const view = clock.view();
  const facts = { matterCode: input.matter.code, matterName: input.matter.name, dueAt: view.dueAt };
  switch (milestone) {
    case 'warning': {
      const assignee = ctx.assignee();
      await notify(ctx, [{ key: 'warning', recipientRole: 'officer', recipient: assignee?.username ?? department(ctx), template: 'step.warning', payload: facts }]);
      return [ctx.note('WARNING', null, { dueAt: view.dueAt })];
    }
    case 'overdue':
      await notify(ctx, [{ key: 'overdue:leader', recipientRole: 'leader', recipient: department(ctx), template: 'step.overdue', payload: facts }]);
      return [ctx.note('OVERDUE', null, { dueAt: view.dueAt, superviseAt: view.escalation?.superviseAt })];
    case 'supervise': {
      const order = await openSupervisionOrder({
        orderKey: `${ctx.workflowId}:order`,
        caseId: input.caseId,
        stepId: input.stepId,
        departmentCode: input.matter.departmentCode,
        matterCode: input.matter.code,
        openedAt: new Date().toISOString(),
        deadlineAt: view.escalation!.orderDeadlineAt,
      });
      const payload = { ...facts, orderId: order.orderId, deadlineAt: view.escalation!.orderDeadlineAt };
      await notify(ctx, [
        { key: 'order:supervisor', recipientRole: 'supervisor', recipient: 'office', template: 'order.opened', payload },
        { key: 'order:leader', recipientRole: 'leader', recipient: department(ctx), template: 'order.opened', payload },
      ]);
      return [ctx.note('SUPERVISION_ORDER_OPENED', null, { orderId: order.orderId, deadlineAt: view.escalation!.orderDeadlineAt })];
    }
    case 'accountability': {
      const assignee = ctx.assignee();
      const result = await recordAccountabilityIfOrderOpen({
        recordKey: `${ctx.workflowId}:accountability`,
        orderKey: `${ctx.workflowId}:order`,
        at: new Date().toISOString(),
        content: {
          ...facts,
          caseId: input.caseId,
          stepId: input.stepId,
          departmentCode: input.matter.departmentCode,
          assignee: assignee?.username ?? null,
          legalDueAt: view.legalDueAt,
          orderDeadlineAt: view.escalation?.orderDeadlineAt,
        },
      });
      if (!result.written) return [ctx.note('ORDER_CLOSED_IN_TIME', null)];
      const payload = { ...facts, recordId: result.recordId, contentHash: result.contentHash };
      await notify(ctx, [
        { key: 'accountability:supervisor', recipientRole: 'supervisor', recipient: 'office', template: 'accountability.recorded', payload },
        { key: 'accountability:leader', recipientRole: 'leader', recipient: department(ctx), template: 'accountability.recorded', payload },
      ]);
      return [ctx.note('ACCOUNTABILITY_RECORDED', null, { recordId: result.recordId, contentHash: result.contentHash, card: 'red' })];
    }
  }
}
