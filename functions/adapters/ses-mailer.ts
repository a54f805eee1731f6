/** The Mailer port on SES v2 `SendEmail`: simple content in UTF-8, a configuration set, tags. */
import { LOCAL_CREDENTIALS, type Settings } from '../settings.js';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingEmail } from '../services/reminder-ports.js';

export function createSesClient(cfg: Pick<Settings, 'AWS_REGION' | 'NIANBAO_SES_ENDPOINT'>): SESv2Client {
  return new SESv2Client({
    region: cfg.AWS_REGION,
    // A hung SES must fail the send well inside the reminder claim's lease (15 minutes),
    // or a later pass could take the claim over and send the same mail twice.
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 15_000 },
    ...(cfg.NIANBAO_SES_ENDPOINT ? { endpoint: cfg.NIANBAO_SES_ENDPOINT, credentials: LOCAL_CREDENTIALS } : {}),
  });
}

/** SES tag values allow only these characters. */
const tagValue = (v: string) => v.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);

export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
    private readonly configurationSet: string,
  ) {}

  async send(mail: OutgoingEmail): Promise<{ messageId: string }> {
    const utf8 = (Data: string) => ({ Data, Charset: 'UTF-8' });
    const out = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: mail.to },
        Content: { Simple: { Subject: utf8(headerLine(mail.subject)), Body: { Text: utf8(mail.text), Html: utf8(mail.html) } } },
        ConfigurationSetName: this.configurationSet,
        ...(mail.tags ? { EmailTags: Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value: tagValue(Value) })) } : {}),
      }),
    );
    return { messageId: out.MessageId ?? '' };
  }
}

/** A header is one line: whatever control character reaches a subject (a CR LF in a name) becomes a space. */
export function headerLine(text: string): string {
  return text.replace(/\p{Cc}+/gu, ' ').trim();
}
