// 效能办 workspace: the live 电子监察 board, metrics, 督办 and 问责, complaints and ratings.
import { Navigate, Route, Routes } from 'react-router';
import { BoardPage } from './components/BoardPage';
import { ComplaintsPage } from './components/ComplaintsPage';
import { EvaluationsPage } from './components/EvaluationsPage';
import { MetricsPage } from './components/MetricsPage';
import { OrdersPage } from './components/OrdersPage';

export default function SupervisionWorkspace() {
  return (
    <Routes>
      <Route index element={<BoardPage />} />
      <Route path="metrics" element={<MetricsPage />} />
      <Route path="orders" element={<OrdersPage />} />
      <Route path="complaints" element={<ComplaintsPage />} />
      <Route path="evaluations" element={<EvaluationsPage />} />
      <Route path="*" element={<Navigate to="/supervision" replace />} />
    </Routes>
  );
}
