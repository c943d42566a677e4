// 用户管理: accounts with role and department; create, change, deactivate or reactivate, unlock and
// set a new password. Every change answers in place.
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAction } from '../../../components/useAction';
import { formatInstant } from '../../../lib/format';
import { ROLE_LABELS, useSession, type Role } from '../../../lib/session';
import { useCatalogue } from '../../../lib/useCatalogue';
import { usePolling } from '../../../lib/usePolling';
import { createUser, getUsers, setPassword, unlockUser, updateUser, type UserAccount } from '../api/admin';

const DEPARTMENT_ROLES: Role[] = ['officer', 'leader'];
const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((role) => ({ value: role, label: ROLE_LABELS[role] }));

type Dialog = { kind: 'create' } | { kind: 'edit' | 'password'; user: UserAccount } | null;

interface UserForm {
  username?: string;
  displayName?: string;
  role?: Role;
  departmentCode?: string;
  password?: string;
}

export function UsersPage() {
  const users = usePolling(getUsers, []);
  const catalogue = useCatalogue();
  const me = useSession()?.user;
  const [roleFilter, setRoleFilter] = useState<Role | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<UserForm>();
  const action = useAction();
  const role = Form.useWatch('role', form);
  const departments = (catalogue?.departments ?? []).map((d) => ({ value: d.code, label: d.name }));

  const open = (next: Dialog) => {
    action.clearError();
    form.resetFields();
    if (next && next.kind === 'edit') {
      form.setFieldsValue({ displayName: next.user.displayName, role: next.user.role, departmentCode: next.user.departmentCode ?? undefined });
    }
    setDialog(next);
  };

  const submit = async () => {
    const values = await form.validateFields();
    const department = values.role && DEPARTMENT_ROLES.includes(values.role) ? values.departmentCode : undefined;
    let done: unknown;
    if (dialog?.kind === 'create') {
      done = await action.run(() => createUser({
        username: values.username!.trim(), displayName: values.displayName!.trim(), role: values.role!, password: values.password!,
        ...(department ? { departmentCode: department } : {}),
      }), '账号已创建', form);
    } else if (dialog?.kind === 'edit') {
      done = await action.run(() => updateUser(dialog.user.id, {
        displayName: values.displayName!.trim(), role: values.role!, departmentCode: department ?? null,
      }), '账号已更新', form);
    } else if (dialog?.kind === 'password') {
      done = await action.run(() => setPassword(dialog.user.id, { password: values.password! }), '密码已重置，登录失败次数已清零', form);
    }
    if (done) {
      setDialog(null);
      void users.reload();
    }
  };

  const quick = async (work: () => Promise<unknown>, done: string) => {
    if (await action.run(work, done)) void users.reload();
  };

  const rows = (users.data ?? []).filter((user) => !roleFilter || user.role === roleFilter);
  return (
    <>
      <PageHeading
        title="用户管理"
        extra={(
          <Space wrap>
            <label htmlFor="users-role">按角色筛选</label>
            <Select id="users-role" allowClear placeholder="全部角色" style={{ width: 160 }} value={roleFilter} onChange={setRoleFilter} options={ROLE_OPTIONS} />
            <Button type="primary" onClick={() => open({ kind: 'create' })}>新建账号</Button>
          </Space>
        )}
      />
      <ProblemAlert error={users.error ?? (dialog ? undefined : action.error)} />
      <Card size="small">
        <Table<UserAccount>
          size="small"
          rowKey="id"
          loading={users.loading}
          scroll={{ x: true }}
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 个账号` }}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '角色', key: 'role', render: (_, row) => ROLE_LABELS[row.role] ?? row.role },
            { title: '部门', key: 'department', render: (_, row) => (row.departmentCode ? catalogue?.departmentName(row.departmentCode) ?? row.departmentCode : '—') },
            {
              title: '状态', key: 'state',
              render: (_, row) => (
                <Space size={4}>
                  {row.active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>}
                  {row.locked && <Tag color="red">已锁定至 {formatInstant(row.lockedUntil)}</Tag>}
                </Space>
              ),
            },
            {
              title: '操作', key: 'actions',
              render: (_, row) => (
                <Space wrap size={4}>
                  <Button size="small" onClick={() => open({ kind: 'edit', user: row })} aria-label={`修改 ${row.username}`}>修改</Button>
                  <Button size="small" onClick={() => open({ kind: 'password', user: row })} aria-label={`重置 ${row.username} 的密码`}>重置密码</Button>
                  {row.locked && <Button size="small" onClick={() => void quick(() => unlockUser(row.id), `${row.username} 已解锁`)} aria-label={`解锁 ${row.username}`}>解锁</Button>}
                  {row.username !== me?.username && (row.active ? (
                    <Button size="small" danger onClick={() => void quick(() => updateUser(row.id, { active: false }), `${row.username} 已停用`)} aria-label={`停用 ${row.username}`}>停用</Button>
                  ) : (
                    <Button size="small" onClick={() => void quick(() => updateUser(row.id, { active: true }), `${row.username} 已启用`)} aria-label={`启用 ${row.username}`}>启用</Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'create' ? '新建账号' : dialog?.kind === 'edit' ? `修改账号 ${dialog.user.username}` : dialog ? `重置 ${dialog.user.username} 的密码` : ''}
        okText="保存"
        cancelText="取消"
        confirmLoading={action.busy}
        onOk={() => void submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <ProblemAlert error={action.error} />
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.kind === 'create' && (
            <Form.Item name="username" label="用户名" rules={[{ required: true, pattern: /^[A-Za-z0-9._-]{3,64}$/, message: '3–64 位字母、数字、点、横线或下划线' }]}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          {dialog?.kind !== 'password' && (
            <>
              <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
                <Select options={ROLE_OPTIONS} />
              </Form.Item>
              {role && DEPARTMENT_ROLES.includes(role) && (
                <Form.Item name="departmentCode" label="所属部门" rules={[{ required: true, message: '审批人员和部门负责人须属于一个部门' }]}>
                  <Select options={departments} />
                </Form.Item>
              )}
            </>
          )}
          {dialog?.kind !== 'edit' && (
            <Form.Item name="password" label={dialog?.kind === 'password' ? '新密码' : '初始密码'} rules={[{ required: true, min: 12, message: '密码至少 12 位' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
