import { describe, expect, it } from 'vitest';
import { digestEmail, failedCheckEmail, reminderEmail, timeLeft } from '../../functions/render/email/email-templates.js';

const XSS = '<img src=x onerror=alert(1)>王店镇';

describe('e-mail templates', () => {
  it('say days left, the day itself, or days overdue', () => {
    expect(timeLeft('2024-01-31', '2024-01-28')).toBe('距截止还有 3 天');
    expect(timeLeft('2024-01-31', '2024-01-31')).toBe('今天截止');
    expect(timeLeft('2024-01-31', '2024-02-06')).toBe('已逾期 6 天');
  });

  it('a reminder carries agency, year, deadline, time left and the sign-in link, in text and HTML', () => {
    const mail = reminderEmail({
      agencyName: '王店镇人民政府',
      year: 2023,
      deadline: '2024-01-31',
      today: '2024-01-24',
      signInUrl: 'http://127.0.0.1:3000/file/#token=abc',
    });
    expect(mail.subject).toContain('王店镇人民政府2023年度');
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('2024年1月31日');
      expect(body).toContain('距截止还有 7 天');
      expect(body).toContain('http://127.0.0.1:3000/file/#token=abc');
    }
  });

  it('escapes agency names and finding text in HTML', () => {
    const mail = failedCheckEmail({
      agencyName: XSS,
      year: 2023,
      deadline: '2024-01-31',
      today: '2024-01-20',
      errors: [{ label: '三、本年度办理结果 （七）总计 / 自然人', message: '<script>x</script>应为3' }],
      formUrl: 'http://127.0.0.1:3000/file/',
      attempts: 2,
    });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;王店镇');
    expect(mail.text).toContain('1. 三、本年度办理结果 （七）总计 / 自然人：<script>x</script>应为3');
    expect(mail.text).toContain('近一小时内共 2 次提交');
  });

  it('a digest lists every overdue agency and every failed filing', () => {
    const mail = digestEmail({
      region: '411325',
      year: 2023,
      deadline: '2024-01-31',
      today: '2024-02-07',
      overdue: [
        { agencyName: '王店镇人民政府', status: '草稿' },
        { agencyName: XSS, status: '未开始' },
      ],
      failed: [{ agencyName: '某县自然资源局', errorCount: 3, lastAttemptAt: '2024-02-05 10:00' }],
      boardUrl: 'http://127.0.0.1:3000/review/',
    });
    expect(mail.subject).toContain('2 个单位逾期未提交');
    expect(mail.text).toContain('- 王店镇人民政府（草稿）');
    expect(mail.text).toContain('某县自然资源局：最近一次提交有 3 处错误');
    expect(mail.html).not.toContain('<img');
  });
});
