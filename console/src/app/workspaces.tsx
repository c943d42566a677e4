// One workspace per role: where each role lands, its menu, and the chunk that holds it.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../lib/session';

export interface MenuEntry {
  path: string;
  label: string;
  /** Only for these roles of the workspace (default: all of them). */
  roles?: Role[];
}

export interface Workspace {
  /** URL prefix, e.g. `/window`. */
  base: string;
  title: string;
  roles: Role[];
  menu: MenuEntry[];
  component: LazyExoticComponent<ComponentType>;
}

export const WORKSPACES: Workspace[] = [
  {
    base: '/window',
    title: '窗口受理',
    roles: ['clerk'],
    menu: [
      { path: '/window', label: '窗口待办' },
      { path: '/window/register', label: '收件登记' },
      { path: '/window/search', label: '办件查询' },
      { path: '/window/copied', label: '抄送我的' },
    ],
    component: lazy(() => import('../features/window')),
  },
  {
    base: '/review',
    title: '部门审批',
    roles: ['officer', 'leader'],
    menu: [
      { path: '/review', label: '待办' },
      { path: '/review/done', label: '已办' },
      { path: '/review/cases', label: '部门办件' },
      { path: '/review/copied', label: '抄送我的' },
      { path: '/review/oversight', label: '督办与问责', roles: ['leader'] },
    ],
    component: lazy(() => import('../features/review')),
  },
  {
    base: '/supervision',
    title: '效能监察',
    roles: ['supervisor'],
    menu: [
      { path: '/supervision', label: '电子监察' },
      { path: '/supervision/metrics', label: '效能统计' },
      { path: '/supervision/orders', label: '督办与问责' },
      { path: '/supervision/complaints', label: '效能投诉' },
      { path: '/supervision/evaluations', label: '好差评' },
    ],
    component: lazy(() => import('../features/supervision')),
  },
  {
    base: '/agent',
    title: '代办服务',
    roles: ['agent'],
    menu: [
      { path: '/agent', label: '我的项目' },
      { path: '/agent/cases', label: '代办办件' },
    ],
    component: lazy(() => import('../features/agent')),
  },
  {
    base: '/admin',
    title: '系统管理',
    roles: ['admin'],
    menu: [
      { path: '/admin', label: '工作日历' },
      { path: '/admin/users', label: '用户管理' },
      { path: '/admin/catalogue', label: '事项目录' },
      { path: '/admin/operations', label: '运维链接' },
    ],
    component: lazy(() => import('../features/admin')),
  },
];

export const workspaceOf = (role: Role): Workspace | undefined => WORKSPACES.find((w) => w.roles.includes(role));
