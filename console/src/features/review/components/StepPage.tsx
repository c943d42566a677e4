// One step: the clock, the case's other departments, materials, the timeline, and the actions.
import { Alert, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, List, Radio, Row, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { ActionButton } from '../../../components/ActionButton';
import { CaseTimeline } from '../../../components/CaseTimeline';
import { LightTag } from '../../../components/LightTag';
import { MaterialTags } from '../../../components/MaterialTags';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CaseStatusTag, ChannelTag, StepStatusTag } from '../../../components/StatusTag';
import { StepsTable } from '../../../components/StepsTable';
import { useWorkingDaysLeft } from '../../../lib/calendar';
import { formatInstant, workingDays, workingDaysLeft } from '../../../lib/format';
import { SUSPEND_KINDS } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import type { CaseView, StepView } from '../../../lib/types';
import { useCatalogue } from '../../../lib/useCatalogue';
import { stepActions } from '../api/review';
import { useStepPage } from '../hooks/useStepPage';
import { JointReviews } from './JointReviews';
import { MoreStepActions } from './MoreStepActions';

const required = (message: string) => [{ required: true, whitespace: true, message }];
const PANEL_MODES: Record<string, string> = { all: '会签', any: '或签', sequential: '依次审批' };

export function StepPage() {
  const { id = '' } = useParams();
  const { data, error, reload } = useStepPage(id);
  const catalogue = useCatalogue();
  if (!data) return error ? <ProblemAlert error={error} /> : <Typography.Text>正在加载…</Typography.Text>;
  const { step, kase } = data;
  const siblings = kase.steps.filter((s) => s.id !== step.id);

  return (
    <>
      <PageHeading title={`${catalogue?.matterName(step.matterCode) ?? step.matterCode}`} extra={<Space><StepStatusTag status={step.status} /><LightTag light={step.light} /></Space>} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <StepClock step={step} kase={kase} />
          <Card title="审批操作" style={{ marginBottom: 16 }}>
            <StepActions step={step} timeline={kase.timeline} onDone={() => void reload()} />
          </Card>
          <Card title="其他部门审批环节" style={{ marginBottom: 16 }}>
            {siblings.length ? <StepsTable steps={siblings} /> : <Typography.Text type="secondary">本办件只涉及本部门。</Typography.Text>}
          </Card>
          {new Set(kase.steps.map((s) => s.departmentCode)).size > 1 && <JointReviews kase={kase} />}
        </Col>
        <Col xs={24} xl={10}>
          <Materials kase={kase} matterCode={step.matterCode} />
          <Card title="审批进度">
            <CaseTimeline entries={kase.timeline} stepName={(stepId) => {
              const s = kase.steps.find((x) => x.id === stepId);
              return s ? catalogue?.departmentName(s.departmentCode) ?? s.departmentCode : stepId;
            }} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function StepClock({ step, kase }: { step: StepView; kase: CaseView }) {
  const left = useWorkingDaysLeft();
  const pauses = kase.timeline.filter((e) => e.stepId === step.id && e.action === 'SUSPEND');
  const extensions = kase.timeline.filter((e) => e.stepId === step.id && e.action === 'EXTEND');
  const decided = step.status === 'approved' || step.status === 'rejected';
  return (
    <Card title="办理时限" style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label="查询码">{kase.trackingCode}</Descriptions.Item>
        <Descriptions.Item label="办件状态"><CaseStatusTag status={kase.status} /></Descriptions.Item>
        <Descriptions.Item label="通道"><ChannelTag channel={kase.channel} /></Descriptions.Item>
        <Descriptions.Item label="申请人">{kase.applicant.name}</Descriptions.Item>
        <Descriptions.Item label="承诺时限">{workingDays(step.limitDays)}</Descriptions.Item>
        <Descriptions.Item label="承诺办结时间">{formatInstant(step.dueAt)}</Descriptions.Item>
        <Descriptions.Item label="法定办结时间">{formatInstant(step.legalDueAt)}</Descriptions.Item>
        <Descriptions.Item label="剩余时间">{decided ? '已办结' : workingDaysLeft(left(step.dueAt))}</Descriptions.Item>
        <Descriptions.Item label="计时">{decided ? '已停止（已办结）' : step.status === 'suspended' ? <Tag color="warning">暂停计时中</Tag> : <Tag color="processing">计时中</Tag>}</Descriptions.Item>
        <Descriptions.Item label="暂停次数">{pauses.length ? `${pauses.length} 次（${pauses.map((p) => String(p.detail?.kind ?? '')).join('、')}）` : '无'}</Descriptions.Item>
        <Descriptions.Item label="延期">{extensions.length ? `${extensions.length} 次` : '无'}</Descriptions.Item>
        <Descriptions.Item label="办理人">{step.assignee?.username ?? '未签收'}</Descriptions.Item>
      </Descriptions>
      {step.approval.mode !== 'single' && (
        <Alert
          type="info"
          showIcon
          message={`${PANEL_MODES[step.approval.mode] ?? step.approval.mode}：成员 ${step.approval.members.join('、')}`}
          description={(
            <>
              <div>已签：{step.approval.signed.length ? step.approval.signed.map((s) => `${s.username}（${s.opinion}）`).join('；') : '无'}</div>
              <div>待签：{step.approval.awaiting.length ? step.approval.awaiting.join('、') : '无'}</div>
            </>
          )}
        />
      )}
      {(step.opinion || step.reason) && (
        <Alert style={{ marginTop: 12 }} type={step.status === 'rejected' ? 'error' : 'success'} showIcon
          message={step.status === 'rejected' ? `不予许可：${step.reason ?? ''}` : `审查意见：${step.opinion ?? ''}`}
          description={step.legalBasis ? `法律依据：${step.legalBasis}` : undefined} />
      )}
    </Card>
  );
}

function Materials({ kase, matterCode }: { kase: CaseView; matterCode: string }) {
  const catalogue = useCatalogue();
  const matter = catalogue?.matters.find((m) => m.code === matterCode);
  const received = new Set(kase.timeline.flatMap((e) => {
    const materials = e.detail?.materials;
    if (!Array.isArray(materials)) return [];
    return materials.map((m: unknown) => (typeof m === 'string' ? m : (m as { code?: string }).code ?? ''));
  }));
  return (
    <Card title="申请材料" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={matter?.materials ?? []}
        renderItem={(m) => (
          <List.Item>
            <Space wrap>
              {m.name}
              <MaterialTags material={m} />
              {received.has(m.code) ? <Tag color="success">已收取</Tag> : <Tag>未收取</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function StepActions({ step, timeline, onDone }: { step: StepView; timeline: CaseView['timeline']; onDone: () => void }) {
  const role = useSession()?.user.role;
  // Only the special procedures the matter provides for (§45) can pause its clock.
  const provided = useCatalogue()?.matters.find((m) => m.code === step.matterCode)?.specialProcedures;
  const kinds = SUSPEND_KINDS.filter((kind) => !provided || provided.includes(kind));
  if (step.status === 'approved' || step.status === 'rejected') {
    return <Typography.Text type="secondary">本环节已办结。</Typography.Text>;
  }
  return (
    <Space wrap>
      {step.status === 'pending' && <ActionButton label="签收" type="primary" run={() => stepActions.claim(step.id)} done="已签收" onDone={onDone} />}
      {step.status !== 'pending' && step.status !== 'suspended' && (
        <>
          <ActionButton<{ opinion: string; commitment?: boolean; items?: string; checkWorkingDays?: number }>
            label="通过"
            type="primary"
            initialValues={{ checkWorkingDays: 20 }}
            fields={(
              <>
                <Form.Item label="审查意见" name="opinion" rules={required('请填写审查意见')}><Input.TextArea rows={3} /></Form.Item>
                <Form.Item name="commitment" valuePropName="checked"><Checkbox>按告知承诺制审批（申请人书面承诺，事后核查）</Checkbox></Form.Item>
                <Form.Item noStyle shouldUpdate={(a, b) => a.commitment !== b.commitment}>
                  {({ getFieldValue }) => getFieldValue('commitment') ? (
                    <>
                      <Form.Item label="承诺事项" name="items" rules={required('请填写承诺事项')}><Input.TextArea rows={2} /></Form.Item>
                      <Form.Item label="事后核查期限（工作日）" name="checkWorkingDays"><InputNumber min={1} max={60} /></Form.Item>
                    </>
                  ) : null}
                </Form.Item>
              </>
            )}
            run={({ opinion, commitment, items, checkWorkingDays }) => stepActions.approve(step.id, {
              opinion,
              ...(commitment && items ? { commitment: { items, checkWorkingDays: checkWorkingDays ?? 20 } } : {}),
            })}
            done="已通过"
            onDone={onDone}
          />
          <ActionButton<{ reason: string; legalBasis: string }>
            label="不予许可"
            danger
            fields={(
              <>
                <Form.Item label="不予许可理由" name="reason" rules={required('请填写理由')}><Input.TextArea rows={3} /></Form.Item>
                <Form.Item label="法律依据" name="legalBasis" rules={required('请填写法律依据')}><Input /></Form.Item>
              </>
            )}
            run={(body) => stepActions.reject(step.id, body)}
            done="已作出不予许可决定，并已向效能办报备"
            onDone={onDone}
          />
          <ActionButton<{ kind: (typeof SUSPEND_KINDS)[number]; reason: string; expectedWorkingDays?: number }>
            label="暂停计时"
            fields={(
              <>
                <Form.Item label="特别程序" name="kind" rules={[{ required: true, message: '请选择特别程序' }]}>
                  <Radio.Group options={kinds.map((k) => ({ value: k, label: k }))} />
                </Form.Item>
                <Form.Item label="暂停理由" name="reason" rules={required('请填写暂停理由')}><Input.TextArea rows={2} /></Form.Item>
                <Form.Item label="预计所需工作日（选填）" name="expectedWorkingDays"><InputNumber min={1} max={365} /></Form.Item>
              </>
            )}
            run={({ kind, reason, expectedWorkingDays }) => stepActions.suspend(step.id, { kind, reason, ...(expectedWorkingDays ? { expectedWorkingDays } : {}) })}
            done="已暂停计时"
            onDone={onDone}
          />
        </>
      )}
      {step.status === 'suspended' && <ActionButton label="恢复计时" type="primary" run={() => stepActions.resume(step.id)} done="已恢复计时" onDone={onDone} />}
      {step.status !== 'pending' && (
        <ActionButton<{ toUsername: string; reason: string }>
          label="转办"
          fields={(
            <>
              <Form.Item label="转给（本部门人员账号）" name="toUsername" rules={required('请填写账号')}><Input /></Form.Item>
              <Form.Item label="转办理由" name="reason" rules={required('请填写转办理由')}><Input.TextArea rows={2} /></Form.Item>
            </>
          )}
          run={(body) => stepActions.transfer(step.id, body)}
          done="已转办"
          onDone={onDone}
        />
      )}
      {role === 'leader' && (
        <ActionButton<{ workingDays: number; reason: string }>
          label="延期"
          fields={(
            <>
              <Typography.Paragraph type="secondary">依《行政许可法》第四十二条：单一事项至多延长 10 个工作日，联合办理至多 15 个工作日。</Typography.Paragraph>
              <Form.Item label="延长工作日" name="workingDays" rules={[{ required: true, message: '请输入延长的工作日' }]}><InputNumber min={1} max={15} /></Form.Item>
              <Form.Item label="延期理由" name="reason" rules={required('请填写延期理由')}><Input.TextArea rows={2} /></Form.Item>
            </>
          )}
          run={(body) => stepActions.extend(step.id, body)}
          done="已批准延期"
          onDone={onDone}
        />
      )}
      <MoreStepActions step={step} timeline={timeline} onDone={onDone} />
    </Space>
  );
}
