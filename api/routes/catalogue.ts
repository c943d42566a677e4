// The catalogue (departments and matters with their materials), for every signed-in user; admins
// keep it through catalogue-admin.ts.
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { departmentAnswer, matterAnswer } from '../answers';
import { Department, Matter } from '../../entities';
import type { RouteBook } from '../endpoints';
import { ROLES } from '../../domain/types';

/** A matter as the catalogue lists it, with its materials in the order they were given. */
export function matterView(matter: Matter) {
  return {
    code: matter.code,
    name: matter.name,
    departmentCode: matter.departmentCode,
    legalDays: matter.legalDays,
    committedDays: matter.committedDays,
    instant: matter.instant,
    specialProcedures: matter.specialProcedures,
    requires: matter.requires ?? [],
    stage: matter.stage,
    approval: matter.approval ?? { mode: 'single', approvers: [] },
    materials: (matter.materials ?? [])
      .sort((a, b) => a.id - b.id)
      .map(({ code, name, required, core }) => ({ code, name, required, core })),
  };
}

export function createCatalogueRouter({ db, book }: { db: DataSource; book: RouteBook }) {
  const routes = book.router();
  routes.route({
    method: 'get', path: '/api/departments', tag: 'catalogue', summary: 'Departments', access: ROLES, answer: z.array(departmentAnswer), responses: { 200: 'departments' },
  }, async (_input, _req, res) => {
    const departments = await db.getRepository(Department).find({ order: { code: 'ASC' } });
    res.json(departments.map(({ code, name }) => ({ code, name })));
  });
  routes.route({
    method: 'get', path: '/api/matters', tag: 'catalogue', summary: 'Matters with their limits and materials', access: ROLES, answer: z.array(matterAnswer), responses: { 200: 'matters' },
  }, async (_input, _req, res) => {
    const matters = await db.getRepository(Matter).find({ relations: { materials: true }, order: { code: 'ASC' } });
    res.json(matters.map(matterView));
  });
  return routes.express;
}
