import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An EventBridge event from tests/fixtures/eventbridge (see SOURCES.md there), as the notifier receives it. */
export interface FixtureEvent {
  readonly id: string;
  readonly time: string;
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: Record<string, unknown>;
  readonly [field: string]: unknown;
}

export function eventFixture(name: string): FixtureEvent {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'eventbridge', `${name}.json`), 'utf8')) as FixtureEvent;
}

/** The fixture with some of its detail fields replaced. */
export function withDetail(event: FixtureEvent, detail: Record<string, unknown>, time?: string): FixtureEvent {
  return { ...event, ...(time === undefined ? {} : { time }), detail: { ...event.detail, ...detail } };
}
