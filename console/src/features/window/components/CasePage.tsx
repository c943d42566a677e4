// The clerk's case page: the case, its departments' steps, the timeline, and the window actions.
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { ActionButton } from '../../../components/ActionButton';
import { CaseProgress } from '../../../components/CaseProgress';
import { LightTag } from '../../../components/LightTag';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CaseStatusTag, ChannelTag } from '../../../components/StatusTag';
import { useAction } from '../../../components/useAction';
import { formatInstant } from '../../../lib/format';
import type { CaseView, Material } from '../../../lib/types';
import { useCatalogue } from '../../../lib/useCatalogue';
import { caseActions, openPrintable, receiptUrl } from '../api/window';
import { useCase } from '../hooks/useCase';
import { acceptanceShortfall, stepsAwaitingWindow, windowActionsFor } from './window-actions';

const required = (message: string) => [{ required: true, whitespace: true, message }];

export function CasePage() {
  const { id = '' } = useParams();
  const { data: kase, error, reload } = useCase(id);
  const catalogue = useCatalogue();
  const print = useAction();

  if (!kase) return error ? <ProblemAlert error={error} /> : <Typography.Text>正在加载…</Typography.Text>;

  /** Every material of the case's matters, once each. */
  const materials: Material[] = [];
  for (const matter of catalogue?.matters.filter((m) => kase.matterCodes.includes(m.code)) ?? []) {
    for (const material of matter.materials) if (!materials.some((m) => m.code === material.code)) materials.push(material);
  }
  const options = (list: Material[]) => list.map((m) => ({ label: m.name, value: m.code }));
  const available = windowActionsFor(kase);
  const sentBack = stepsAwaitingWindow(kase.timeline);
  const sentBackMaterials = sentBack.flatMap((s) => s.missing).filter((m, i, all) => all.findIndex((x) => x.code === m.code) === i);
  const done = () => void reload();
  // Known once the catalogue is loaded; the server checks the same rule on 受理.
  const shortfall = kase.status === 'submitted' && catalogue ? acceptanceShortfall(materials, kase.timeline) : [];
  const coreMissing = shortfall.some((material) => material.core);

  return (
    <>
      <PageHeading
        title={`办件 ${kase.trackingCode}`}
        extra={(
          <Space wrap>
            {kase.acceptedAt || kase.status === 'refused' ? (
              <Button onClick={() => void print.run(() => openPrintable(receiptUrl(kase.id)), '已打开打印页面')}>
                打印{kase.status === 'refused' ? '不予受理通知书' : '受理通知书'}
              </Button>
            ) : null}
          </Space>
        )}
      />
      <CaseFacts kase={kase} />
      {kase.deficiency && kase.deficiency.owed.length > 0 && (
        <Alert
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          message={`容缺受理：待补齐 ${kase.deficiency.owed.map((m) => m.name).join('、')}`}
          description={`补齐期限：${formatInstant(kase.deficiency.dueAt)}`}
        />
      )}
      {sentBack.length > 0 && (
        <Alert
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          message={`部门退回补正：${sentBack.length} 个审批环节暂停计时，等待申请人补正材料`}
          description={sentBackMaterials.length ? `需补正：${sentBackMaterials.map((m) => m.name ?? m.code).join('、')}` : undefined}
        />
      )}
      {shortfall.length > 0 && (
        <Alert
          style={{ marginBottom: 16 }}
          type="error"
          showIcon
          message={`必要材料未齐，暂不能受理：${shortfall.map((m) => `${m.name}${m.core ? '（核心）' : ''}`).join('、')}`}
          description={coreMissing ? '核心材料不能容缺：请一次告知申请人补正，或不予受理。' : '请一次告知申请人补正，或对以上非核心材料容缺受理。'}
        />
      )}
      <Card title="窗口操作" style={{ marginBottom: 16 }}>
        {available.length === 0 ? <Typography.Text type="secondary">当前状态下窗口无需操作。</Typography.Text> : (
          <Space wrap>
            {available.includes('accept') && shortfall.length === 0 && <ActionButton label="受理" type="primary" run={() => caseActions.accept(kase.id)} done="已受理，已抄告相关部门" onDone={done} />}
            {available.includes('acceptWithDeficiency') && (
              <ActionButton<{ missing: string[]; workingDays: number; note?: string }>
                label="容缺受理"
                initialValues={{ workingDays: 5 }}
                fields={(
                  <>
                    <Form.Item label="容缺的材料（非核心）" name="missing" rules={[{ required: true, message: '请选择容缺的材料' }]}>
                      <Checkbox.Group options={options(materials.filter((m) => !m.core))} />
                    </Form.Item>
                    <Form.Item label="补齐期限（工作日）" name="workingDays" rules={[{ required: true, message: '请输入补齐期限' }]}>
                      <InputNumber min={1} max={20} />
                    </Form.Item>
                  </>
                )}
                run={({ missing, workingDays }) => caseActions.acceptWithDeficiency(kase.id, { missing: missing.map((code) => ({ code })), workingDays })}
                done="已容缺受理"
                onDone={done}
              />
            )}
            {available.includes('requestSupplement') && (
              <ActionButton<{ missing: string[]; note?: string }>
                label="一次告知补正"
                fields={(
                  <>
                    <Typography.Paragraph>请一次性列明全部需要补正的材料。</Typography.Paragraph>
                    <Form.Item label="需补正的材料" name="missing" rules={[{ required: true, message: '请选择需补正的材料' }]}>
                      <Checkbox.Group options={options(materials)} />
                    </Form.Item>
                    <Form.Item label="补正说明（选填）" name="note"><Input.TextArea rows={2} /></Form.Item>
                  </>
                )}
                run={({ missing, note }) => caseActions.requestSupplement(kase.id, { missing: missing.map((code) => ({ code, ...(note ? { note } : {}) })) })}
                done="已出具一次性告知"
                onDone={done}
              />
            )}
            {available.includes('receiveSupplements') && (
              <ActionButton<{ materials: string[] }>
                label="收取补正材料"
                fields={(
                  <Form.Item label="收到的材料" name="materials" rules={[{ required: true, message: '请选择收到的材料' }]}>
                    <Checkbox.Group options={
                      kase.deficiency?.owed.length ? kase.deficiency.owed.map((m) => ({ label: m.name, value: m.code }))
                        : sentBackMaterials.length ? sentBackMaterials.map((m) => ({ label: m.name ?? materials.find((x) => x.code === m.code)?.name ?? m.code, value: m.code }))
                          : options(materials)
                    } />
                  </Form.Item>
                )}
                run={({ materials: codes }) => caseActions.receiveSupplements(kase.id, { materials: codes.map((code) => ({ code })) })}
                done="已收取补正材料"
                onDone={done}
              />
            )}
            {available.includes('refuse') && (
              <ActionButton<{ reason: string }>
                label="不予受理"
                danger
                fields={<Form.Item label="不予受理理由" name="reason" rules={required('请填写不予受理理由')}><Input.TextArea rows={3} /></Form.Item>}
                run={(body) => caseActions.refuse(kase.id, body)}
                done="已不予受理"
                onDone={done}
              />
            )}
            {available.includes('deliver') && <ActionButton label="统一出件" type="primary" run={() => caseActions.deliver(kase.id)} done="已统一出件" onDone={done} />}
            {available.includes('withdraw') && (
              <ActionButton<{ reason?: string }>
                label="撤回"
                danger
                fields={<Form.Item label="撤回原因（选填）" name="reason"><Input.TextArea rows={2} /></Form.Item>}
                run={({ reason }) => caseActions.withdraw(kase.id, reason ? { reason } : {})}
                done="办件已撤回"
                onDone={done}
              />
            )}
          </Space>
        )}
        {print.error !== undefined && <div style={{ marginTop: 12 }}><ProblemAlert error={print.error} /></div>}
      </Card>
      <CaseProgress kase={kase} />
    </>
  );
}

function CaseFacts({ kase }: { kase: CaseView }) {
  const catalogue = useCatalogue();
  return (
    <Card style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
        <Descriptions.Item label="查询码">{kase.trackingCode}</Descriptions.Item>
        <Descriptions.Item label="状态"><CaseStatusTag status={kase.status} /></Descriptions.Item>
        <Descriptions.Item label="通道"><ChannelTag channel={kase.channel} /></Descriptions.Item>
        <Descriptions.Item label="申请人">{kase.applicant.name}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{kase.applicant.phone}</Descriptions.Item>
        <Descriptions.Item label="项目名称">{kase.projectName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="申请事项">{kase.matterCodes.map((code) => catalogue?.matterName(code) ?? code).join('、')}</Descriptions.Item>
        <Descriptions.Item label="收件时间">{formatInstant(kase.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="受理时间">{formatInstant(kase.acceptedAt)}</Descriptions.Item>
        <Descriptions.Item label="办结期限">{formatInstant(kase.dueAt)}</Descriptions.Item>
        <Descriptions.Item label="时限状态"><LightTag light={kase.light} /></Descriptions.Item>
        <Descriptions.Item label="出件时间">{formatInstant(kase.deliveredAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
