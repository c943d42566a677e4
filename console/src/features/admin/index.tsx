// 管理员 workspace: the working-day calendar, user accounts, the catalogue and the operators' links.
import { Navigate, Route, Routes } from 'react-router';
import { CalendarPage } from './components/CalendarPage';
import { CataloguePage } from './components/CataloguePage';
import { OperationsPage } from './components/OperationsPage';
import { UsersPage } from './components/UsersPage';

export default function AdminWorkspace() {
  return (
    <Routes>
      <Route index element={<CalendarPage />} />
      <Route path="users" element={<UsersPage />} />
      <Route path="catalogue" element={<CataloguePage />} />
      <Route path="operations" element={<OperationsPage />} />
      <Route path="*" element={<Navigate to="/admin" replace />} />
    </Routes>
  );
}
