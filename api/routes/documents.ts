// The papers of a case: which exist now, and each as JSON or a printable A4 page (受理通知书,
// 不予受理通知书, 一次性告知书, 办结（出件）通知书). Clerks, the case's proxy agent and the supervision
// office read them; a case out of scope is 404, a paper not issued yet 409.
import type { Request } from 'express';
import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import { canSeeCase } from '../../domain/scope';
import { Department, Matter } from '../../entities';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { paperAnswer, paperListAnswer, printablePage, receiptAnswer } from '../answers';
import { paperHtml } from '../papers/html';
import { PAPER_KINDS, PAPER_MISSING, PAPER_TITLES, paperOf, papersOf, type PaperKind, type PaperSources } from '../papers/papers';
import { illegalTransition, notFound } from '../problems';
import { receiptOf } from '../receipt';
import type { ReadModel } from '../read-model';

const idParam = z.object({ id: z.uuid() });
const paperParams = z.object({ id: z.uuid(), kind: z.enum(PAPER_KINDS) });
const formatQuery = z.strictObject({ format: z.enum(['json', 'html']).default('json') });

export const PAPER_READERS = ['clerk', 'agent', 'supervisor'] as const;

export interface PaperSettings {
  /** Printed at the head of every paper. */
  serviceCenterName: string;
  /** Public address of the applicant pages; unset: the address the request came to. */
  publicUrl?: string;
}

export interface DocumentsRouterDependencies {
  db: DataSource;
  readModel: ReadModel;
  settings: PaperSettings;
  book: RouteBook;
}

export function createDocumentsRouter({ db, readModel, settings, book }: DocumentsRouterDependencies) {
  const routes = book.router();

  const trackingUrl = (req: Request, trackingCode: string): string =>
    `${settings.publicUrl ?? `${req.protocol}://${req.get('host')}`}/track?code=${encodeURIComponent(trackingCode)}`;

  /** What the papers are made of, for a case the caller may see (404 otherwise). */
  const sourcesOf = async (id: string, req: Request): Promise<PaperSources> => {
    const details = await readModel.caseDetails(id);
    if (!details || !canSeeCase(actorOf(req), { stepDepartments: details.steps.map((s) => s.departmentCode), agentId: details.record.agentId })) {
      throw notFound(`办件 ${id}`);
    }
    const matters = await db.getRepository(Matter).find({ where: { code: In(details.record.matterCodes) }, relations: { materials: true } });
    const departmentCodes = [...new Set([...details.steps.map((s) => s.departmentCode), ...matters.map((m) => m.departmentCode)])];
    const departments = await db.getRepository(Department).findBy({ code: In(departmentCodes) });
    return {
      ...details, matters, departments, serviceCenter: settings.serviceCenterName, trackingUrl: trackingUrl(req, details.record.trackingCode),
    };
  };

  // The receipt of the first round, kept as it was: its JSON as before, its page the paper's.
  routes.route({
    method: 'get', path: '/api/cases/:id/receipt', tag: 'cases', summary: '受理通知书 or 不予受理通知书 (JSON, or printable HTML with format=html)',
    access: PAPER_READERS, params: idParam, query: formatQuery, produces: 'text/html',
    answer: { 'application/json': receiptAnswer, 'text/html': printablePage('受理通知书 or 不予受理通知书 (the acceptance or refusal paper)') },
    responses: { 200: 'the receipt', 409: 'the clerk has not accepted or refused the case yet' },
  }, async ({ params, query }, req, res) => {
    const sources = await sourcesOf(params.id, req);
    const receipt = receiptOf(sources.record, sources.steps, sources.timeline, sources.matters);
    const paper = receipt && paperOf(sources, receipt.kind);
    if (!receipt || !paper) throw illegalTransition('本件尚未受理或作出不予受理决定，暂无受理通知书', sources.record.status, 'ISSUE_RECEIPT', []);
    if (query.format === 'html') res.type('html').send(await paperHtml(paper));
    else res.json(receipt);
  });

  routes.route({
    method: 'get', path: '/api/cases/:id/documents', tag: 'cases', summary: 'The papers issued for a case so far',
    access: PAPER_READERS, params: idParam, query: z.strictObject({}), answer: paperListAnswer,
    responses: { 200: '`{items:[{kind, title, issuedAt, href}], page, pageSize, total}`' },
  }, async ({ params }, req, res) => {
    const items = papersOf(await sourcesOf(params.id, req)).map(({ kind, title, issuedAt }) => ({
      kind, title, issuedAt, href: `/api/cases/${params.id}/documents/${kind}`,
    }));
    res.json({ items, page: 1, pageSize: items.length, total: items.length });
  });

  routes.route({
    method: 'get', path: '/api/cases/:id/documents/:kind', tag: 'cases',
    summary: `One paper (${PAPER_KINDS.map((kind) => `${kind} ${PAPER_TITLES[kind]}`).join(', ')}) as JSON, or a printable A4 page with format=html`,
    access: PAPER_READERS, params: paperParams, query: formatQuery, produces: 'text/html',
    answer: { 'application/json': paperAnswer, 'text/html': printablePage('the paper, with names, Chinese dates and the tracking QR code') },
    responses: { 200: 'the paper, with names, Chinese dates and the tracking QR code', 409: 'the paper has not been issued yet' },
  }, async ({ params, query }, req, res) => {
    const sources = await sourcesOf(params.id, req);
    const paper = paperOf(sources, params.kind as PaperKind);
    if (!paper) throw illegalTransition(PAPER_MISSING[params.kind as PaperKind], sources.record.status, 'ISSUE_DOCUMENT', []);
    if (query.format === 'html') res.type('html').send(await paperHtml(paper));
    else res.json(paper);
  });

  return routes.express;
}
