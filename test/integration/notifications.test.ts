// The notification outbox: enqueueing is idempotent per dedupeKey, and senders deliver each row
// exactly once through their channels, retrying with backoff, even when several drain at once.
import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { channelsFromEnv, logChannel, webhookChannel } from '../../activities/notification-channels';
import {
  createNotificationSender, type NotificationChannel, type OutgoingNotification, type SenderOptions,
} from '../../activities/notification-sender';
import { createNotificationActivities, type NotificationRequest } from '../../activities/notifications';
import { Notification } from '../../entities';
import { createDataSource, openDatabase } from '../../entities/data-source';
import { eventually } from '../support/eventually';
import { dropMysqlDatabase, freshMysqlDatabase } from '../support/mysql';

const silent = pino({ level: 'silent' });

function request(dedupeKey: string, overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  return {
    dedupeKey,
    channel: 'log',
    recipientRole: 'leader',
    recipient: 'dept:zrj',
    template: 'step.overdue',
    payload: { trackingCode: 'ABCDEFGH23', matterCode: 'ZRJ-001' },
    caseId: '0b6d3c2e-6a43-4a8e-9a57-1a2b3c4d5e6f',
    stepId: '0b6d3c2e-6a43-4a8e-9a57-1a2b3c4d5e6f-ZRJ-001',
    ...overrides,
  };
}

/** A channel that records what it delivers and fails its first `failures` sends. */
function recorder(name = 'log', failures = 0): NotificationChannel & { sent: OutgoingNotification[] } {
  const sent: OutgoingNotification[] = [];
  let toFail = failures;
  return {
    name,
    sent,
    async send(message) {
      // Yield so that concurrent senders really interleave.
      await new Promise((resolve) => setImmediate(resolve));
      if (toFail > 0) {
        toFail -= 1;
        throw new Error('gateway unavailable');
      }
      sent.push(message);
    },
  };
}

/** A clock the test moves by hand, starting safely after the rows' enqueue time. */
function manualClock() {
  const clock = { at: new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000), now: () => clock.at };
  return clock;
}

