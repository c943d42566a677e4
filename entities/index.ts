import { AuditEvent } from './audit-event';
import { AuditLogEntry } from './audit-log-entry';
import { IdempotencyRecord } from './idempotency-record';
import { CalendarDayRecord, type CalendarDaySource } from './calendar-day';
import { CaseRecord } from './case-record';
import { Department } from './department';
import { Matter } from './matter';
import { MatterMaterial } from './matter-material';
import { Notification } from './notification';
import { Step } from './step';
import { AccountabilityRecord } from './accountability-record';
import { SupervisionOrder } from './supervision-order';
import { User } from './user';

export { AuditEvent, CaseRecord, Department, Matter, MatterMaterial, Notification, Step, User };
export { AccountabilityRecord, SupervisionOrder };
export { AuditLogEntry, IdempotencyRecord };
export { CalendarDayRecord, type CalendarDaySource };

export const ENTITIES = [Department, Matter, MatterMaterial, User, CaseRecord, Step, AuditEvent, Notification, SupervisionOrder, AccountabilityRecord, CalendarDayRecord, AuditLogEntry, IdempotencyRecord];
