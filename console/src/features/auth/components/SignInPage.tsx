// 登录: labelled fields, Tab between them, Enter submits; each role lands on its own workspace.
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { HOME_PATHS, setSession, useSession } from '../../../lib/session';
import { login } from '../api/login';

interface Fields {
  username: string;
  password: string;
}

export function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (session) return <Navigate to={HOME_PATHS[session.user.role]} replace />;

  const from = (location.state as { from?: string } | null)?.from;
  const submit = async ({ username, password }: Fields) => {
    setBusy(true);
    setError(undefined);
    try {
      const signedIn = await login(username.trim(), password);
      setSession(signedIn);
      const home = HOME_PATHS[signedIn.user.role];
      void navigate(from && from !== '/' && from.startsWith(home) ? from : home, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={1} style={{ fontSize: '1.6em', textAlign: 'center' }}>并联审批工作台</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>请使用工作账号登录</Typography.Paragraph>
        <Form<Fields> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false} aria-label="登录">
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error !== undefined && <div style={{ marginBottom: 16 }}><ProblemAlert error={error} /></div>}
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          申请人查询办件进度：<Link to="/track">办件查询与评价</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
