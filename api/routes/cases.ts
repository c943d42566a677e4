// 办件 routes: registration at the window, the clerk's case actions, case pages and lists.
import { randomUUID, randomBytes } from 'node:crypto';
import { Router, type Request } from 'express';
import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import { Matter } from '../../entities';
import { CASE_STATUSES, CHANNELS, LIGHTS, type Actor } from '../../domain/types';
import { canSeeCase } from '../../domain/scope';
import {
  acceptCaseUpdate, deliverCaseUpdate, receiveSupplementUpdate, refuseCaseUpdate, requestSupplementUpdate,
  withdrawCaseUpdate, type CaseActionResult,
} from '../../workflows/messages';
import type { UpdateDefinition } from '@temporalio/common';
import { actorOf, allow } from '../auth';
import { badRequest, illegalTransition, notFound } from '../problems';
import type { ReadModel } from '../read-model';
import { parse } from '../validation';
import { caseSummaryView, caseView } from '../views';
import { NotRunning, type WorkflowGateway } from '../workflow-gateway';

const text = (max: number) => z.string().trim().min(1).max(max);
const registerBody = z.strictObject({
  applicant: z.strictObject({
    name: text(100),
    phone: z.string().regex(/^\+?[0-9-]{7,20}$/, 'a phone number of 7–20 digits'),
    idNumber: z.string().regex(/^[0-9]{17}[0-9Xx]$/, 'an 18-character resident ID number').optional(),
  }),
  matterCodes: z.array(text(32)).min(1).max(20).refine((codes) => new Set(codes).size === codes.length, 'matter codes must be distinct'),
  channel: z.enum(CHANNELS),
  materials: z.array(z.strictObject({ code: text(64) })).max(200).default([]),
  projectName: text(200).optional(),
});
const refuseBody = z.strictObject({ reason: text(2000) });
const supplementRequestBody = z.strictObject({
  missing: z.array(z.strictObject({ code: text(64), note: z.string().max(500).optional() })).min(1).max(200),
});
const supplementBody = z.strictObject({ materials: z.array(z.strictObject({ code: text(64) })).min(1).max(200) });
const withdrawBody = z.strictObject({ reason: z.string().max(2000).optional() });
const emptyBody = z.strictObject({});
const listQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  light: z.enum(LIGHTS).optional(),
  channel: z.enum(CHANNELS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const idParam = z.object({ id: z.string().uuid() });

const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function newTrackingCode(): string {
  return [...randomBytes(10)].map((byte) => TRACKING_ALPHABET[byte % TRACKING_ALPHABET.length]).join('');
}

export function createCasesRouter({ db, readModel, workflows }: { db: DataSource; readModel: ReadModel; workflows: WorkflowGateway }) {
  const router = Router();

  /** The case, if the actor may see it; otherwise 404 (no hint that it exists). */
  const visibleCase = async (req: Request, actor: Actor) => {
    const { id } = parse(idParam, req.params, 'params');
    const details = await readModel.caseDetails(id);
    if (!details || !canSeeCase(actor, details.steps.map((step) => step.departmentCode))) throw notFound(`case ${id}`);
    return details;
  };

  router.post('/api/cases', allow('clerk'), async (req, res) => {
    const actor = actorOf(req);
    const body = parse(registerBody, req.body);
    const matters = await db.getRepository(Matter).find({ where: { code: In(body.matterCodes) }, relations: { materials: true } });
    const unknown = body.matterCodes.flatMap((code, i) => (matters.some((m) => m.code === code) ? [] : [{ path: `matterCodes.${i}`, message: `unknown matter ${code}` }]));
    const knownMaterials = new Set(matters.flatMap((m) => m.materials ?? []).map((material) => material.code));
    const strangers = body.materials.flatMap((material, i) => (knownMaterials.has(material.code) ? [] : [{ path: `materials.${i}.code`, message: `${material.code} is not a material of the chosen matters` }]));
    if (unknown.length + strangers.length > 0) throw badRequest([...unknown, ...strangers]);

    const ordered = body.matterCodes.map((code) => matters.find((m) => m.code === code) as Matter);
    const result = await workflows.registerCase({
      caseId: randomUUID(),
      trackingCode: newTrackingCode(),
      applicant: body.applicant,
      channel: body.channel,
      matters: ordered.map(({ code, name, departmentCode, legalDays, committedDays }) => ({ code, name, departmentCode, legalDays, committedDays })),
      materials: body.materials,
      ...(body.projectName ? { projectName: body.projectName } : {}),
      registeredBy: actor,
    }, { actor });
    res.status(201).location(`/api/cases/${result.id}`).json({ id: result.id, trackingCode: result.trackingCode, status: result.status });
  });

  router.get('/api/cases', allow('clerk', 'officer', 'leader', 'agent', 'supervisor'), async (req, res) => {
    const filter = parse(listQuery, req.query, 'query');
    const { items, total } = await readModel.listCases(actorOf(req), filter);
    res.json({ items: items.map(caseSummaryView), page: filter.page, pageSize: filter.pageSize, total });
  });

  router.get('/api/cases/:id', allow('clerk', 'officer', 'leader', 'agent', 'supervisor'), async (req, res) => {
    const { record, steps, timeline } = await visibleCase(req, actorOf(req));
    res.json(caseView(record, steps, timeline));
  });

  /** One clerk action: validated body → workflow update → the case as the read model now shows it. */
  const action = <S extends z.ZodType, A extends { actor: Actor }>(
    path: string, event: string, schema: S, update: UpdateDefinition<CaseActionResult, [A]>, toArgs: (body: z.infer<S>, actor: Actor) => A,
  ): void => {
    router.post(`/api/cases/:id/${path}`, allow('clerk'), async (req, res) => {
      const actor = actorOf(req);
      const { record } = await visibleCase(req, actor);
      const body = parse(schema, req.body ?? {});
      try {
        await workflows.caseAction(record.id, update, toArgs(body, actor));
      } catch (err) {
        if (err instanceof NotRunning) throw illegalTransition(`the case is ${record.status} and takes no more actions`, record.status, event, []);
        throw err;
      }
      const details = await readModel.caseDetails(record.id);
      res.json(caseView(details!.record, details!.steps, details!.timeline));
    });
  };
  action('accept', 'ACCEPT', emptyBody, acceptCaseUpdate, (_body, actor) => ({ actor }));
  action('refuse', 'REFUSE', refuseBody, refuseCaseUpdate, ({ reason }, actor) => ({ actor, reason }));
  action('supplement-requests', 'REQUEST_SUPPLEMENT', supplementRequestBody, requestSupplementUpdate, ({ missing }, actor) => ({ actor, missing }));
  action('supplements', 'SUPPLEMENT_RECEIVED', supplementBody, receiveSupplementUpdate, ({ materials }, actor) => ({ actor, materials }));
  action('deliver', 'DELIVER', emptyBody, deliverCaseUpdate, (_body, actor) => ({ actor }));
  action('withdraw', 'WITHDRAW', withdrawBody, withdrawCaseUpdate, ({ reason }, actor) => ({ actor, ...(reason ? { reason } : {}) }));

  return router;
}
