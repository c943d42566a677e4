// The case row and what the case lists read beside it: each department's copy of the list
// columns (case_departments) and the counts per (status, light, channel) behind the list totals
// (case_counts), and the pieces of its words that 办件查询 looks up (case_grams). Written in the
// case projection's transaction with the case row locked, so the move of a case from its old count
// key to its new one happens exactly once per change.
import type { EntityManager } from 'typeorm';
import { CaseCount, CaseDepartment, CaseGram, CaseRecord, CENTER_SCOPE } from '../entities';
import { wordGrams } from '../domain/word-grams';

type CountKey = Pick<CaseRecord, 'status' | 'light' | 'channel'>;

const sameKey = (a: CountKey, b: CountKey): boolean => a.status === b.status && a.light === b.light && a.channel === b.channel;

/** Adds `amount` to the count of one key in one scope, creating the row first if it is new. */
async function addToCount(manager: EntityManager, scope: string, key: CountKey, amount: number): Promise<void> {
  const where = { scope, status: key.status, light: key.light, channel: key.channel };
  const update = () => manager.createQueryBuilder().update(CaseCount).set({ cases: () => `cases + ${amount}` })
    .where('scope = :scope AND status = :status AND light = :light AND channel = :channel', where)
    .execute();
  if ((await update()).affected) return;
  // INSERT IGNORE on purpose: of two first increments racing, one creates the zero row and the
  // other's duplicate key is ignored; the row holds only fixed-size keys and a number, so nothing
  // can be cut. Either way the UPDATE below then counts.
  await manager.createQueryBuilder().insert().into(CaseCount).orIgnore().values({ ...where, cases: 0 }).execute();
  await update();
}

/** The stored case's version and count key, row-locked until commit on MySQL (sql.js runs transactions one at a time). */
async function lockedCase(manager: EntityManager, id: string): Promise<(CountKey & { version: number }) | null> {
  const query = manager.createQueryBuilder(CaseRecord, 'c')
    .select(['c.id', 'c.status', 'c.light', 'c.channel', 'c.version'])
    .where('c.id = :id', { id });
  const type = manager.connection.options.type;
  if (type === 'mysql' || type === 'mariadb') query.setLock('pessimistic_write');
  return query.getOne();
}

/**
 * Inserts the case or overwrites it when `version` is newer; then, if it changed, moves the case
 * between count keys in the center's scope and in each department's, and refreshes the
 * departments' list rows. Returns whether this version was applied.
 */
export async function upsertCase(manager: EntityManager, row: CaseRecord, version: number, departments: string[]): Promise<boolean> {
  const stored = await lockedCase(manager, row.id);
  if (stored && stored.version >= version) return false;
  // A copy: TypeORM writes column defaults back into the object it inserts.
  if (stored) await manager.update(CaseRecord, { id: row.id }, { ...row });
  else {
    await manager.insert(CaseRecord, { ...row });
    await insertCaseGrams(manager, [row]);
  }

  // Most projections change neither the count key nor the list columns (a due instant, a timeline entry).
  if (stored && sameKey(stored, row)) return true;
  const scopes = [CENTER_SCOPE, ...new Set(departments)];
  for (const scope of scopes) {
    if (stored) await addToCount(manager, scope, stored, -1);
    await addToCount(manager, scope, row, 1);
  }
  const listed = { submittedAt: row.submittedAt, status: row.status, light: row.light, channel: row.channel };
  for (const departmentCode of scopes.slice(1)) {
    await manager.createQueryBuilder().insert().into(CaseDepartment).orIgnore().values({ departmentCode, caseId: row.id, ...listed }).execute();
    await manager.update(CaseDepartment, { departmentCode, caseId: row.id }, listed);
  }
  return true;
}

/**
 * The pieces of the cases' tracking codes and applicant names (domain/word-grams.ts), which never
 * change after registration. INSERT IGNORE on purpose: two pieces the column's collation holds
 * equal (case, width) are one key, and either finds the case; a row is a two-character piece and
 * an id, so nothing can be cut.
 */
export async function insertCaseGrams(manager: EntityManager, cases: Array<Pick<CaseRecord, 'id' | 'trackingCode' | 'applicantName'>>): Promise<void> {
  const rows = cases.flatMap(({ id, trackingCode, applicantName }) => wordGrams(trackingCode, applicantName).map((gram) => ({ gram, caseId: id })));
  for (let first = 0; first < rows.length; first += 500) {
    await manager.createQueryBuilder().insert().into(CaseGram).orIgnore().values(rows.slice(first, first + 500)).execute();
  }
}
