// Walks one case through the running system over HTTP: create, accept, claim and approve every
// step, deliver. Used by .ci/run against `npm start`; exits non-zero on the first surprise.
const base = process.env.API_URL ?? 'http://127.0.0.1:3000';
const password = process.env.DEMO_PASSWORD ?? 'demo-password';

async function call<T>(method: string, path: string, token?: string, body?: unknown, expected = 200): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${method} ${path} → ${res.status} (expected ${expected}): ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const login = async (username: string): Promise<string> =>
  (await call<{ token: string }>('POST', '/api/auth/login', undefined, { username, password })).token;

async function main(): Promise<void> {
  await call('GET', '/healthz');
  const clerk = await login('clerk1');
  const matters = await call<{ code: string; departmentCode: string; materials: { code: string }[] }[]>('GET', '/api/matters', clerk);
  const chosen = matters.filter((m) => m.departmentCode === 'zrj' || m.departmentCode === 'hbj').slice(0, 2);
  const created = await call<{ id: string; trackingCode: string; status: string }>('POST', '/api/cases', clerk, {
    applicant: { name: '示例建设有限公司', phone: '13800001234' },
    matterCodes: chosen.map((m) => m.code),
    channel: 'standard',
    materials: chosen.flatMap((m) => m.materials.map(({ code }) => ({ code }))),
  }, 201);
  await call('POST', `/api/cases/${created.id}/accept`, clerk, {});
  for (const matter of chosen) {
    const officer = await login(`officer-${matter.departmentCode}`);
    const inbox = await call<{ id: string; caseId: string }[]>('GET', '/api/inbox', officer);
    const step = inbox.find((s) => s.caseId === created.id);
    if (!step) throw new Error(`step of ${matter.code} missing from the inbox of officer-${matter.departmentCode}`);
    await call('POST', `/api/steps/${step.id}/claim`, officer, {});
    await call('POST', `/api/steps/${step.id}/approve`, officer, { opinion: '材料齐全，符合法定条件，同意。' });
  }
  const decided = await waitForStatus(clerk, created.id, 'approved');
  const delivered = await call<{ status: string }>('POST', `/api/cases/${created.id}/deliver`, clerk, {});
  if (delivered.status !== 'delivered') throw new Error(`case ended ${delivered.status}`);
  console.log(`smoke: case ${created.id} ${decided} → delivered`);
}

async function waitForStatus(token: string, id: string, status: string): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
    const found = await call<{ status: string }>('GET', `/api/cases/${id}`, token);
    if (found.status === status) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`case ${id} never became ${status}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
