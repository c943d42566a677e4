// 收件登记: matters, the material checklist with live 材料预审, the applicant, then registration.
import { Alert, Button, Card, Checkbox, Col, Form, Input, List, Radio, Row, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { MaterialTags } from '../../../components/MaterialTags';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAction } from '../../../components/useAction';
import { useCatalogue } from '../../../lib/useCatalogue';
import type { Material, Precheck } from '../../../lib/types';
import { precheck, register, type RegisterBody } from '../api/window';

interface ApplicantFields {
  applicant: { name: string; phone: string; idNumber?: string };
  channel: 'standard' | 'green';
  projectName?: string;
  agentUsername?: string;
}

export function RegisterPage() {
  const catalogue = useCatalogue();
  const navigate = useNavigate();
  const [form] = Form.useForm<ApplicantFields>();
  const [matterCodes, setMatterCodes] = useState<string[]>([]);
  const [handedIn, setHandedIn] = useState<string[]>([]);
  const [check, setCheck] = useState<Precheck>();
  const { run, busy, error } = useAction();

  /** Every material of the chosen matters, once each (required or core if any matter says so). */
  const materials = useMemo(() => {
    const byCode = new Map<string, Material & { matters: string[] }>();
    for (const matter of catalogue?.matters.filter((m) => matterCodes.includes(m.code)) ?? []) {
      for (const material of matter.materials) {
        const seen = byCode.get(material.code);
        if (seen) {
          seen.required ||= material.required;
          seen.core ||= material.core;
          seen.matters.push(matter.name);
        } else {
          byCode.set(material.code, { ...material, matters: [matter.name] });
        }
      }
    }
    return [...byCode.values()];
  }, [catalogue, matterCodes]);

  // 材料预审 as boxes are ticked.
  useEffect(() => {
    if (matterCodes.length === 0) {
      setCheck(undefined);
      return;
    }
    let live = true;
    const codes = handedIn.filter((code) => materials.some((m) => m.code === code));
    const timer = window.setTimeout(() => {
      precheck({ matterCodes, materials: codes.map((code) => ({ code })) })
        .then((result) => live && setCheck(result))
        .catch(() => undefined);
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [matterCodes, handedIn, materials]);

  const submit = async (fields: ApplicantFields) => {
    const body: RegisterBody = {
      applicant: {
        name: fields.applicant.name,
        phone: fields.applicant.phone,
        ...(fields.applicant.idNumber ? { idNumber: fields.applicant.idNumber } : {}),
      },
      matterCodes,
      channel: fields.channel,
      materials: handedIn.filter((code) => materials.some((m) => m.code === code)).map((code) => ({ code })),
      ...(fields.projectName ? { projectName: fields.projectName } : {}),
      ...(fields.agentUsername ? { agentUsername: fields.agentUsername } : {}),
    };
    const created = await run(() => register(body), '收件登记成功', form);
    if (created) void navigate(`/window/cases/${created.id}`);
  };

  return (
    <>
      <PageHeading title="收件登记" />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="申请事项" style={{ marginBottom: 16 }}>
            <Checkbox.Group value={matterCodes} onChange={(values) => setMatterCodes(values as string[])} style={{ width: '100%' }}>
              <Space direction="vertical" style={{ width: '100%' }}>
                {catalogue?.departments.map((department) => (
                  <fieldset key={department.code} style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
                    <legend style={{ fontWeight: 600, fontSize: '1em', marginBottom: 4 }}>{department.name}</legend>
                    <Space direction="vertical">
                      {catalogue.matters.filter((m) => m.departmentCode === department.code).map((matter) => (
                        <Checkbox key={matter.code} value={matter.code}>
                          {matter.name}（{matter.code}，承诺 {matter.committedDays} 个工作日）
                        </Checkbox>
                      ))}
                    </Space>
                  </fieldset>
                ))}
              </Space>
            </Checkbox.Group>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="材料清单（勾选已收取的材料）" style={{ marginBottom: 16 }}>
            {materials.length === 0 ? (
              <Typography.Text type="secondary">请先选择申请事项。</Typography.Text>
            ) : (
              <>
                <Space style={{ marginBottom: 8 }}>
                  <Button size="small" onClick={() => setHandedIn(materials.map((m) => m.code))}>全部已收取</Button>
                  <Button size="small" onClick={() => setHandedIn([])}>清空</Button>
                </Space>
                <Table
                  size="small"
                  rowKey="code"
                  pagination={false}
                  dataSource={materials}
                  columns={[
                    {
                      title: '已收取的材料',
                      key: 'name',
                      render: (_: unknown, m: Material) => (
                        <Checkbox
                          checked={handedIn.includes(m.code)}
                          onChange={(e) => setHandedIn((codes) => (e.target.checked ? [...codes, m.code] : codes.filter((c) => c !== m.code)))}
                        >
                          {m.name}
                        </Checkbox>
                      ),
                    },
                    { title: '要求', key: 'tags', render: (_: unknown, m: Material) => <MaterialTags material={m} /> },
                  ]}
                />
              </>
            )}
            {check && <PrecheckResult check={check} />}
          </Card>
        </Col>
      </Row>
      <Card title="申请人信息">
        <Form<ApplicantFields> form={form} layout="vertical" initialValues={{ channel: 'standard' }} onFinish={(values) => void submit(values)}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="申请人名称" name={['applicant', 'name']} rules={[{ required: true, message: '请输入申请人名称' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="联系电话" name={['applicant', 'phone']} rules={[{ required: true, message: '请输入联系电话' }, { pattern: /^\+?[0-9-]{7,20}$/, message: '请输入 7–20 位电话号码' }]}>
                <Input inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="身份证号（选填）" name={['applicant', 'idNumber']} rules={[{ pattern: /^[0-9]{17}[0-9Xx]$/, message: '请输入 18 位身份证号' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="办理通道" name="channel">
                <Radio.Group>
                  <Radio value="standard">普通通道</Radio>
                  <Radio value="green">绿色通道</Radio>
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="项目名称（选填）" name="projectName">
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="代办员账号（选填）" name="agentUsername">
                <Input />
              </Form.Item>
            </Col>
          </Row>
          {error !== undefined && <div style={{ marginBottom: 16 }}><ProblemAlert error={error} /></div>}
          <Button type="primary" htmlType="submit" loading={busy} disabled={matterCodes.length === 0}>收件登记</Button>
        </Form>
      </Card>
    </>
  );
}

function PrecheckResult({ check }: { check: Precheck }) {
  if (check.complete) return <Alert style={{ marginTop: 12 }} type="success" showIcon message="材料预审：必要材料齐全" />;
  const names = (items: Precheck['missing']) => [...new Set(items.map((item) => item.name))];
  return (
    <Alert
      style={{ marginTop: 12 }}
      type={check.coreMissing.length ? 'error' : 'warning'}
      showIcon
      role="status"
      message={`材料预审：缺少 ${names(check.missing).length} 项必要材料`}
      description={
        <List size="small" dataSource={names(check.missing)} renderItem={(name) => (
          <List.Item>{name}{names(check.coreMissing).includes(name) ? '（核心材料，不可容缺）' : '（可容缺）'}</List.Item>
        )} />
      }
    />
  );
}
