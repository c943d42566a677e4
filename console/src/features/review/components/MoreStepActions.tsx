// The reviewer's other verbs: 退回签收, 委派 and 交回, 加签, 退回 to the window (补正) and to the
// previous signer of a 依次 panel. The step's chart decides; a refused verb answers in place with what is allowed.
import { Checkbox, Form, Input, Radio, Typography } from 'antd';
import { ActionButton } from '../../../components/ActionButton';
import { useSession } from '../../../lib/session';
import { useCatalogue } from '../../../lib/useCatalogue';
import type { StepView, TimelineEntry } from '../../../lib/types';
import { moreStepActions } from '../api/review';

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** The open 委派 of a step: the delegate named by its last DELEGATE not yet handed back. */
function delegateOf(stepId: string, timeline: TimelineEntry[]): string | null {
  let delegate: string | null = null;
  for (const entry of timeline) {
    if (entry.stepId !== stepId) continue;
    if (entry.action === 'DELEGATE') delegate = String(entry.detail?.toUsername ?? entry.detail?.to ?? '') || null;
    if (entry.action === 'RETURN_DELEGATION') delegate = null;
  }
  return delegate;
}

export function MoreStepActions({ step, timeline, onDone }: { step: StepView; timeline: TimelineEntry[]; onDone: () => void }) {
  const user = useSession()?.user;
  const claimed = step.status !== 'pending' && step.status !== 'suspended';
  const delegate = delegateOf(step.id, timeline);
  const mayRelease = claimed && (step.assignee?.username === user?.username || user?.role === 'leader');
  const inTurnOrder = step.approval.mode === 'sequential' && step.approval.signed.length > 0;
  const materials = useCatalogue()?.matters.find((m) => m.code === step.matterCode)?.materials ?? [];

  return (
    <>
      {delegate && delegate === user?.username && (
        <ActionButton<{ opinion: string }>
          label="交回"
          type="primary"
          fields={<Form.Item label="委派审查意见" name="opinion" rules={required('请填写审查意见')}><Input.TextArea rows={3} /></Form.Item>}
          run={(body) => moreStepActions.handBack(step.id, body)}
          done="已交回委派人"
          onDone={onDone}
        />
      )}
      {mayRelease && (
        <ActionButton<{ reason?: string }>
          label="退回签收"
          fields={<Form.Item label="原因（选填）" name="reason"><Input.TextArea rows={2} /></Form.Item>}
          run={({ reason }) => moreStepActions.release(step.id, reason ? { reason } : {})}
          done="已退回部门待办"
          onDone={onDone}
        />
      )}
      {claimed && !delegate && (
        <ActionButton<{ toUsername: string; reason: string }>
          label="委派"
          fields={(
            <>
              <Form.Item label="委派给（本部门人员账号）" name="toUsername" rules={required('请填写账号')}><Input /></Form.Item>
              <Form.Item label="委派说明" name="reason" rules={required('请填写委派说明')}><Input.TextArea rows={2} /></Form.Item>
            </>
          )}
          run={(body) => moreStepActions.delegate(step.id, body)}
          done="已委派"
          onDone={onDone}
        />
      )}
      {claimed && (
        <ActionButton<{ position: 'before' | 'after' | 'parallel'; usernames: string; reason: string }>
          label="加签"
          initialValues={{ position: 'after' }}
          fields={(
            <>
              <Form.Item label="加签方式" name="position">
                <Radio.Group options={[{ value: 'before', label: '前加签' }, { value: 'after', label: '后加签' }, { value: 'parallel', label: '并加签' }]} />
              </Form.Item>
              <Form.Item label="加签人员账号（多个以逗号分隔）" name="usernames" rules={required('请填写加签人员')}><Input /></Form.Item>
              <Form.Item label="加签理由" name="reason" rules={required('请填写加签理由')}><Input.TextArea rows={2} /></Form.Item>
            </>
          )}
          run={({ position, usernames, reason }) => moreStepActions.addSigners(step.id, {
            position,
            usernames: usernames.split(/[,，、\s]+/).map((name) => name.trim()).filter(Boolean),
            reason,
          })}
          done="已加签"
          onDone={onDone}
        />
      )}
      {claimed && (
        <ActionButton<{ missing: string[]; reason: string; note?: string }>
          label="退回窗口补正"
          fields={(
            <>
              <Typography.Paragraph type="secondary">计时暂停（补正），窗口向申请人出具一次性告知书；窗口收取补正材料后自动恢复计时。</Typography.Paragraph>
              <Form.Item label="需补正的材料" name="missing" rules={[{ required: true, message: '请选择需补正的材料' }]}>
                <Checkbox.Group options={materials.map((m) => ({ label: m.name, value: m.code }))} />
              </Form.Item>
              <Form.Item label="补正说明（选填）" name="note"><Input.TextArea rows={2} /></Form.Item>
              <Form.Item label="退回理由" name="reason" rules={required('请填写退回理由')}><Input.TextArea rows={2} /></Form.Item>
            </>
          )}
          run={({ missing, reason, note }) => moreStepActions.sendBack(step.id, {
            to: 'window', reason, missing: missing.map((code) => ({ code, ...(note ? { note } : {}) })),
          })}
          done="已退回窗口补正，计时暂停"
          onDone={onDone}
        />
      )}
      {claimed && inTurnOrder && (
        <ActionButton<{ reason: string }>
          label="退回上一位审批人"
          fields={<Form.Item label="退回理由" name="reason" rules={required('请填写退回理由')}><Input.TextArea rows={2} /></Form.Item>}
          run={({ reason }) => moreStepActions.sendBack(step.id, { to: 'previous', reason })}
          done="已退回上一位审批人"
          onDone={onDone}
        />
      )}
    </>
  );
}
