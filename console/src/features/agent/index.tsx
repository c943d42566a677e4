// 代办员 workspace: my projects with their ledger (工作台帐), my cases, materials owed, 催办 and 半月汇报.
import { Navigate, Route, Routes } from 'react-router';
import { CasesPage } from './components/CasesPage';
import { ProjectPage } from './components/ProjectPage';
import { ProjectsPage } from './components/ProjectsPage';

export default function AgentWorkspace() {
  return (
    <Routes>
      <Route index element={<ProjectsPage />} />
      <Route path="projects/:id" element={<ProjectPage />} />
      <Route path="cases" element={<CasesPage />} />
      <Route path="*" element={<Navigate to="/agent" replace />} />
    </Routes>
  );
}
