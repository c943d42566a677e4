import { AuditEvent } from './audit-event';
import { CaseRecord } from './case-record';
import { Department } from './department';
import { Matter } from './matter';
import { MatterMaterial } from './matter-material';
import { Step } from './step';
import { User } from './user';

export { AuditEvent, CaseRecord, Department, Matter, MatterMaterial, Step, User };

export const ENTITIES = [Department, Matter, MatterMaterial, User, CaseRecord, Step, AuditEvent];
