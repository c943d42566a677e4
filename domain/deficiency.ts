// 容缺受理 and 即办件 rules at the window, pure: which materials may be owed after acceptance, the
// default supplement deadline, who is the lead department, and which matters the window decides.
import type { OwedMaterial } from './charts/case-chart';
import type { MaterialRequirement } from './window';
import type { MatterSnapshot } from './types';

export const DEFICIENCY_POLICY = {
  /** 容缺: working days the applicant has to hand in what is owed, after the acceptance day. */
  supplementWorkingDays: 5,
  /** The longest deadline a clerk may grant. */
  maxSupplementWorkingDays: 20,
} as const;

/** 容缺受理: what the applicant still owes after acceptance, and by when. */
export interface CaseDeficiency {
  /** The materials still owed (empty once everything was handed in). */
  owed: OwedMaterial[];
  dueAt: string;
  workingDays: number;
  /** The deadline passed with materials owed. */
  lapsed: boolean;
}

/** One material the clerk proposes to accept as missing (容缺). */
export interface ToleranceRequest {
  code: string;
  note?: string;
}

export interface ToleranceProblem {
  /** Index into the request list. */
  index: number;
  message: string;
}

/**
 * What is wrong with a 容缺 list: a material must belong to the case's matters, not be handed in
 * already, be named once, and never be core (a core material decides the outcome).
 */
export function toleranceProblems(requirements: MaterialRequirement[], handedIn: Iterable<string>, requested: ToleranceRequest[]): ToleranceProblem[] {
  const received = new Set(handedIn);
  return requested.flatMap(({ code }, index): ToleranceProblem[] => {
    const matching = requirements.filter((material) => material.code === code);
    if (matching.length === 0) return [{ index, message: `${code} 不是本件事项的材料` }];
    if (matching.some((material) => material.core)) return [{ index, message: `${code} 是核心材料，不能容缺` }];
    if (received.has(code)) return [{ index, message: `${code} 已经提交` }];
    if (requested.findIndex((item) => item.code === code) !== index) return [{ index, message: `${code} 重复列出` }];
    return [];
  });
}

/** 牵头部门: the department of the case's first matter (the one the window registered first). */
export function leadDepartmentOf(matters: readonly Pick<MatterSnapshot, 'departmentCode'>[]): string {
  if (matters.length === 0) throw new Error('a case has at least one matter');
  return matters[0].departmentCode;
}

/**
 * 即办件 rule: instant matters are decided at the window when the case is accepted; only the other
 * matters go to the departments as steps. A case of instant matters only is concluded (approved)
 * at the window in the acceptance itself.
 */
export function splitInstant<M extends Pick<MatterSnapshot, 'instant'>>(matters: readonly M[]): { atWindow: M[]; dispatched: M[] } {
  return {
    atWindow: matters.filter((matter) => matter.instant === true),
    dispatched: matters.filter((matter) => matter.instant !== true),
  };
}
