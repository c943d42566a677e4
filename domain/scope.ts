// Object-level scope (DESIGN §4): who may see a case and who may act on a step. Pure, so the
// API and tests share one definition.
import type { Actor } from './types';

/** Roles that see every case of the center. */
const CENTER_WIDE = new Set<Actor['role']>(['clerk', 'supervisor']);

/** What scope needs to know about a case. */
export interface CaseScope {
  /** Departments reviewing the case's steps. */
  stepDepartments: string[];
  /** The proxy agent assigned to the case, if any. */
  agentId: number | null;
}

export function canSeeCase(actor: Actor, kase: CaseScope): boolean {
  if (CENTER_WIDE.has(actor.role)) return true;
  if (actor.role === 'officer' || actor.role === 'leader') {
    return actor.departmentCode != null && kase.stepDepartments.includes(actor.departmentCode);
  }
  if (actor.role === 'agent') return kase.agentId === actor.id;
  return false;
}

export function canActOnStep(actor: Actor, step: { departmentCode: string }): boolean {
  return (actor.role === 'officer' || actor.role === 'leader') && actor.departmentCode === step.departmentCode;
}

/**
 * Separation of duties: whoever registered a case never decides (approves or rejects) any of
 * its steps, whatever role they hold today.
 */
export function canDecideStep(actor: Actor, step: { departmentCode: string }, kase: { registeredById: number }): boolean {
  return canActOnStep(actor, step) && kase.registeredById !== actor.id;
}

/**
 * A project is seen like a case: center-wide roles see every project, reviewers the projects in
 * which their department reviews a stage's case, the proxy agent the projects assigned to them.
 */
export function canSeeProject(actor: Actor, project: CaseScope): boolean {
  return canSeeCase(actor, project);
}
