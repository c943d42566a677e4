// Delivery channels for the notification sender. Each passes the row's dedupeKey on as an
// idempotency key: a row reclaimed after a sender crash may reach a channel twice.
import type { Logger } from 'pino';
import { DEFAULT_SERVICE_CENTER_NAME } from '../config';
import { noticeText } from '../domain/notice-text';
import type { NotificationChannel, OutgoingNotification } from './notification-sender';

/** Writes the notice to the structured log; the channel every deployment has. */
export function logChannel(logger: Logger): NotificationChannel {
  const log = logger.child({ component: 'notification-log' });
  return {
    name: 'log',
    async send(message) {
      log.info({ notification: message }, `notice ${message.template} to ${message.recipientRole} ${message.recipient}`);
    },
  };
}

export interface WebhookOptions {
  url: string;
  timeoutMs?: number;
}

/** POSTs the notice as JSON; any answer other than 2xx, or no answer in time, is a failed attempt. */
export function webhookChannel({ url, timeoutMs = 5000 }: WebhookOptions): NotificationChannel {
  return {
    name: 'webhook',
    async send(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': message.dedupeKey },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Read the body either way so the connection is released back to the pool.
      const body = await response.text();
      if (!response.ok) {
        throw new Error(`webhook answered ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`);
      }
    },
  };
}

export interface SmsProvider {
  sendSms(phone: string, text: string, idempotencyKey: string): Promise<void>;
}

/** The text an applicant reads: `【signature】title：body`, in the 消息中心's wording (domain/notice-text.ts). */
export function smsText(message: Pick<OutgoingNotification, 'template' | 'payload'>, signature: string = DEFAULT_SERVICE_CENTER_NAME): string {
  const { title, body } = noticeText(message.template, message.payload);
  return `【${signature}】${title}${body ? `：${body.replaceAll('\n', '；')}` : ''}`;
}
const defaultSmsText = (message: OutgoingNotification): string => smsText(message);

/** Texts the recipient, which must be a phone number. */
export function smsChannel(provider: SmsProvider, render: (message: OutgoingNotification) => string = defaultSmsText): NotificationChannel {
  return {
    name: 'sms',
    async send(message) {
      await provider.sendSms(message.recipient, render(message), message.dedupeKey);
    },
  };
}

/** Stands in until a real gateway is wired, so SMS rows fail visibly instead of vanishing. */
export const unconfiguredSmsProvider: SmsProvider = {
  async sendSms() {
    throw new Error('no SMS provider configured');
  },
};

export interface SmsBridgeOptions {
  /** The bridge's endpoint: it answers 2xx once the gateway took the message. */
  url: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string;
  timeoutMs?: number;
}

/**
 * The SMS bridge: POSTs `{phone, text}` as JSON with the row's `Idempotency-Key`, to a small
 * service beside the deployment that hands it to the SMS gateway the center contracts (Aliyun,
 * Tencent Cloud, a carrier's). Any other answer than 2xx, or none in time, is a failed attempt
 * the outbox retries. The contract is in docs/operations.md.
 */
export function smsBridgeProvider({ url, token, timeoutMs = 5000 }: SmsBridgeOptions): SmsProvider {
  return {
    async sendSms(phone, text, idempotencyKey) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ phone, text }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`SMS bridge answered ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`);
    },
  };
}

/**
 * 'log' always; 'webhook' when NOTIFY_WEBHOOK_URL is set; 'sms' through the bridge at
 * SMS_BRIDGE_URL (SMS_BRIDGE_TOKEN; texts signed with SERVICE_CENTER_NAME), else through the
 * unconfigured provider, so SMS rows fail visibly.
 */
export function channelsFromEnv(env: NodeJS.ProcessEnv, logger: Logger): NotificationChannel[] {
  const channels = [logChannel(logger)];
  if (env.NOTIFY_WEBHOOK_URL) channels.push(webhookChannel({ url: env.NOTIFY_WEBHOOK_URL }));
  const signature = env.SERVICE_CENTER_NAME?.trim() || DEFAULT_SERVICE_CENTER_NAME;
  const provider = env.SMS_BRIDGE_URL ? smsBridgeProvider({ url: env.SMS_BRIDGE_URL, ...(env.SMS_BRIDGE_TOKEN ? { token: env.SMS_BRIDGE_TOKEN } : {}) }) : unconfiguredSmsProvider;
  channels.push(smsChannel(provider, (message) => smsText(message, signature)));
  return channels;
}
