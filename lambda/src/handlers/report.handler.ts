import type { Response } from 'ask-sdk-model';
import type { SpokenValue } from '../domain/catalog';
import type { Target } from '../domain/release';
import { choosePeriod, MAX_REPORT_DAYS } from '../domain/report-period';
import type { Turn } from '../turn/turn';
import { shortened } from './target';

type Scope =
  | { readonly kind: 'targets'; readonly targets: readonly Target[]; readonly service?: string }
  | { readonly kind: 'asked'; readonly response: Response };

/**
 * "How did we do this week?": deployment frequency, change failure rate, time to restore and pipeline duration for
 * every service and environment the request covers (all of them when it names none), a few sentences spoken and
 * the full table on a card. Reads only.
 */
export async function report(turn: Turn): Promise<Response> {
  const { deps, speech } = turn;
  const scope = scopeOf(turn);
  if (scope.kind === 'asked') return scope.response;

  const period = turn.slot('period');
  const choice = choosePeriod({ name: period, duration: turn.slot('duration').heard }, deps.now(), deps.config.timeZone);
  switch (choice.kind) {
    case 'unclear':
      return turn.elicit('period', { duration: undefined }, speech.askReportPeriod(choice.heard === '?' ? undefined : shortened(choice.heard)));
    case 'too-long':
      return turn.say(speech.reportPeriodTooLong(choice.days, MAX_REPORT_DAYS));
    case 'too-short':
      return turn.say(speech.reportPeriodTooShort());
    case 'period': break;
  }

  if (scope.targets.length === 1) turn.where = scope.targets[0];
  const report = await deps.reports.report(scope.targets, choice.period);
  const words = {
    period: report.period,
    service: scope.service,
    rows: report.rows.map((row) => ({ where: row.target, metrics: row.metrics })),
    leftOut: report.leftOut.map((left) => ({ where: left.target, reason: left.reason })),
  };
  return turn.sayWithCard(speech.report(words), speech.reportCard(words));
}

const said = (spoken: SpokenValue) => spoken.heard !== undefined || spoken.resolvedId !== undefined;

/**
 * The services and environments a report covers: what the request names, all of them for what it does not. An
 * unknown name is asked for again, naming the choices. "How did prod do" can reach the skill with "prod" in the
 * service slot; an environment word there, with the environment slot empty, is taken as the environment.
 */
function scopeOf(turn: Turn): Scope {
  const { catalog } = turn.deps;
  let service = turn.slot('service');
  let environment = turn.slot('environment');
  if (said(service) && !said(environment) && catalog.resolveService(service).kind === 'unknown'
    && catalog.resolveAnyEnvironment({ heard: service.heard, language: service.language }).kind === 'resolved') {
    [service, environment] = [{}, service];
  }

  let services = catalog.serviceNames();
  if (said(service)) {
    const resolved = catalog.resolveService(service);
    if (resolved.kind !== 'resolved') {
      const heard = shortened(resolved.kind === 'unknown' ? resolved.heard : '');
      return { kind: 'asked', response: turn.elicit('service', { environment: environment.heard }, turn.speech.unknownService(heard, services)) };
    }
    services = [resolved.value];
  }
  if (!said(environment)) {
    return { kind: 'targets', targets: services.flatMap((s) => catalog.environmentKeys(s).map((e) => catalog.target(s, e))), service: named(services, service) };
  }

  const only = services.length === 1 ? services[0] : undefined;
  const resolved = only !== undefined ? catalog.resolveEnvironment(only, environment) : catalog.resolveAnyEnvironment(environment);
  if (resolved.kind !== 'resolved') {
    const heard = shortened(resolved.kind === 'unknown' ? resolved.heard : '');
    const ask = only !== undefined
      ? turn.speech.unknownEnvironment(heard, only, catalog.environmentKeys(only))
      : turn.speech.unknownReportEnvironment(heard, catalog.allEnvironmentKeys());
    return { kind: 'asked', response: turn.elicit('environment', { service: only }, ask) };
  }
  const targets = services.filter((s) => catalog.environmentKeys(s).includes(resolved.value)).map((s) => catalog.target(s, resolved.value));
  return { kind: 'targets', targets, service: named(services, service) };
}

/** The service the request named, for the words; none when it named none. */
function named(services: readonly string[], service: SpokenValue): string | undefined {
  return said(service) ? services[0] : undefined;
}
