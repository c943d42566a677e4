// 部门审批 workspace (officer, leader): inbox, decided and department cases, the cases copied to
// them (抄送我的) and the case page, the step page, and the leader's 督办 / 问责 view.
import { Route, Routes } from 'react-router';
import { CopiedCasesPage } from '../../components/CopiedCases';
import { CasePage } from './components/CasePage';
import { CasesPage } from './components/CasesPage';
import { InboxPage } from './components/InboxPage';
import { OversightPage } from './components/OversightPage';
import { StepPage } from './components/StepPage';

export default function ReviewWorkspace() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path="done" element={<CasesPage done />} />
      <Route path="cases" element={<CasesPage done={false} />} />
      <Route path="copied/:id" element={<CasePage />} />
      <Route path="copied" element={<CopiedCasesPage caseLink={(kase) => `/review/copied/${kase.id}`} />} />
      <Route path="oversight" element={<OversightPage />} />
      <Route path="steps/:id" element={<StepPage />} />
    </Routes>
  );
}
