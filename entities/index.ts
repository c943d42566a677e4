import { AuditEvent } from './audit-event';
import { AuditLogEntry } from './audit-log-entry';
import { PostApprovalCheck } from './post-approval-check';
import { JointReview, JointReviewOpinion } from './joint-review';
import { IdempotencyRecord } from './idempotency-record';
import { CalendarDayRecord, type CalendarDaySource } from './calendar-day';
import { CaseCount, CENTER_SCOPE } from './case-count';
import { CaseDepartment } from './case-department';
import { CaseRecord } from './case-record';
import { Complaint, type ComplaintSource } from './complaint';
import { DailyCounter } from './daily-counter';
import { Department } from './department';
import { Evaluation } from './evaluation';
import { Matter } from './matter';
import { MatterMaterial } from './matter-material';
import { MetricRollup } from './metric-rollup';
import { CaseCopy } from './case-copy';
import { CaseGram } from './case-gram';
import { Notice } from './notice';
import { Notification } from './notification';
import { Project } from './project';
import { ProjectEvent } from './project-event';
import { Step } from './step';
import { SignInFailure } from './sign-in-failure';
import { StepMetric } from './step-metric';
import { AccountabilityRecord } from './accountability-record';
import { SupervisionOrder } from './supervision-order';
import { User } from './user';

export { AuditEvent, CaseRecord, Department, Matter, MatterMaterial, Notification, Step, User };
export { AccountabilityRecord, SupervisionOrder };
export { AuditLogEntry, IdempotencyRecord, PostApprovalCheck, SignInFailure };
export { JointReview, JointReviewOpinion };
export { CalendarDayRecord, type CalendarDaySource };
export { Complaint, DailyCounter, Evaluation, MetricRollup, StepMetric, type ComplaintSource };
export { CaseCount, CaseDepartment, CENTER_SCOPE };
export { Project, ProjectEvent };
export { CaseCopy, CaseGram, Notice };

export const ENTITIES = [
  Department, Matter, MatterMaterial, User, CaseRecord, Step, AuditEvent, Notification, SupervisionOrder, AccountabilityRecord,
  CalendarDayRecord, StepMetric, MetricRollup, Complaint, Evaluation, DailyCounter, CaseDepartment, CaseCount, AuditLogEntry, IdempotencyRecord,
  PostApprovalCheck, Project, ProjectEvent, SignInFailure,
  PostApprovalCheck, JointReview, JointReviewOpinion, Notice, CaseCopy, CaseGram,
];
