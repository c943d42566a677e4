// The app shell: zh-CN locale, the larger-text mode, and the routes. Each workspace and the public
// pages are separate chunks, loaded when first visited.
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { useLargeText } from '../lib/preferences';
import { RequireSession } from './RequireSession';

dayjs.locale('zh-cn');

const SignInPage = lazy(() => import('../features/auth').then((m) => ({ default: m.SignInPage })));
const TrackPage = lazy(() => import('../features/track'));
const Shell = lazy(() => import('./Shell'));

export function Loading() {
  return <Spin style={{ display: 'block', margin: '80px auto' }} tip="正在加载…"><div style={{ minHeight: 40 }} /></Spin>;
}

export function Root() {
  const large = useLargeText();
  useEffect(() => {
    document.documentElement.style.fontSize = large ? '20px' : '16px';
  }, [large]);
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { fontSize: large ? 18 : 14, colorPrimary: '#1d4ed8' } }}
      button={{ autoInsertSpace: false }}
      componentSize={large ? 'large' : 'middle'}
    >
      <AntApp>
        <BrowserRouter>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/login" element={<SignInPage />} />
              <Route path="/track/*" element={<TrackPage />} />
              <Route element={<RequireSession />}>
                <Route path="/*" element={<Shell />} />
              </Route>
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