describe('notification outbox (MySQL)', function () {
  this.timeout(60_000);
  const database = `approval_test_notifications_${process.pid}`;
  let url: string;
  let db: DataSource;

  before(async () => {
    url = await freshMysqlDatabase(database);
    db = await openDatabase({ url, dataDir: 'data' });
  });
  after(async () => {
    await db?.destroy();
    await dropMysqlDatabase(database);
  });
  beforeEach(async () => {
    await db.getRepository(Notification).clear();
  });

  const enqueue = (...notifications: NotificationRequest[]) =>
    createNotificationActivities({ db }).enqueueNotifications({ notifications });
  const sender = (options: Partial<SenderOptions> & Pick<SenderOptions, 'channels'>) =>
    createNotificationSender({ db, logger: silent, ...options });
  const row = (dedupeKey: string) => db.getRepository(Notification).findOneByOrFail({ dedupeKey });

  it('when the same dedupeKey is enqueued twice, then there is one row and enqueued counts 1 then 0', async () => {
    expect(await enqueue(request('step-1:overdue:leader'))).to.deep.equal({ enqueued: 1 });
    expect(await enqueue(request('step-1:overdue:leader', { template: 'step.suspended' }))).to.deep.equal({ enqueued: 0 });

    const rows = await db.getRepository(Notification).find();
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({ dedupeKey: 'step-1:overdue:leader', template: 'step.overdue', status: 'pending', attempts: 0 });
    expect(rows[0].payload).to.deep.equal({ trackingCode: 'ABCDEFGH23', matterCode: 'ZRJ-001' });
  });

  it('when one call repeats a dedupeKey, then only the distinct keys are enqueued', async () => {
    const result = await enqueue(request('a'), request('b'), request('a'));
    expect(result).to.deep.equal({ enqueued: 2 });
    expect(await db.getRepository(Notification).count()).to.equal(2);
  });

  it('when the outbox is drained, then each pending row is sent exactly once and marked sent', async () => {
    await enqueue(
      request('step-1:overdue:leader'),
      request('case-1:suspended:applicant', { recipientRole: 'applicant', recipient: '13912345678', template: 'step.suspended', stepId: undefined }),
    );
    const channel = recorder();
    const outbox = sender({ channels: [channel] });

    expect(await outbox.drainOnce()).to.deep.equal({ sent: 2, retried: 0, failed: 0 });
    expect(await outbox.drainOnce()).to.deep.equal({ sent: 0, retried: 0, failed: 0 });

    expect(channel.sent.map((n) => [n.dedupeKey, n.attempt])).to.have.deep.members([
      ['step-1:overdue:leader', 1], ['case-1:suspended:applicant', 1],
    ]);
    expect(channel.sent.find((n) => n.recipientRole === 'applicant')).to.include({ recipient: '13912345678', stepId: null });
    for (const key of ['step-1:overdue:leader', 'case-1:suspended:applicant']) {
      const sent = await row(key);
      expect(sent).to.include({ status: 'sent', attempts: 1, lockedUntil: null });
      expect(sent.sentAt).to.be.instanceOf(Date);
    }
  });

  it('when a channel fails twice then succeeds, then the row is retried after the backoff and sent on the third attempt', async () => {
    await enqueue(request('step-2:overdue:leader'));
    const clock = manualClock();
    const channel = recorder('log', 2);
    const outbox = sender({ channels: [channel], now: clock.now });
    const t0 = clock.at.getTime();

    expect(await outbox.drainOnce()).to.deep.equal({ sent: 0, retried: 1, failed: 0 });
    let stored = await row('step-2:overdue:leader');
    expect(stored).to.include({ status: 'pending', attempts: 1, lastError: 'gateway unavailable' });
    expect(stored.nextAttemptAt.getTime()).to.equal(t0 + 2000); // default backoff(1) = 2 s

    clock.at = new Date(t0 + 1999);
    expect(await outbox.drainOnce(), 'not due yet').to.deep.equal({ sent: 0, retried: 0, failed: 0 });

    clock.at = new Date(t0 + 2000);
    expect(await outbox.drainOnce()).to.deep.equal({ sent: 0, retried: 1, failed: 0 });
    stored = await row('step-2:overdue:leader');
    expect(stored).to.include({ status: 'pending', attempts: 2 });
    expect(stored.nextAttemptAt.getTime()).to.equal(t0 + 2000 + 4000); // backoff(2) = 4 s

    clock.at = new Date(t0 + 6000);
    expect(await outbox.drainOnce()).to.deep.equal({ sent: 1, retried: 0, failed: 0 });
    stored = await row('step-2:overdue:leader');
    expect(stored).to.include({ status: 'sent', attempts: 3 });
    expect(stored.sentAt?.getTime()).to.equal(t0 + 6000);
    expect(channel.sent.map((n) => n.attempt)).to.deep.equal([3]);
  });

  it('when the attempts run out, then the row is failed with the last error', async () => {
    await enqueue(request('step-3:overdue:leader'));
    const outbox = sender({ channels: [recorder('log', 99)], maxAttempts: 2, backoff: () => 0 });

    expect(await outbox.drainOnce()).to.deep.equal({ sent: 0, retried: 1, failed: 0 });
    expect(await outbox.drainOnce()).to.deep.equal({ sent: 0, retried: 0, failed: 1 });
    expect(await outbox.drainOnce()).to.deep.equal({ sent: 0, retried: 0, failed: 0 });

    expect(await row('step-3:overdue:leader')).to.include({ status: 'failed', attempts: 2, lastError: 'gateway unavailable', sentAt: null });
  });

  it('when two senders drain 200 rows at once, then every row is sent exactly once in total', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `case-${i}:accepted:applicant`);
    expect(await enqueue(...keys.map((key) => request(key)))).to.deep.equal({ enqueued: 200 });
    // A second connection pool, as a second process would have.
    const otherDb = await createDataSource({ url, dataDir: 'data' }).initialize();
    try {
      const [a, b] = [recorder(), recorder()];
      const results = await Promise.all([
        sender({ channels: [a] }).drainOnce(),
        createNotificationSender({ db: otherDb, logger: silent, channels: [b] }).drainOnce(),
      ]);

      const delivered = [...a.sent, ...b.sent].map((n) => n.dedupeKey);
      expect(delivered).to.have.length(200);
      expect(new Set(delivered)).to.have.property('size', 200);
      expect(results[0].sent + results[1].sent).to.equal(200);
      const rows = await db.getRepository(Notification).find();
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).to.equal(true);
    } finally {
      await otherDb.destroy();
    }
  });

  it('when a sender died holding a lock, then the row is reclaimed once the lock expires and not before', async () => {
    await enqueue(request('expired'), request('held'));
    const clock = manualClock();
    const repo = db.getRepository(Notification);
    await repo.update({ dedupeKey: 'expired' }, { status: 'sending', attempts: 1, lockedUntil: new Date(clock.at.getTime() - 1) });
    await repo.update({ dedupeKey: 'held' }, { status: 'sending', attempts: 1, lockedUntil: new Date(clock.at.getTime() + 30_000) });
    const channel = recorder();

    expect(await sender({ channels: [channel], now: clock.now }).drainOnce()).to.deep.equal({ sent: 1, retried: 0, failed: 0 });

    expect(channel.sent.map((n) => [n.dedupeKey, n.attempt])).to.deep.equal([['expired', 2]]);
    expect(await row('expired')).to.include({ status: 'sent', attempts: 2, lockedUntil: null });
    expect(await row('held')).to.include({ status: 'sending', attempts: 1 });
  });

  it('when no channel is registered for a row, then the row is failed with the reason', async () => {
    await enqueue(request('webhook-only', { channel: 'webhook' }));
    const channel = recorder('log');

    expect(await sender({ channels: [channel] }).drainOnce()).to.deep.equal({ sent: 0, retried: 0, failed: 1 });

    expect(channel.sent).to.have.length(0);
    expect(await row('webhook-only')).to.include({ status: 'failed', lastError: 'no channel registered for "webhook"' });
  });

  it('when no SMS provider is configured, then SMS rows fail visibly with that reason', async () => {
    await enqueue(request('sms-1', { channel: 'sms', recipientRole: 'applicant', recipient: '13912345678' }));
    const channels = channelsFromEnv({}, silent);
    expect(channels.map((c) => c.name)).to.deep.equal(['log', 'sms']);
    expect(channelsFromEnv({ NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:1/hook' }, silent).map((c) => c.name))
      .to.deep.equal(['log', 'webhook', 'sms']);

    expect(await sender({ channels, maxAttempts: 1 }).drainOnce()).to.deep.equal({ sent: 0, retried: 0, failed: 1 });
    expect(await row('sms-1')).to.include({ status: 'failed', lastError: 'no SMS provider configured' });
  });

  it('when a notice goes through the log channel, then it is logged as structured JSON', async () => {
    await enqueue(request('logged'));
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => { lines.push(line); } });

    await sender({ channels: [logChannel(logger)] }).drainOnce();

    const entry = lines.map((line) => JSON.parse(line)).find((e) => e.notification?.dedupeKey === 'logged');
    expect(entry.notification).to.include({ template: 'step.overdue', recipientRole: 'leader', recipient: 'dept:zrj', attempt: 1 });
    expect(entry.notification.payload).to.deep.equal({ trackingCode: 'ABCDEFGH23', matterCode: 'ZRJ-001' });
  });

  it('when the sender is started, then it delivers on its interval until stopped', async () => {
    await enqueue(request('interval-1'));
    const channel = recorder();
    const outbox = sender({ channels: [channel] });
    outbox.start(20);
    try {
      await eventually(async () => expect(channel.sent).to.have.length(1));
    } finally {
      await outbox.stop();
    }
    await enqueue(request('after-stop'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(channel.sent.map((n) => n.dedupeKey)).to.deep.equal(['interval-1']);
    expect(await row('after-stop')).to.include({ status: 'pending' });
  });

  it('when stop is called during a slow send, then it returns only once that send is recorded', async () => {
    await enqueue(request('slow'));
    let entered = false;
    const slow: NotificationChannel = {
      name: 'log',
      async send() {
        entered = true;
        await new Promise((resolve) => setTimeout(resolve, 200));
      },
    };
    const outbox = sender({ channels: [slow] });
    outbox.start(10);
    await eventually(async () => expect(entered).to.equal(true));

    await outbox.stop();

    expect(await row('slow')).to.include({ status: 'sent', lockedUntil: null });
  });

  describe('webhook channel', () => {
    const received: { headers: http.IncomingHttpHeaders; body: unknown }[] = [];
    let status = 200;
    let server: http.Server;
    let hookUrl: string;

    before(async () => {
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 200 ? 'ok' : 'boom');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
    });
    after(async () => {
      await new Promise((resolve) => server.close(resolve));
    });
    beforeEach(() => {
      received.length = 0;
    });

    it('when the webhook answers 200, then it received the notice as JSON with the Idempotency-Key header', async () => {
      status = 200;
      await enqueue(request('step-4:overdue:leader', { channel: 'webhook' }));

      expect(await sender({ channels: [webhookChannel({ url: hookUrl })] }).drainOnce()).to.deep.equal({ sent: 1, retried: 0, failed: 0 });

      expect(received).to.have.length(1);
      expect(received[0].headers['idempotency-key']).to.equal('step-4:overdue:leader');
      expect(received[0].headers['content-type']).to.equal('application/json');
      expect(received[0].body).to.deep.include({
        dedupeKey: 'step-4:overdue:leader', channel: 'webhook', recipientRole: 'leader', recipient: 'dept:zrj',
        template: 'step.overdue', payload: { trackingCode: 'ABCDEFGH23', matterCode: 'ZRJ-001' }, attempt: 1,
      });
      expect(await row('step-4:overdue:leader')).to.include({ status: 'sent' });
    });

    it('when the webhook answers 500, then the attempt counts as failed and the row waits for a retry', async () => {
      status = 500;
      await enqueue(request('step-5:overdue:leader', { channel: 'webhook' }));

      expect(await sender({ channels: [webhookChannel({ url: hookUrl })] }).drainOnce()).to.deep.equal({ sent: 0, retried: 1, failed: 0 });

      expect(received).to.have.length(1);
      const stored = await row('step-5:overdue:leader');
      expect(stored).to.include({ status: 'pending', attempts: 1, sentAt: null });
      expect(stored.lastError).to.equal('webhook answered 500: boom');
      expect(stored.nextAttemptAt.getTime()).to.be.greaterThan(Date.now());
    });

    it('when an SMS bridge is configured, then the applicant\'s text goes to it in Chinese, signed with the center, with the key and the token', async () => {
      status = 200;
      await enqueue(request('case-1:delivered:applicant', {
        channel: 'sms', recipientRole: 'applicant', recipient: '13912345678', template: 'case.delivered', payload: { trackingCode: 'ABCDEFGH23' },
      }));
      const channels = channelsFromEnv({ SMS_BRIDGE_URL: hookUrl, SMS_BRIDGE_TOKEN: 'bridge-secret', SERVICE_CENTER_NAME: '星河区政务服务中心' }, silent);
      expect(channels.map((c) => c.name)).to.deep.equal(['log', 'sms']);

      expect(await sender({ channels }).drainOnce()).to.deep.equal({ sent: 1, retried: 0, failed: 0 });

      expect(received).to.have.length(1);
      expect(received[0].headers).to.include({ 'idempotency-key': 'case-1:delivered:applicant', authorization: 'Bearer bridge-secret' });
      expect(received[0].body).to.deep.equal({ phone: '13912345678', text: '【星河区政务服务中心】统一出件：办理结果可领取（受理编号 ABCDEFGH23）' });
      expect(await row('case-1:delivered:applicant')).to.include({ status: 'sent' });
    });

    it('when the SMS bridge answers 503, then the text waits for a retry with the reason', async () => {
      status = 503;
      await enqueue(request('case-2:delivered:applicant', { channel: 'sms', recipientRole: 'applicant', recipient: '13912345678', template: 'case.delivered' }));
      const channels = channelsFromEnv({ SMS_BRIDGE_URL: hookUrl }, silent);

      expect(await sender({ channels }).drainOnce()).to.deep.equal({ sent: 0, retried: 1, failed: 0 });

      expect(received[0].headers.authorization).to.equal(undefined);
      expect((received[0].body as { text: string }).text).to.match(/^【政务服务中心】统一出件/);
      expect(await row('case-2:delivered:applicant')).to.include({ status: 'pending', attempts: 1, lastError: 'SMS bridge answered 503: boom' });
    });
  });
});
