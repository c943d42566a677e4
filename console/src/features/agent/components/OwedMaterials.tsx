// 容缺受理: the materials a case still owes and by when, with the hand-in of those received.
import { Alert, Button, Checkbox, Form, Space, Typography } from 'antd';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAction } from '../../../components/useAction';
import { formatInstant } from '../../../lib/format';
import type { CaseView } from '../../../lib/types';
import { handInSupplements } from '../api/agent';

export function OwedMaterials({ view, onDone }: { view: CaseView; onDone: () => void }) {
  const [form] = Form.useForm<{ codes: string[] }>();
  const action = useAction();
  const deficiency = view.deficiency;
  if (!deficiency || deficiency.owed.length === 0) return null;
  const lapsed = deficiency.lapsed === true;

  const submit = async () => {
    const { codes } = await form.validateFields();
    if (await action.run(() => handInSupplements(view.id, { materials: codes.map((code) => ({ code })) }), '补交材料已登记', form)) {
      form.resetFields();
      onDone();
    }
  };

  return (
    <Alert
      type={lapsed ? 'error' : 'warning'}
      showIcon
      style={{ marginTop: 8 }}
      message={`容缺待补材料 ${deficiency.owed.length} 项，补交期限 ${formatInstant(deficiency.dueAt)}${lapsed ? '（已逾期）' : ''}`}
      description={(
        <>
          <ProblemAlert error={action.error} />
          <Form form={form} layout="vertical" initialValues={{ codes: [] }}>
            <Form.Item name="codes" label="本次补交的材料" rules={[{ required: true, type: 'array', min: 1, message: '请勾选补交的材料' }]}>
              <Checkbox.Group>
                <Space direction="vertical">
                  {deficiency.owed.map((material) => (
                    <Checkbox key={material.code} value={material.code}>
                      {material.name}
                      {material.note ? <Typography.Text type="secondary">（{material.note}）</Typography.Text> : null}
                    </Checkbox>
                  ))}
                </Space>
              </Checkbox.Group>
            </Form.Item>
            <Button type="primary" loading={action.busy} onClick={() => void submit()}>登记补交</Button>
          </Form>
        </>
      )}
    />
  );
}
