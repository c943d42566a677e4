// 审批环节 routes: a department's inbox and the reviewer's step actions.
import { Router, type Request } from 'express';
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import { SUSPENSION_KINDS, type Actor, type Role } from '../../domain/types';
import { canActOnStep } from '../../domain/scope';
import {
  approveStepUpdate, claimStepUpdate, extendStepUpdate, rejectStepUpdate, resumeStepUpdate, startReviewUpdate, suspendStepUpdate,
  type StepActionResult,
} from '../../workflows/messages';
import { actorOf, allow } from '../auth';
import { forbidden, illegalTransition, notFound } from '../problems';
import type { ReadModel } from '../read-model';
import { parse } from '../validation';
import { stepView } from '../views';
import { NotRunning, type WorkflowGateway } from '../workflow-gateway';

const text = (max: number) => z.string().trim().min(1).max(max);
const emptyBody = z.strictObject({});
const approveBody = z.strictObject({ opinion: text(4000) });
const rejectBody = z.strictObject({ reason: text(4000), legalBasis: text(1000) });
const suspendBody = z.strictObject({
  kind: z.enum(SUSPENSION_KINDS),
  reason: text(2000),
  expectedWorkingDays: z.number().int().min(1).max(365).optional(),
});
const extendBody = z.strictObject({ workingDays: z.number().int().min(1).max(15), reason: text(2000) });
const idParam = z.object({ id: z.string().min(1).max(80) });

export function createStepsRouter({ readModel, workflows }: { readModel: ReadModel; workflows: WorkflowGateway }) {
  const router = Router();

  /** The step, if the actor's department reviews it; otherwise 404. */
  const ownStep = async (req: Request, actor: Actor) => {
    const { id } = parse(idParam, req.params, 'params');
    const step = await readModel.findStep(id);
    if (!step || !canActOnStep(actor, step)) throw notFound(`step ${id}`);
    return step;
  };

  router.get('/api/inbox', allow('officer', 'leader'), async (req, res) => {
    const actor = actorOf(req);
    if (!actor.departmentCode) throw forbidden('this account belongs to no department');
    const steps = await readModel.inbox(actor.departmentCode);
    res.json(steps.map(stepView));
  });

  router.get('/api/steps/:id', allow('officer', 'leader'), async (req, res) => {
    res.json(stepView(await ownStep(req, actorOf(req))));
  });

  const action = <S extends z.ZodType, A extends { actor: Actor }>(
    path: string, event: string, schema: S, update: UpdateDefinition<StepActionResult, [A]>, toArgs: (body: z.infer<S>, actor: Actor) => A,
    roles: Role[] = ['officer', 'leader'],
  ): void => {
    router.post(`/api/steps/:id/${path}`, allow(...roles), async (req, res) => {
      const actor = actorOf(req);
      const step = await ownStep(req, actor);
      const body = parse(schema, req.body ?? {});
      try {
        await workflows.stepAction(step.id, update, toArgs(body, actor));
      } catch (err) {
        if (!(err instanceof NotRunning)) throw err;
        // No running step workflow: either not dispatched yet (case not accepted) or already decided.
        const detail = step.version === 0
          ? 'the step opens once its case is accepted'
          : `the step is ${step.status} and takes no more actions`;
        throw illegalTransition(detail, step.status, event, []);
      }
      res.json(stepView((await readModel.findStep(step.id))!));
    });
  };
  action('claim', 'CLAIM', emptyBody, claimStepUpdate, (_body, actor) => ({ actor }));
  action('start-review', 'START_REVIEW', emptyBody, startReviewUpdate, (_body, actor) => ({ actor }));
  action('approve', 'APPROVE', approveBody, approveStepUpdate, ({ opinion }, actor) => ({ actor, opinion }));
  action('reject', 'REJECT', rejectBody, rejectStepUpdate, ({ reason, legalBasis }, actor) => ({ actor, reason, legalBasis }));
  action('suspend', 'SUSPEND', suspendBody, suspendStepUpdate, ({ kind, reason, expectedWorkingDays }, actor) => ({
    actor, kind, reason, ...(expectedWorkingDays ? { expectedWorkingDays } : {}),
  }));
  // 延期 needs the department leader's approval: the leader is the one who grants it.
  action('extend', 'EXTEND', extendBody, extendStepUpdate, ({ workingDays, reason }, actor) => ({ actor, workingDays, reason }), ['leader']);
  action('resume', 'RESUME', emptyBody, resumeStepUpdate, (_body, actor) => ({ actor }));

  return router;
}
