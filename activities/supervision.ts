// 电子监察 records: 督办 orders and 效能问责 records. Idempotent by the workflow's business keys
// (orderKey, recordKey), so a retried or replayed activity writes nothing twice.
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '../domain/errors';
import { AccountabilityRecord, SupervisionOrder } from '../entities';
import { canonicalJson, contentHash } from './content-hash';
import type {
  AccountabilityInput, AccountabilityResult, OpenOrderInput, OpenOrderResult, SupervisionActivities,
} from './supervision-types';

export function createSupervisionActivities({ db }: { db: DataSource }): SupervisionActivities {
  return {
    async openSupervisionOrder(input: OpenOrderInput): Promise<OpenOrderResult> {
      const row: Partial<SupervisionOrder> = {
        orderKey: input.orderKey,
        caseId: input.caseId,
        stepId: input.stepId,
        departmentCode: input.departmentCode,
        matterCode: input.matterCode,
        status: 'open',
        openedAt: instant(input.openedAt, 'openedAt'),
        deadlineAt: instant(input.deadlineAt, 'deadlineAt'),
        urgeCount: 0,
      };
      await db.createQueryBuilder().insert().into(SupervisionOrder).orIgnore().values(row).updateEntity(false).execute();
      const order = await db.getRepository(SupervisionOrder).findOneByOrFail({ orderKey: input.orderKey });
      return { orderId: order.id, status: order.status };
    },

    async recordAccountabilityIfOrderOpen({ recordKey, orderKey, content, at }: AccountabilityInput): Promise<AccountabilityResult> {
      // Store exactly what is hashed: plain JSON, no undefined members or class instances.
      const facts = JSON.parse(canonicalJson(content)) as Record<string, unknown>;
      const createdAt = instant(at, 'at');
      return db.transaction(async (manager) => {
        // Lock the order first: a concurrent 销号 waits for this decision (or this waits for it),
        // and a concurrent retry of this activity sees the record the first attempt committed.
        const order = await lockOrder(manager, orderKey);
        const existing = await manager.findOneBy(AccountabilityRecord, { recordKey });
        if (existing) return written(existing);
        if (!order || order.status !== 'open') return { written: false };
        const row: Omit<AccountabilityRecord, 'id'> = {
          recordKey,
          orderId: order.id,
          caseId: order.caseId,
          stepId: order.stepId,
          departmentCode: order.departmentCode,
          card: 'red',
          content: facts,
          contentHash: contentHash(facts),
          createdAt,
        };
        // `as never`: a simple-json column does not fit TypeORM's deep-partial value type.
        await manager.createQueryBuilder().insert().into(AccountabilityRecord).orIgnore().values(row as never).updateEntity(false).execute();
        return written(await manager.findOneByOrFail(AccountabilityRecord, { recordKey }));
      });
    },
  };
}

function written(record: AccountabilityRecord): AccountabilityResult {
  return { written: true, recordId: record.id, contentHash: record.contentHash };
}

/** Row-locks the order on MySQL; sql.js has a single connection, so its transactions are already serial. */
async function lockOrder(manager: EntityManager, orderKey: string): Promise<SupervisionOrder | null> {
  const type = manager.connection.options.type;
  const lock = type === 'mysql' || type === 'mariadb' ? { mode: 'pessimistic_write' as const } : undefined;
  return manager.findOne(SupervisionOrder, { where: { orderKey }, ...(lock ? { lock } : {}) });
}

/** A malformed instant is a bug in the caller: retrying cannot fix it. */
function instant(iso: string, field: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    throw ApplicationFailure.nonRetryable(`${field} is not an ISO instant: ${iso}`, ErrorCode.Validation);
  }
  return date;
}
