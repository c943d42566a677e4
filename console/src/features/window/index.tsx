// 窗口受理 workspace (clerk): to-do, registration, search, the cases copied to the clerk (抄送我的)
// and the case page.
import { Route, Routes } from 'react-router';
import { CopiedCasesPage } from '../../components/CopiedCases';
import { CasePage } from './components/CasePage';
import { RegisterPage } from './components/RegisterPage';
import { SearchPage } from './components/SearchPage';
import { TodoPage } from './components/TodoPage';

export default function WindowWorkspace() {
  return (
    <Routes>
      <Route index element={<TodoPage />} />
      <Route path="register" element={<RegisterPage />} />
      <Route path="search" element={<SearchPage />} />
      <Route path="copied" element={<CopiedCasesPage caseLink={(kase) => `/window/cases/${kase.id}`} />} />
      <Route path="cases/:id" element={<CasePage />} />
    </Routes>
  );
}
