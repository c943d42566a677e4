// 联合审查 / 会商会审 records: convening, each department's opinion, the conclusion. Meetings are
// not case state: the API writes them directly, chart-checked, each change in one transaction
// with its case-timeline row and its notices (nothing half-way). Every change bumps the
// meeting's version: opinions while it is open, the conclusion only from the version it checked.
import type { DataSource, EntityManager } from 'typeorm';
import { allowedEvents, applyEvent, canApply, isFinal } from '../domain/charts/chart';
import {
  jointReviewChart, jointReviewSnapshot, type JointReviewEvent, type JointReviewStatus,
} from '../domain/charts/joint-review-chart';
import { toShanghaiIso } from '../domain/time';
import type { Actor } from '../domain/types';
import type { NotificationRequest } from '../activities/notification-types';
import { enqueueWithNotices } from '../activities/inbox-notices';
import { AuditEvent, JointReview, JointReviewOpinion } from '../entities';
import { isUniqueViolation } from '../entities/unique-violation';
import { illegalTransition } from './problems';

export const jointReviewWorkflowId = (id: number): string => `joint-review-${id}`;

export interface StoredJointReview {
  review: JointReview;
  opinions: JointReviewOpinion[];
}

const snapshotOf = ({ review, opinions }: StoredJointReview) =>
  jointReviewSnapshot(review.status, { departments: review.departments, opinionsFrom: opinions.map((o) => o.departmentCode) });

export function jointReviewView(stored: StoredJointReview) {
  const { review, opinions } = stored;
  const given = new Set(opinions.map((o) => o.departmentCode));
  return {
    id: review.id,
    caseId: review.caseId,
    topic: review.topic,
    heldOn: review.heldOn,
    leadDepartmentCode: review.leadDepartmentCode,
    status: review.status,
    departments: review.departments,
    opinions: opinions.map((o) => ({ departmentCode: o.departmentCode, opinion: o.opinion, recordedBy: o.recordedBy, recordedAt: toShanghaiIso(o.recordedAt) })),
    awaitingOpinions: review.departments.filter((department) => !given.has(department)),
    consolidatedOpinion: review.consolidatedOpinion,
    convenedBy: review.convenedBy,
    convenedAt: toShanghaiIso(review.convenedAt),
    concludedBy: review.concludedBy,
    concludedAt: toShanghaiIso(review.concludedAt),
    allowedEvents: allowedEvents(jointReviewChart, snapshotOf(stored)),
  };
}

export interface Convening {
  caseId: string;
  topic: string;
  heldOn: string | null;
  leadDepartmentCode: string;
  departments: string[];
}

