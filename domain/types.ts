// Shared vocabulary (DESIGN §1, §5). Pure types and constants: imported by workflows, activities
// and the API alike.
import type { ApprovalPanel } from './approval-panel';

export const ROLES = ['clerk', 'officer', 'leader', 'agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = ['standard', 'green'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CASE_STATUSES = [
  'submitted', 'supplementRequested', 'accepted', 'inReview', 'suspended', 'approved',
  'partiallyApproved', 'denied', 'delivered', 'refused', 'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STEP_STATUSES = ['pending', 'claimed', 'inReview', 'suspended', 'approved', 'rejected'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
/** A step as the API shows it: its chart state, or `withdrawn` once its case was withdrawn before the step was decided. */
export const SHOWN_STEP_STATUSES = [...STEP_STATUSES, 'withdrawn'] as const;
export type ShownStepStatus = (typeof SHOWN_STEP_STATUSES)[number];

export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

/** 特别程序: the kinds of pause that stop a step's clock (行政许可法 §45). */
export const SUSPENSION_KINDS = ['补正', '现场踏勘', '专家评审', '听证', '检验检测', '公示'] as const;
export type SuspensionKind = (typeof SUSPENSION_KINDS)[number];

/** Who did something: carried on every action so the timeline can say who did what. */
export interface Actor {
  id: number;
  username: string;
  role: Role;
  departmentCode?: string | null;
}

/** A matter as the catalogue describes it when a case is registered; frozen into the case. */
export interface MatterSnapshot {
  code: string;
  name: string;
  departmentCode: string;
  legalDays: number;
  committedDays: number;
  /** Matters this one builds on (absent in cases registered before dependencies). */
  requires?: string[];
  /** 会签 / 或签 / 依次 panel from the catalogue; absent: one assignee decides. */
  approval?: ApprovalPanel;
  /** 即办件: decided at the window on acceptance, no departmental step (absent: not instant). */
  instant?: boolean;
}

export interface Applicant {
  name: string;
  phone: string;
  idNumber?: string;
}

/** One line of a case or step timeline: who did what, when, from which state to which. */
export interface TimelineEntry {
  seq: number;
  at: string;
  action: string;
  fromState: string | null;
  toState: string;
  actor: Actor | null;
  stepId?: string;
  detail?: Record<string, unknown>;
}
