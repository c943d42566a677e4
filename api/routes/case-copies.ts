// 抄送 route: copy a case to people or departments; each recipient may then read it and gets a notice.
import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import { canSeeCase } from '../../domain/scope';
import type { Role } from '../../domain/types';
import { Department, User } from '../../entities';
import { actorOf } from '../auth';
import type { CaseCopies, CopyRecipients } from '../case-copies';
import type { RouteBook } from '../endpoints';
import { caseCopyAnswer } from '../answers';
import { badRequest, notFound } from '../problems';
import type { ReadModel } from '../read-model';

const text = (max: number) => z.string().trim().min(1).max(max);
const idParam = z.object({ id: z.uuid() });
const ccBody = z.strictObject({
  usernames: z.array(text(64)).max(50).optional(),
  departmentCodes: z.array(text(32)).max(20).optional(),
  note: text(2000).optional(),
}).refine((body) => (body.usernames?.length ?? 0) + (body.departmentCodes?.length ?? 0) > 0, { message: '请至少指定一个用户名或部门代码', path: ['usernames'] });

/** Who may receive a copy: the roles that read cases (an admin does not). */
const READERS: readonly Role[] = ['clerk', 'officer', 'leader', 'agent', 'supervisor'];

export function createCaseCopiesRouter({ db, readModel, copies, book }: { db: DataSource; readModel: ReadModel; copies: CaseCopies; book: RouteBook }) {
  const routes = book.router();

  routes.route({
    method: 'post', path: '/api/cases/:id/cc', tag: 'cases',
    summary: '抄送: copy the case to people and/or departments (their leader and officers); each may read it and gets a notice',
    access: ['clerk', 'officer', 'leader', 'supervisor'], params: idParam, body: ccBody, answer: caseCopyAnswer,
    responses: { 200: '`{caseId, usernames[], departmentCodes[], note}`' },
  }, async ({ params, body }, req, res) => {
    const actor = actorOf(req);
    const details = await readModel.caseDetails(params.id);
    if (!details || !canSeeCase(actor, { stepDepartments: details.steps.map((step) => step.departmentCode), agentId: details.record.agentId })) {
      throw notFound(`办件 ${params.id}`);
    }
    const usernames = [...new Set(body.usernames ?? [])];
    const departmentCodes = [...new Set(body.departmentCodes ?? [])];
    const users = usernames.length > 0 ? await db.getRepository(User).find({ where: { username: In(usernames), active: true } }) : [];
    const departments = departmentCodes.length > 0 ? await db.getRepository(Department).find({ where: { code: In(departmentCodes) } }) : [];
    const problems = [
      ...(body.usernames ?? []).flatMap((username, i) => {
        const user = users.find((u) => u.username === username);
        return user && READERS.includes(user.role) ? [] : [{ path: `usernames.${i}`, message: `${username} 不是可查阅办件的在用账户` }];
      }),
      ...(body.departmentCodes ?? []).flatMap((code, i) => (departments.some((d) => d.code === code) ? [] : [{ path: `departmentCodes.${i}`, message: `部门 ${code} 不存在` }])),
    ];
    if (problems.length > 0) throw badRequest(problems);
    const recipients: CopyRecipients = {
      users: users.map((user) => ({ id: user.id, username: user.username, role: user.role as Exclude<Role, 'admin'> })),
      departmentCodes,
    };
    await copies.copy(details.record, recipients, actor, String(req.id), body.note);
    res.json({ caseId: details.record.id, usernames, departmentCodes, note: body.note ?? null });
  });

  return routes.express;
}
