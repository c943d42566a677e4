// Custom search attributes and static summaries: what an operator types into the Temporal UI
// or CLI to find a case, its steps or a project (`TrackingCode='…'`, `ApprovalStatus='inReview'`),
// since workflow ids carry only UUIDs. The API sets the fixed ones at start; the workflows keep
// ApprovalStatus and Light current (patch `search-attributes`). Every attribute must be
// registered on the server first (docs/operations.md). Values and summaries are stored
// unencrypted in the visibility store: codes and catalogue names only, never the applicant's
// name, ID number or phone.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { MatterSnapshot } from '../domain/types';
import type { CaseWorkflowInput, ProjectWorkflowInput } from './messages';

/** 办件 tracking code (also on the steps of the case). */
export const TrackingCodeAttribute = defineSearchAttributeKey('TrackingCode', SearchAttributeType.KEYWORD);
/** `XM-YYYYMMDD-NNNN` of the project (and of its stage cases and their steps). */
export const ProjectCodeAttribute = defineSearchAttributeKey('ProjectCode', SearchAttributeType.KEYWORD);
/** Reviewing departments: every department of a case, the one department of a step. */
export const DepartmentCodesAttribute = defineSearchAttributeKey('DepartmentCodes', SearchAttributeType.KEYWORD_LIST);
/**
 * The chart state: a case, step or project status (filter by `WorkflowType` to tell them apart).
 * Not `Status`: the server refuses that name in list queries, and the UI shows ExecutionStatus under it.
 */
export const ApprovalStatusAttribute = defineSearchAttributeKey('ApprovalStatus', SearchAttributeType.KEYWORD);
/** green / yellow / red. */
export const LightAttribute = defineSearchAttributeKey('Light', SearchAttributeType.KEYWORD);
/** standard / green (绿色通道). */
export const ChannelAttribute = defineSearchAttributeKey('Channel', SearchAttributeType.KEYWORD);

/** Everything to register on a server: `temporal server start-dev --search-attribute`, or `npm run temporal:search-attributes`. */
export const SEARCH_ATTRIBUTES = [
  TrackingCodeAttribute, ProjectCodeAttribute, DepartmentCodesAttribute, ApprovalStatusAttribute, LightAttribute, ChannelAttribute,
] as const;

/** The server's default limit for a static summary is 400 bytes; stay well inside it. */
const SUMMARY_MAX_BYTES = 300;

/** The fixed attributes of a case, set when it starts. */
export function caseSearchAttributes(input: CaseWorkflowInput): SearchAttributePair[] {
  return [
    { key: TrackingCodeAttribute, value: input.trackingCode },
    { key: DepartmentCodesAttribute, value: [...new Set(input.matters.map((matter) => matter.departmentCode))] },
    { key: ChannelAttribute, value: input.channel },
    ...(input.project?.code ? [{ key: ProjectCodeAttribute, value: input.project.code }] : []),
  ];
}

/** `办件 <tracking code> · 绿色通道 · <matter names>`: one line for the UI's and CLI's lists. */
export function caseSummary(input: CaseWorkflowInput): string {
  const head = [`办件 ${input.trackingCode}`, channelName(input.channel), ...(input.project?.code ? [`项目 ${input.project.code}`] : [])].join(' · ');
  return `${head} · ${fitNames(input.matters.map((matter) => matter.name), SUMMARY_MAX_BYTES - utf8Bytes(head) - 3)}`;
}

/** The fixed attributes of one step of a case, set by the case when it starts the step. */
export function stepSearchAttributes(input: CaseWorkflowInput, matter: MatterSnapshot): SearchAttributePair[] {
  return [
    { key: TrackingCodeAttribute, value: input.trackingCode },
    { key: DepartmentCodesAttribute, value: [matter.departmentCode] },
    { key: ChannelAttribute, value: input.channel },
    ...(input.project?.code ? [{ key: ProjectCodeAttribute, value: input.project.code }] : []),
  ];
}

/** `审批环节 <matter name> · <department> · 办件 <tracking code>`. */
export function stepSummary(input: CaseWorkflowInput, matter: MatterSnapshot): string {
  return `审批环节 ${fitNames([matter.name], 150)} · ${matter.departmentCode} · 办件 ${input.trackingCode}`;
}

export function projectSearchAttributes(input: ProjectWorkflowInput): SearchAttributePair[] {
  return [{ key: ProjectCodeAttribute, value: input.code }];
}

/** `工程建设项目 <code> · 重点项目`. */
export function projectSummary(input: ProjectWorkflowInput): string {
  return `工程建设项目 ${input.code}${input.key ? ' · 重点项目' : ''}`;
}

/**
 * Inside a workflow: upserts the attributes whose values differ from the workflow's own, so a
 * projection that changes neither status nor light adds no command. Workflows started before
 * the attributes existed get their fixed ones here too, on their first indexing.
 */
export function indexWorkflow(pairs: SearchAttributePair[]): void {
  const current = workflowInfo().typedSearchAttributes;
  const changed = pairs.filter(({ key, value }) => String(current.get(key)) !== String(value));
  if (changed.length > 0) upsertSearchAttributes(changed);
}

function channelName(channel: CaseWorkflowInput['channel']): string {
  return channel === 'green' ? '绿色通道' : '普通';
}

/** Names joined by 、 within `maxBytes`; those left out are counted (`等 3 项`). */
function fitNames(names: string[], maxBytes: number): string {
  const kept: string[] = [];
  for (const [i, name] of names.entries()) {
    const rest = names.length - i - 1;
    const candidate = [...kept, name].join('、') + (rest > 0 ? ` 等 ${rest} 项` : '');
    if (utf8Bytes(candidate) > maxBytes) break;
    kept.push(name);
  }
  if (kept.length === 0) return `${names.length} 项事项`;
  return kept.length === names.length ? kept.join('、') : `${kept.join('、')} 等 ${names.length - kept.length} 项`;
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
