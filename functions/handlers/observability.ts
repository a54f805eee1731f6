/**
 * Structured logs and metrics of the Lambda handlers, with Powertools: one JSON line per request
 * or pass (CloudWatch Logs Insights queries them by field) and CloudWatch metrics in the
 * embedded metric format (EMF: written to stdout, no PutMetricData call, no extra permission).
 *
 * What may be logged: ids (request, agency, region, year, revision), routes, outcomes, counts,
 * durations and error messages. Never a token, an Authorization header, a report body or an
 * e-mail body: callers pass only those fields.
 *
 * Outside Lambda (npm start, tests, the CLI) the same handlers run: there the logger is silent
 * and metrics are dropped, so the local runtime's own log lines stay as they are.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const onLambda = (): boolean => Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);

/** The CloudWatch namespace of every nianbao metric (the alarms in infra/ read it). */
export const METRIC_NAMESPACE = 'nianbao';

export const logger = new Logger({ serviceName: 'nianbao', logLevel: onLambda() ? 'INFO' : 'SILENT' });
export const metrics = new Metrics({ namespace: METRIC_NAMESPACE, serviceName: 'nianbao' });

/** Counts `value` of `name` (a Count metric) in the current invocation's batch. */
export function count(name: MetricName, value = 1, dimensions?: Record<string, string>): void {
  if (value <= 0 && name !== 'UnpublishedBacklog') return;
  if (dimensions) {
    // A metric with its own dimension goes out alone (written at once), so the dimension does
    // not stick to the invocation's other metrics.
    if (!onLambda()) return;
    const single = metrics.singleMetric();
    for (const [k, v] of Object.entries(dimensions)) single.addDimension(k, v);
    single.addMetric(name, MetricUnit.Count, value);
    return;
  }
  metrics.addMetric(name, MetricUnit.Count, value);
}

/** Writes the invocation's metrics (on Lambda) or drops them (elsewhere). */
export function flushMetrics(): void {
  if (!metrics.hasStoredMetrics()) return;
  if (onLambda()) metrics.publishStoredMetrics();
  else metrics.clearMetrics();
}

/** The metric names, in one place: docs/deploy.md lists them, the alarms read some. */
export type MetricName =
  | 'Submissions'
  | 'Rejections'
  | 'Publishes'
  | 'PublishFailures'
  | 'RemindersSent'
  | 'ReminderFailures'
  | 'Repaired'
  | 'UnpublishedBacklog'
  | 'UnreadableRecords';
