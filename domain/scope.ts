// Object-level scope (DESIGN §4): who may see a case and who may act on a step. Pure, so the
// API and tests share one definition.
import type { Actor } from './types';

/** Roles that see every case of the center. */
const CENTER_WIDE = new Set<Actor['role']>(['clerk', 'supervisor']);

export function canSeeCase(actor: Actor, stepDepartments: string[]): boolean {
  if (CENTER_WIDE.has(actor.role)) return true;
  if (actor.role === 'officer' || actor.role === 'leader') {
    return actor.departmentCode != null && stepDepartments.includes(actor.departmentCode);
  }
  return false;
}

export function canActOnStep(actor: Actor, step: { departmentCode: string }): boolean {
  return (actor.role === 'officer' || actor.role === 'leader') && actor.departmentCode === step.departmentCode;
}
