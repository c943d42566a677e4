// The signed-in frame: header (who, 大字模式, 退出), the role's menu, and its workspace.
import { Button, Layout, Menu, Space, Switch, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { setLargeText, useLargeText } from '../lib/preferences';
import { HOME_PATHS, ROLE_LABELS, setSession, useSession } from '../lib/session';
import { NoticesBell } from '../components/NoticesBell';
import { Loading } from './Root';
import { WORKSPACES } from './workspaces';

export default function Shell() {
  const session = useSession()!;
  const large = useLargeText();
  const location = useLocation();
  const mine = WORKSPACES.filter((w) => w.roles.includes(session.user.role));
  const entries = mine.flatMap((w) => w.menu).filter((e) => !e.roles || e.roles.includes(session.user.role));
  const selected = entries
    .filter((e) => location.pathname === e.path || location.pathname.startsWith(`${e.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">跳到主要内容</a>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 16, height: 'auto', minHeight: 64, flexWrap: 'wrap' }}>
        <Typography.Text style={{ color: '#fff', fontSize: '1.2em', fontWeight: 600 }}>并联审批工作台</Typography.Text>
        <Space wrap style={{ color: '#fff' }}>
          <span>
            {session.user.username}（{ROLE_LABELS[session.user.role]}
            {session.user.departmentCode ? ` · ${session.user.departmentCode.toUpperCase()}` : ''}）
          </span>
          <label style={{ color: '#fff' }}>
            <Space>
              大字模式
              <Switch checked={large} onChange={setLargeText} aria-label="大字模式（适老化）" />
            </Space>
          </label>
          <NoticesBell />
          <Button onClick={() => setSession(null)}>退出登录</Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider breakpoint="md" collapsedWidth={0} theme="light" width={200}>
          <nav aria-label="功能菜单">
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={entries.map((e) => ({ key: e.path, label: <Link to={e.path}>{e.label}</Link> }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main" style={{ padding: 16 }}>
          <Suspense fallback={<Loading />}>
            <Routes>
              {mine.map((w) => (
                <Route key={w.base} path={`${w.base.slice(1)}/*`} element={<w.component />} />
              ))}
              <Route path="*" element={<Navigate to={HOME_PATHS[session.user.role]} replace />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
