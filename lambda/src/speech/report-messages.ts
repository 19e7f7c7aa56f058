import type { DeliveryMetrics } from '../domain/delivery-report';
import type { ReportPeriod } from '../domain/report-period';
import type { Where } from './messages';
import type { Ssml } from './ssml';

/** A delivery report as the words need it: the period, a row per service and environment, what was left out. */
export interface ReportSpeech {
  readonly period: ReportPeriod;
  readonly rows: readonly { readonly where: Where; readonly metrics: DeliveryMetrics }[];
  readonly leftOut: readonly { readonly where: Where; readonly reason: 'time' | 'error' }[];
  /** The one service every row is about, when the request named one. */
  readonly service?: string;
}

/** The sentences and card of "how are we doing?", per locale. */
export interface ReportMessages {
  /** At most three or four short sentences, whatever the number of services: totals, the worst, the pipelines. */
  report(report: ReportSpeech): Ssml;
  /** Every number of every row, as plain text for the Alexa app (at most 8000 characters). */
  reportCard(report: ReportSpeech): { readonly title: string; readonly text: string };
  askReportPeriod(heard: string | undefined): Ssml;
  reportPeriodTooLong(days: number, maxDays: number): Ssml;
  reportPeriodTooShort(): Ssml;
  unknownReportEnvironment(heard: string, choices: readonly string[]): Ssml;
}
