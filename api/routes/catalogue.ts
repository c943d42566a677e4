// The catalogue (departments and matters with their materials), for every signed-in user.
import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { Department, Matter } from '../../entities';
import { allow } from '../auth';
import { ROLES } from '../../domain/types';

export function createCatalogueRouter({ db }: { db: DataSource }) {
  const router = Router();
  router.get('/api/departments', allow(...ROLES), async (_req, res) => {
    const departments = await db.getRepository(Department).find({ order: { code: 'ASC' } });
    res.json(departments.map(({ code, name }) => ({ code, name })));
  });
  router.get('/api/matters', allow(...ROLES), async (_req, res) => {
    const matters = await db.getRepository(Matter).find({ relations: { materials: true }, order: { code: 'ASC' } });
    res.json(matters.map((matter) => ({
      code: matter.code,
      name: matter.name,
      departmentCode: matter.departmentCode,
      legalDays: matter.legalDays,
      committedDays: matter.committedDays,
      instant: matter.instant,
      specialProcedures: matter.specialProcedures,
      materials: (matter.materials ?? [])
        .sort((a, b) => a.id - b.id)
        .map(({ code, name, required, core }) => ({ code, name, required, core })),
    })));
  });
  return router;
}