export function createJointReviewStore(db: DataSource) {
  const load = async (manager: EntityManager, id: number): Promise<StoredJointReview | null> => {
    const review = await manager.findOneBy(JointReview, { id });
    if (!review) return null;
    const opinions = await manager.find(JointReviewOpinion, { where: { reviewId: id }, order: { id: 'ASC' } });
    return { review, opinions };
  };

  /** The case-timeline row of a change, keyed (meeting, version) like the workflows' rows. */
  const timeline = async (manager: EntityManager, review: JointReview, fromState: JointReviewStatus | null, action: string, actor: Actor, at: Date, detail: Record<string, unknown>) => {
    await manager.insert(AuditEvent, {
      workflowId: jointReviewWorkflowId(review.id), seq: review.version, caseId: review.caseId, stepId: null, at, action,
      fromState, toState: review.status, actorId: actor.id, actorName: actor.username, actorRole: actor.role, detail: { jointReviewId: review.id, ...detail },
    });
  };

  const notices = async (manager: EntityManager, review: JointReview, event: string, payload: Record<string, unknown>, at: Date) => {
    const requests: NotificationRequest[] = review.departments.map((department) => ({
      dedupeKey: `${jointReviewWorkflowId(review.id)}:${event}:${department}`,
      channel: 'log', recipientRole: 'leader', recipient: `dept:${department}`, template: `joint-review.${event}`,
      payload: { jointReviewId: review.id, caseId: review.caseId, topic: review.topic, ...payload }, caseId: review.caseId,
    }));
    await enqueueWithNotices(manager, requests, at);
  };

  /** Checks the event against the chart, or answers 409 with what the meeting allows. */
  const assertCan = (stored: StoredJointReview, event: JointReviewEvent, detail: string) => {
    const snapshot = snapshotOf(stored);
    if (!canApply(jointReviewChart, snapshot, event)) throw illegalTransition(detail, snapshot.value, event.type, allowedEvents(jointReviewChart, snapshot));
    return applyEvent(jointReviewChart, snapshot, event);
  };

  /**
   * Moves the meeting from the version it was read at to the next; false when another change
   * got there first (the caller answers 409 and the client reads again).
   */
  const bump = async (manager: EntityManager, review: JointReview, set: Partial<JointReview>): Promise<boolean> => {
    const result = await manager.createQueryBuilder().update(JointReview).set({ ...set, version: review.version + 1 })
      .where('id = :id AND version = :version', { id: review.id, version: review.version }).execute();
    return Boolean(result.affected);
  };

  /** Another change committed between our read and our write: the client reads again. */
  const raced = (review: JointReview, event: JointReviewEvent['type']) =>
    illegalTransition(`联合审查 ${review.id} 刚被他人修改，请刷新后重试`, review.status, event, []);

  return {
    find: (id: number): Promise<StoredJointReview | null> => load(db.manager, id),

    async listForCase(caseId: string): Promise<StoredJointReview[]> {
      const reviews = await db.getRepository(JointReview).find({ where: { caseId }, order: { id: 'ASC' } });
      return Promise.all(reviews.map(async (review) => ({
        review, opinions: await db.getRepository(JointReviewOpinion).find({ where: { reviewId: review.id }, order: { id: 'ASC' } }),
      })));
    },

    async convene(input: Convening, actor: Actor): Promise<StoredJointReview> {
      const at = new Date();
      const id = await db.transaction(async (manager) => {
        const inserted = await manager.insert(JointReview, {
          ...input, status: 'open', version: 1, convenedBy: actor.username, convenedAt: at,
          consolidatedOpinion: null, concludedBy: null, concludedAt: null,
        });
        const review = await manager.findOneByOrFail(JointReview, { id: inserted.identifiers[0].id as number });
        await timeline(manager, review, null, 'JOINT_REVIEW_CONVENED', actor, at, { topic: review.topic, heldOn: review.heldOn, departments: review.departments });
        await notices(manager, review, 'convened', { heldOn: review.heldOn, convenedBy: actor.username }, at);
        return review.id;
      });
      return (await load(db.manager, id))!;
    },

    async recordOpinion(stored: StoredJointReview, departmentCode: string, opinion: string, actor: Actor): Promise<StoredJointReview> {
      const event: JointReviewEvent = { type: 'RECORD_OPINION', departmentCode, opinion };
      const refusal = stored.opinions.some((o) => o.departmentCode === departmentCode)
        ? `部门 ${departmentCode} 已经提交过意见`
        : `联合审查 ${stored.review.id} 现在不接受部门 ${departmentCode} 的意见`;
      assertCan(stored, event, refusal);
      const at = new Date();
      const { review } = stored;
      try {
        await db.transaction(async (manager) => {
          // Opinions of different departments may arrive together: they need the meeting open, not
          // unchanged. The update row-locks the meeting until commit, so the version read next is ours.
          const opened = await manager.createQueryBuilder().update(JointReview).set({ version: () => 'version + 1' })
            .where('id = :id AND status = :status', { id: review.id, status: review.status }).execute();
          if (!opened.affected) throw raced(review, 'RECORD_OPINION');
          const { version } = await manager.findOneOrFail(JointReview, { where: { id: review.id }, select: { id: true, version: true } });
          await manager.insert(JointReviewOpinion, { reviewId: review.id, departmentCode, opinion, recordedBy: actor.username, recordedAt: at });
          await timeline(manager, { ...review, version }, review.status, 'JOINT_REVIEW_OPINION', actor, at, { departmentCode, opinion });
        });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        throw illegalTransition(refusal, review.status, event.type, allowedEvents(jointReviewChart, snapshotOf(stored)));
      }
      return (await load(db.manager, review.id))!;
    },

    async conclude(stored: StoredJointReview, consolidatedOpinion: string, actor: Actor): Promise<StoredJointReview> {
      const given = new Set(stored.opinions.map((o) => o.departmentCode));
      const missing = stored.review.departments.filter((department) => !given.has(department));
      const detail = missing.length > 0 && !isFinal(jointReviewChart, snapshotOf(stored))
        ? `尚缺以下部门的意见：${missing.join('、')}`
        : `联合审查 ${stored.review.id} 当前状态为 ${stored.review.status}`;
      const next = assertCan(stored, { type: 'CONCLUDE', consolidatedOpinion }, detail);
      const at = new Date();
      const { review } = stored;
      await db.transaction(async (manager) => {
        const status = next.value as JointReviewStatus;
        if (!(await bump(manager, review, { status, consolidatedOpinion, concludedBy: actor.username, concludedAt: at }))) throw raced(review, 'CONCLUDE');
        const concluded = { ...review, status, version: review.version + 1 };
        await timeline(manager, concluded, review.status, 'JOINT_REVIEW_CONCLUDED', actor, at, { consolidatedOpinion });
        await notices(manager, concluded, 'concluded', { consolidatedOpinion, concludedBy: actor.username }, at);
      });
      return (await load(db.manager, review.id))!;
    },
  };
}

export type JointReviewStore = ReturnType<typeof createJointReviewStore>;
