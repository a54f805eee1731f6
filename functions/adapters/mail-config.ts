/** Reminder and e-mail settings, parsed once; the table and endpoints come from config.ts. */
import { z } from 'zod';
import { ReminderPolicy } from '../domain/reminders/deadline-policy.js';

export const MailConfig = z.object({
  /** the verified SES identity mail is sent from */
  NIANBAO_MAIL_FROM: z.string().min(3).default('nianbao@example.org'),
  /** the SES configuration set whose event destination (SNS) reports bounces and complaints */
  NIANBAO_SES_CONFIGURATION_SET: z.string().min(1).default('nianbao'),
  /** the reminder policy as JSON (deadline-policy.ts); empty: the legal defaults */
  NIANBAO_REMINDER_POLICY: z
    .string()
    .optional()
    .transform((text, ctx) => {
      try {
        return ReminderPolicy.parse(text ? JSON.parse(text) : {});
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `NIANBAO_REMINDER_POLICY: ${(error as Error).message}` });
        return z.NEVER;
      }
    }),
});
export type MailConfig = z.infer<typeof MailConfig>;

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  return MailConfig.parse(env);
}
