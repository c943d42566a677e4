// 审批环节 routes: a department's inbox and the reviewer's step actions.
import type { UpdateDefinition } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { Matter, User, type Step } from '../../entities';
import { SUSPENSION_KINDS, type Actor, type Role } from '../../domain/types';
import { SIGNER_POSITIONS } from '../../domain/approval-panel';
import { requirementsOf } from './window';
import { canActOnStep, canDecideStep } from '../../domain/scope';
import {
  approveStepUpdate, claimStepUpdate, extendStepUpdate, rejectStepUpdate, resumeStepUpdate, startReviewUpdate, suspendStepUpdate,
  releaseStepUpdate, transferStepUpdate, addSignersUpdate, delegateStepUpdate, returnDelegationUpdate, sendBackStepUpdate, type StepActionResult,
} from '../../workflows/messages';
import { actorOf } from '../auth';
import { inboxAnswer, stepAnswer } from '../answers';
import type { RouteBook } from '../endpoints';
import { badRequest, forbidden, illegalTransition, notFound } from '../problems';
import { idFromKey } from '../guards';
import type { ReadModel } from '../read-model';
import { stepView } from '../views';
import { NotRunning, type WorkflowGateway } from '../workflow-gateway';
import { stepRow } from '../../activities/projection';
import type { StepProjection } from '../../activities/projection-types';

const text = (max: number) => z.string().trim().min(1).max(max);
const emptyBody = z.strictObject({});
const approveBody = z.strictObject({
  opinion: text(4000),
  /** 告知承诺制: approved on the applicant's written commitment; a post-approval check follows. */
  commitment: z.strictObject({ items: text(2000), checkWorkingDays: z.number().int().min(1).max(60).default(20) }).optional(),
});
const rejectBody = z.strictObject({ reason: text(4000), legalBasis: text(1000) });
const suspendBody = z.strictObject({
  kind: z.enum(SUSPENSION_KINDS),
  reason: text(2000),
  expectedWorkingDays: z.number().int().min(1).max(365).optional(),
});
const extendBody = z.strictObject({ workingDays: z.number().int().min(1).max(15), reason: text(2000) });
const transferBody = z.strictObject({ toUsername: text(64), reason: text(2000) });
const releaseBody = z.strictObject({ reason: text(2000).optional() });
const delegateBody = z.strictObject({ toUsername: text(64), reason: text(2000) });
const handBackBody = z.strictObject({ opinion: text(4000) });
const addSignersBody = z.strictObject({
  position: z.enum(SIGNER_POSITIONS),
  usernames: z.array(text(64)).min(1).max(10).refine((names) => new Set(names).size === names.length, '用户名不能重复'),
  reason: text(2000),
});
const sendBackBody = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('previous'), reason: text(2000) }),
  z.strictObject({
    to: z.literal('window'),
    reason: text(2000),
    /** Everything missing, at once (一次告知). */
    missing: z.array(z.strictObject({
      code: text(64),
      note: z.string().max(500).optional(),
      /** Arose after an earlier 退回 (一次告知 is not breached by it). */
      newlyArising: z.boolean().optional(),
    })).min(1).max(200),
  }),
]);
const idParam = z.object({ id: z.string().min(1).max(80) });

/** The step row a projection wrote, with the columns a record may leave out (steps without a clock or panel) empty. */
function projectedStep(record: StepProjection, version: number): Step {
  const row = stepRow(record, version);
  return { ...row, legalDueAt: row.legalDueAt ?? null, limitDays: row.limitDays ?? null, card: row.card ?? null, approval: row.approval ?? null } as Step;
}

