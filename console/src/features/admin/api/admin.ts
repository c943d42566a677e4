// The admin's calls: the working-day calendar, user accounts and the catalogue. Answers are typed
// here; requests come from the OpenAPI document.
import { api, unwrap } from '../../../lib/api';
import type { Role } from '../../../lib/session';
import type { Department, Matter } from '../../../lib/types';
import type { paths } from '../../../lib/api-schema';

type JsonBody<M> = M extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Post<P extends keyof paths> = paths[P] extends { post: infer M } ? JsonBody<M> : never;
type Put<P extends keyof paths> = paths[P] extends { put: infer M } ? JsonBody<M> : never;
type Patch<P extends keyof paths> = paths[P] extends { patch: infer M } ? JsonBody<M> : never;

export type DayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string | null;
  /** published (the State Council's schedule), override (an admin's edit), provisional (computed). */
  source: string;
}

export interface CalendarYear {
  year: number;
  provisional: boolean;
  days: CalendarDay[];
}

export interface DayAnswer {
  date: string;
  kind: string;
  name: string | null;
  working: boolean;
  provisional: boolean;
  source: string | null;
}

export interface UserAccount {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  locked: boolean;
  lockedUntil: string | null;
  active: boolean;
}

export interface CatalogueMatter extends Matter {
  requires: string[];
  stage: string | null;
}

export const getCalendarYear = (year: number) =>
  unwrap<CalendarYear>(api.GET('/api/calendar/days', { params: { query: { year: String(year) } } }));

export const setCalendarDay = (date: string, body: Put<'/api/calendar/days/{date}'>) =>
  unwrap<DayAnswer>(api.PUT('/api/calendar/days/{date}', { params: { path: { date } }, body }));

export const restoreCalendarDay = (date: string) =>
  unwrap<DayAnswer>(api.DELETE('/api/calendar/days/{date}', { params: { path: { date } } }));

export const getUsers = () => unwrap<UserAccount[]>(api.GET('/api/users', { params: { query: {} } }));

export const createUser = (body: Post<'/api/users'>) => unwrap<UserAccount>(api.POST('/api/users', { body }));

const user = (id: number) => ({ params: { path: { id: String(id) } } });

export const updateUser = (id: number, body: Patch<'/api/users/{id}'>) =>
  unwrap<UserAccount>(api.PATCH('/api/users/{id}', { ...user(id), body }));

export const setPassword = (id: number, body: Post<'/api/users/{id}/password'>) =>
  unwrap<UserAccount>(api.POST('/api/users/{id}/password', { ...user(id), body }));

export const unlockUser = (id: number) => unwrap<UserAccount>(api.POST('/api/users/{id}/unlock', { ...user(id), body: {} }));

export const getMatters = () => unwrap<CatalogueMatter[]>(api.GET('/api/matters'));

export const getDepartments = () => unwrap<Department[]>(api.GET('/api/departments'));

export type MatterBody = Post<'/api/matters'>;

export const createMatter = (body: MatterBody) => unwrap<CatalogueMatter>(api.POST('/api/matters', { body }));

export const replaceMatter = (code: string, body: Put<'/api/matters/{code}'>) =>
  unwrap<CatalogueMatter>(api.PUT('/api/matters/{code}', { params: { path: { code } }, body }));

export const createDepartment = (body: Post<'/api/departments'>) => unwrap<Department>(api.POST('/api/departments', { body }));
