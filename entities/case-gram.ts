import { Entity, PrimaryColumn } from 'typeorm';

/**
 * A two-character piece of a case's tracking code or applicant name (domain/word-grams.ts): the
 * index 办件查询 reads to find cases by words anywhere in them. Written with the case row.
 */
@Entity({ name: 'case_grams' })
export class CaseGram {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  gram!: string;

  @PrimaryColumn({ type: 'varchar', length: 36, name: 'case_id' })
  caseId!: string;
}
