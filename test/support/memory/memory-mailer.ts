/**
 * The Mailer port in memory: what was sent, in order. `failNext(n)` makes the next n sends
 * reject as SES does when throttled; nothing is recorded for them.
 */
import type { Mailer, OutgoingEmail } from '../../../functions/services/reminder-ports.js';

export class MemoryMailer implements Mailer {
  readonly sent: (OutgoingEmail & { messageId: string })[] = [];
  private failures = 0;
  attempts = 0;

  failNext(n: number): void {
    this.failures = n;
  }

  async send(mail: OutgoingEmail): Promise<{ messageId: string }> {
    this.attempts++;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('Throttling: Maximum sending rate exceeded.');
    }
    const messageId = `memory-${this.sent.length + 1}`;
    this.sent.push({ ...structuredClone(mail), messageId });
    return { messageId };
  }

  /** mail addressed to any of these addresses, oldest first */
  to(...addresses: string[]): (OutgoingEmail & { messageId: string })[] {
    const wanted = new Set(addresses.map((a) => a.toLowerCase()));
    return this.sent.filter((m) => m.to.some((t) => wanted.has(t.toLowerCase())));
  }
}
