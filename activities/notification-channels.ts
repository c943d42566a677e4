// Delivery channels for the notification sender. Each passes the row's dedupeKey on as an
// idempotency key: a row reclaimed after a sender crash may reach a channel twice.
import type { Logger } from 'pino';
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

const defaultSmsText = (message: OutgoingNotification): string =>
  `[${message.template}] ${JSON.stringify(message.payload)}`;

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

/** 'log' always; 'webhook' when NOTIFY_WEBHOOK_URL is set; 'sms' through the unconfigured provider. */
export function channelsFromEnv(env: NodeJS.ProcessEnv, logger: Logger): NotificationChannel[] {
  const channels = [logChannel(logger)];
  if (env.NOTIFY_WEBHOOK_URL) channels.push(webhookChannel({ url: env.NOTIFY_WEBHOOK_URL }));
  channels.push(smsChannel(unconfiguredSmsProvider));
  return channels;
}