export function createStepsRouter({ db, readModel, workflows, book }: { db: DataSource; readModel: ReadModel; workflows: WorkflowGateway; book: RouteBook }) {
  const routes = book.router();

  /** The step, if the actor's department reviews it; otherwise 404. */
  const ownStep = async (id: string, actor: Actor) => {
    const step = await readModel.findStep(id);
    if (!step || !canActOnStep(actor, step)) throw notFound(`审批环节 ${id}`);
    return step;
  };

  routes.route({
    method: 'get', path: '/api/inbox', tag: 'steps', summary: 'The department\'s open steps: green channel first, then the nearest due instant',
    access: ['officer', 'leader'], answer: inboxAnswer, responses: { 200: 'steps' },
  }, async (_input, req, res) => {
    const actor = actorOf(req);
    if (!actor.departmentCode) throw forbidden('本账户不属于任何部门');
    const items = await readModel.inbox(actor.departmentCode);
    res.json(items.map(({ step, channel }) => ({ ...stepView(step), channel })));
  });

  routes.route({
    method: 'get', path: '/api/steps/:id', tag: 'steps', summary: 'One step of the caller\'s department',
    access: ['officer', 'leader'], params: idParam, answer: stepAnswer, responses: { 200: 'the step' },
  }, async ({ params }, req, res) => {
    const step = await ownStep(params.id, actorOf(req));
    res.json(stepView(step, await readModel.caseStatusOf(step.caseId)));
  });

  /** An active officer or leader of the step's department, else 400 on `path`. */
  const reviewerOf = async (step: Step, username: string, path: string) => {
    const target = await db.getRepository(User).findOneBy({ username });
    if (!target?.active || !['officer', 'leader'].includes(target.role) || target.departmentCode !== step.departmentCode) {
      throw badRequest([{ path, message: `${username} 不是部门 ${step.departmentCode} 的审批人员` }]);
    }
    return { id: target.id, username: target.username };
  };

  const action = <S extends z.ZodType, A extends { actor: Actor }>(
    path: string, event: string, summary: string, schema: S, update: UpdateDefinition<StepActionResult, [A]>,
    toArgs: (body: z.infer<S>, actor: Actor, step: Step) => A | Promise<A>,
    { roles = ['officer', 'leader'], decides = false }: { roles?: Role[]; decides?: boolean } = {},
  ): void => {
    routes.route({
      method: 'post', path: `/api/steps/:id/${path}`, tag: 'steps', summary, access: roles,
      params: idParam, body: schema, idempotent: true, answer: stepAnswer,
      responses: { 200: 'the step after the action', 409: 'illegal in the step\'s state; `allowed` lists the legal events' },
    }, async ({ params, body }, req, res) => {
      const actor = actorOf(req);
      const step = await ownStep(params.id, actor);
      if (decides) {
        const kase = await readModel.findCase(step.caseId);
        if (kase && !canDecideStep(actor, step, kase)) throw forbidden('登记办件的人员不能审批该办件');
      }
      let result: StepActionResult;
      try {
        result = await workflows.stepAction(step.id, update, await toArgs(body as z.infer<S>, actor, step), idFromKey(res, 'update'));
      } catch (err) {
        if (!(err instanceof NotRunning)) throw err;
        // No running step workflow: either not dispatched yet (case not accepted) or already decided.
        const detail = step.version === 0
          ? '办件受理后本环节才开始办理'
          : `本环节当前状态为 ${step.status}，不能再办理`;
        throw illegalTransition(detail, step.status, event, []);
      }
      // The update answers with the step it projected, so nothing is read back.
      res.json(stepView(result.step ? projectedStep(result.step, result.version) : (await readModel.findStep(step.id))!));
    });
  };
  action('claim', 'CLAIM', '签收: take the step', emptyBody, claimStepUpdate, (_body, actor) => ({ actor }));
  action('start-review', 'START_REVIEW', 'Start the review', emptyBody, startReviewUpdate, (_body, actor) => ({ actor }));
  action('approve', 'APPROVE', 'Approve with an opinion', approveBody, approveStepUpdate, ({ opinion, commitment }, actor) => ({ actor, opinion, ...(commitment ? { commitment } : {}) }), { decides: true });
  action('reject', 'REJECT', 'Reject with a reason and its legal basis', rejectBody, rejectStepUpdate, ({ reason, legalBasis }, actor) => ({ actor, reason, legalBasis }), { decides: true });
  // Only the special procedures the matter's catalogue entry provides for (§45) stop its clock.
  action('suspend', 'SUSPEND', '暂停计时: pause the clock for a special procedure the matter provides for', suspendBody, suspendStepUpdate,
    async ({ kind, reason, expectedWorkingDays }, actor, step) => {
      const matter = await db.getRepository(Matter).findOneBy({ code: step.matterCode });
      if (matter && !matter.specialProcedures.includes(kind)) {
        const listed = matter.specialProcedures.length > 0 ? matter.specialProcedures.join('、') : '无';
        throw badRequest([{ path: 'kind', message: `事项 ${step.matterCode} 规定的特别程序为：${listed}，不含 ${kind}` }]);
      }
      return { actor, kind, reason, ...(expectedWorkingDays ? { expectedWorkingDays } : {}) };
    });
  // 延期 needs the department leader's approval: the leader is the one who grants it.
  action('extend', 'EXTEND', '延期: extend the limit within §42 (leader)', extendBody, extendStepUpdate, ({ workingDays, reason }, actor) => ({ actor, workingDays, reason }), { roles: ['leader'] });
  // 转办 within the department: the target must review for the step's department.
  action('transfer', 'TRANSFER', '转办: hand the step to another reviewer of the department', transferBody, transferStepUpdate, async ({ toUsername, reason }, actor, step) => {
    const target = await db.getRepository(User).findOneBy({ username: toUsername });
    if (!target?.active || !['officer', 'leader'].includes(target.role) || target.departmentCode !== step.departmentCode) {
      throw badRequest([{ path: 'toUsername', message: `${toUsername} 不是部门 ${step.departmentCode} 的审批人员` }]);
    }
    return { actor, to: { id: target.id, username: target.username }, reason };
  });
  // 退回签收: the assignee (or the leader) unclaims; the step is back in the department inbox.
  action('release', 'RELEASE', '退回签收: give the step back to the department inbox (the assignee or the leader)', releaseBody, releaseStepUpdate,
    ({ reason }, actor) => ({ actor, ...(reason ? { reason } : {}) }));
  // 委派: a reviewer of the department reviews for the assignee and hands the step back (/hand-back).
  action('delegate', 'DELEGATE', '委派: another reviewer of the department reviews and hands back; the delegator decides', delegateBody, delegateStepUpdate,
    async ({ toUsername, reason }, actor, step) => ({ actor, to: await reviewerOf(step, toUsername, 'toUsername'), reason }));
  action('hand-back', 'RETURN_DELEGATION', '委派 交回: the delegate hands the step back with an opinion', handBackBody, returnDelegationUpdate,
    ({ opinion }, actor) => ({ actor, opinion }));
  // 加签: every added member must review for the step's department.
  action('add-signers', 'ADD_SIGNERS', '加签: more reviewers of the department sign before, after or beside the one awaited', addSignersBody, addSignersUpdate,
    async ({ position, usernames, reason }, actor, step) => {
      const problems: { path: string; message: string }[] = [];
      for (const [i, username] of usernames.entries()) {
        try {
          await reviewerOf(step, username, `usernames.${i}`);
        } catch {
          problems.push({ path: `usernames.${i}`, message: `${username} 不是部门 ${step.departmentCode} 的审批人员` });
        }
      }
      if (problems.length > 0) throw badRequest(problems);
      return { actor, position, usernames, reason };
    });
  action('send-back', 'SEND_BACK',
    '退回: to the window (the clock stops as 补正 until the clerk records the supplement; the applicant gets one 一次性告知书), or to the previous signer of a 依次 panel',
    sendBackBody, sendBackStepUpdate, async (body, actor, step) => {
      if (body.to === 'previous') return { actor, to: body.to, reason: body.reason };
      const { requirements } = await requirementsOf(db, [step.matterCode]);
      const problems = body.missing.flatMap(({ code }, i) => {
        if (!requirements.some((material) => material.code === code)) return [{ path: `missing.${i}.code`, message: `${code} 不是事项 ${step.matterCode} 的材料` }];
        return body.missing.findIndex((item) => item.code === code) < i ? [{ path: `missing.${i}.code`, message: `${code} 重复列出` }] : [];
      });
      if (problems.length > 0) throw badRequest(problems);
      const missing = body.missing.map((item) => ({ ...item, name: requirements.find((material) => material.code === item.code)!.name }));
      return { actor, to: body.to, reason: body.reason, missing };
    });
  action('resume', 'RESUME', 'Resume the clock; the due instant is re-planned', emptyBody, resumeStepUpdate, (_body, actor) => ({ actor }));

  return routes.express;
}
