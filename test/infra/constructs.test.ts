import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { DailySchedule } from '../../infra/constructs/daily-schedule.js';
import { DeadLetterQueue } from '../../infra/constructs/dead-letter-queue.js';
import { DIRECTORY_INDEX_CODE } from '../../infra/constructs/directory-index.js';
import { pascal, presentEventHandlers } from '../../infra/handler-catalog.js';
import { STAGES, stageConfig } from '../../infra/stage-config.js';
import { staticFiles } from '../../infra/static-files.js';

describe('DailySchedule', () => {
  it('invokes its function daily at 09:00 Asia/Shanghai by default, with retries and a dead-letter queue', () => {
    const stack = new Stack(new App(), 'Test');
    const fn = new LambdaFunction(stack, 'Fn', { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('export const handler=()=>{}') });
    const deadLetterQueue = new DeadLetterQueue(stack, 'Dlq').queue;
    new DailySchedule(stack, 'Daily', { fn, deadLetterQueue });
    const template = Template.fromStack(stack);
    const schedule = Object.values(template.findResources('AWS::Scheduler::Schedule'))[0] as { Properties: Record<string, any> };
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 9 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
    });
    expect(schedule.Properties.Target).toMatchObject({ RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 6 * 3600 } });
    expect(JSON.stringify(schedule.Properties.Target.DeadLetterConfig)).toContain('Dlq');
    expect(JSON.stringify(schedule.Properties.Target.Arn)).toContain('Fn');
  });
});

describe('directory index CloudFront function', () => {
  const run = (uri: string, querystring: Record<string, { value: string }> = {}) =>
    runInNewContext(`${DIRECTORY_INDEX_CODE}\nhandler(event)`, { event: { request: { uri, querystring } } }) as Record<string, any>;

  it('serves a directory URL from its index.html', () => {
    expect(run('/411325/2023/').uri).toBe('/411325/2023/index.html');
    expect(run('/file/').uri).toBe('/file/index.html');
  });

  it('leaves files alone', () => {
    expect(run('/assets/site.css').uri).toBe('/assets/site.css');
    expect(run('/411325/2023/all-reports.csv').uri).toBe('/411325/2023/all-reports.csv');
  });

  it('redirects an extension-less path to its directory, keeping the query', () => {
    expect(run('/file')).toEqual({ statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '/file/' } } });
    expect(run('/file', { token: { value: 'abc' } }).headers.location.value).toBe('/file/?token=abc');
  });
});

describe('stage configuration', () => {
  it('defaults to dev; prod protects data', () => {
    expect(stageConfig({}).stage).toBe('dev');
    expect(STAGES.prod.protectData).toBe(true);
    expect(STAGES.dev.protectData).toBe(false);
  });

  it('takes a custom domain only with its certificate', () => {
    expect(() => stageConfig({ stage: 'prod', domainName: 'a.example.gov.cn' })).toThrow(/certificateArn/);
    expect(stageConfig({ stage: 'prod', domainName: 'a.example.gov.cn', certificateArn: 'arn:x' }).domain).toEqual({
      domainName: 'a.example.gov.cn',
      certificateArn: 'arn:x',
    });
  });

  it('refuses an unknown stage', () => {
    expect(() => stageConfig({ stage: 'staging' })).toThrow(/unknown stage/);
  });

  it('refuses a sender that is not an e-mail address, and takes createMailIdentity as true or "true"', () => {
    expect(() => stageConfig({ mailFrom: 'example.gov.cn' })).toThrow(/not an e-mail address/);
    expect(stageConfig({}).createMailIdentity).toBe(false);
    expect(stageConfig({ createMailIdentity: 'true' }).createMailIdentity).toBe(true);
    expect(stageConfig({ createMailIdentity: true }).createMailIdentity).toBe(true);
    expect(stageConfig({ createMailIdentity: 'no' }).createMailIdentity).toBe(false);
  });

  it('checks the reminder policy at synth: JSON text or an object, valid, small enough for a Lambda environment', () => {
    expect(stageConfig({}).reminderPolicy).toBeUndefined();
    expect(stageConfig({ reminderPolicy: '{"overdueEvery": 5}' }).reminderPolicy).toBe('{"overdueEvery":5}');
    expect(stageConfig({ reminderPolicy: { overdueEvery: 5 } }).reminderPolicy).toBe('{"overdueEvery":5}');
    expect(() => stageConfig({ reminderPolicy: '{overdueEvery: 5}' })).toThrow(/not JSON/);
    expect(() => stageConfig({ reminderPolicy: { overdueEvry: 5 } })).toThrow(/reminderPolicy/);
    const regions = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [String(411300 + i), { firstYear: 2024, deadlines: { department: '02-10' } }]));
    expect(() => stageConfig({ reminderPolicy: { regions } })).toThrow(/bytes/);
  });
});

describe('handler catalog', () => {
  it('names constructs in PascalCase from module names', () => {
    expect(pascal('list-region-filings')).toBe('ListRegionFilings');
  });

  it('wires an event handler only when its entry file exists', () => {
    expect(presentEventHandlers((m) => m === 'remind')).toEqual({ remind: 'remind' });
    expect(presentEventHandlers(() => false)).toEqual({});
  });
});

describe('static files', () => {
  it('builds the form and returns it (with its chunks) under file/ with the site stylesheet and search script under assets/ and the report.json schema under schema/, with UTF-8 types', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-form-'));
    try {
      const files = await staticFiles(dir);
      const keys = files.map((f) => f.key).sort();
      // the form's document readers, loaded on demand, each its own chunk
      const chunks = keys.filter((k) => k.startsWith('file/chunks/'));
      expect(chunks.map((k) => k.replace(/-[A-Z0-9]+\.js$/, ''))).toEqual(
        expect.arrayContaining(['file/chunks/read-docx', 'file/chunks/read-xlsx']),
      );
      expect(keys.filter((k) => !chunks.includes(k))).toEqual([
        'assets/search.js',
        'assets/site.css',
        'file/form.css',
        'file/form.js',
        'file/index.html',
        'review/index.html',
        'review/review.css',
        'review/review.js',
        'schema/report.json',
      ]);
      for (const file of files) {
        expect(file.body.length).toBeGreaterThan(0);
        expect(file.contentType).toMatch(/charset=utf-8$/);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
