import type { Config, ServiceConfig } from '../config/schema';
import { builtInEnvironmentSynonyms } from '../config/environment-synonyms';
import type { Target } from './release';
import { normalise } from './spoken';

/** What the user said for a slot, and what Alexa's entity resolution made of it. */
export interface SpokenValue {
  /** The words as heard. */
  readonly heard?: string;
  /** The value id from an ER_SUCCESS_MATCH resolution, when there was one. */
  readonly resolvedId?: string;
  /** The language it was said in ("de" for a de-DE request): which filler and environment words apply. English when absent. */
  readonly language?: string;
}

export type Resolution =
  | { readonly kind: 'resolved'; readonly value: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unknown'; readonly heard: string };

const DEFAULT_REGION = 'us-east-1';

/**
 * The configured services and environments, and how spoken words map onto them. Alexa does not restrict custom
 * slot types to their values, so an unresolved word is matched here against names and synonyms before it is
 * called unknown.
 */
export class Catalog {
  constructor(private readonly config: Config, private readonly fallbackRegion: string = DEFAULT_REGION) {}

  serviceNames(): string[] {
    return this.config.services.map((s) => s.name);
  }

  environmentKeys(service: string): string[] {
    return Object.keys(this.find(service)?.environments ?? {});
  }

  /** Every environment key of any service, in config order: what a lock can name. */
  allEnvironmentKeys(): string[] {
    return [...new Set(this.config.services.flatMap((s) => Object.keys(s.environments)))];
  }

  /** An environment named without a service ("lock production"), against every configured key. */
  resolveAnyEnvironment(spoken: SpokenValue): Resolution {
    const keys = this.allEnvironmentKeys();
    if (spoken.resolvedId !== undefined && keys.includes(spoken.resolvedId)) return { kind: 'resolved', value: spoken.resolvedId };
    const wanted = normalise(spoken.heard ?? spoken.resolvedId);
    if (wanted === '') return keys.length === 1 && keys[0] !== undefined ? { kind: 'resolved', value: keys[0] } : { kind: 'missing' };
    const language = spoken.language ?? 'en';
    const match = spokenVariants(wanted, fillersOf(language), 'environment')
      .map((variant) => keys.find((key) => [key, ...builtInEnvironmentSynonyms(key, language)].some((n) => normalise(n) === variant)))
      .find((key) => key !== undefined);
    return match ? { kind: 'resolved', value: match } : { kind: 'unknown', heard: spoken.heard ?? spoken.resolvedId ?? '' };
  }

  /** The service a request means when it names none: the only one, or the config's default. */
  defaultService(): string | undefined {
    if (this.config.services.length === 1) return this.config.services[0]?.name;
    return this.config.defaultService;
  }

  resolveService(spoken: SpokenValue): Resolution {
    const byId = spoken.resolvedId && this.find(spoken.resolvedId);
    if (byId) return { kind: 'resolved', value: byId.name };
    const heard = normalise(spoken.heard);
    if (heard === '') {
      const fallback = this.defaultService();
      return fallback === undefined ? { kind: 'missing' } : { kind: 'resolved', value: fallback };
    }
    const match = spokenVariants(heard, fillersOf(spoken.language ?? 'en'), 'service')
      .map((variant) => this.config.services.find((s) => [s.name, ...s.synonyms].some((n) => normalise(n) === variant)))
      .find((service) => service !== undefined);
    return match ? { kind: 'resolved', value: match.name } : { kind: 'unknown', heard: spoken.heard ?? '' };
  }

  resolveEnvironment(service: string, spoken: SpokenValue): Resolution {
    const keys = this.environmentKeys(service);
    if (spoken.resolvedId !== undefined && keys.includes(spoken.resolvedId)) return { kind: 'resolved', value: spoken.resolvedId };
    const heard = normalise(spoken.heard);
    const wanted = heard !== '' ? heard : normalise(spoken.resolvedId);
    if (wanted === '') {
      return keys.length === 1 && keys[0] !== undefined ? { kind: 'resolved', value: keys[0] } : { kind: 'missing' };
    }
    const language = spoken.language ?? 'en';
    const match = spokenVariants(wanted, fillersOf(language), 'environment')
      .map((variant) => keys.find((key) => [key, ...builtInEnvironmentSynonyms(key, language)].some((n) => normalise(n) === variant)))
      .find((key) => key !== undefined)
      // An id Alexa resolved for another service's environment may still name one of ours through the built-ins.
      ?? keys.find((key) => spoken.resolvedId !== undefined && builtInEnvironmentSynonyms(key, language).map(normalise).includes(normalise(spoken.resolvedId)));
    return match ? { kind: 'resolved', value: match } : { kind: 'unknown', heard: spoken.heard ?? spoken.resolvedId ?? '' };
  }

  /** The AWS resources behind a service in an environment. */
  target(service: string, environment: string): Target {
    const env = this.find(service)?.environments[environment];
    if (!env) throw new Error(`No environment "${environment}" for service "${service}"`);
    const region = env.region ?? this.config.region ?? this.fallbackRegion;
    const from = env.promoteFrom && this.find(service)?.environments[env.promoteFrom.environment];
    return {
      service,
      environment,
      pipeline: env.pipeline === undefined ? undefined : { name: env.pipeline, region },
      deploymentGroup: env.codeDeploy === undefined ? undefined
        : { application: env.codeDeploy.application, deploymentGroup: env.codeDeploy.deploymentGroup, region },
      rollbackStage: env.rollbackStage,
      ...(env.alarms === undefined ? {} : { alarms: { names: env.alarms, region } }),
      ...(env.promoteFrom === undefined || from?.pipeline === undefined ? {} : {
        promoteFrom: {
          environment: env.promoteFrom.environment,
          pipeline: { name: from.pipeline, region: from.region ?? this.config.region ?? this.fallbackRegion },
          bakeMinutes: env.promoteFrom.bakeMinutes,
        },
      }),
      ...(env.approvals === undefined || env.approvals === false ? {} : { approvals: env.approvals === true ? {} : { ...env.approvals } }),
    };
  }

  private find(name: string): ServiceConfig | undefined {
    return this.config.services.find((s) => s.name === name);
  }
}

/** The words people wrap a spoken name in, per language: before it ("the", "den", "le service") and after it. */
interface Fillers {
  /** Before the name. One ending in an apostrophe ("l'") joins the name without a space ("l'application"). */
  readonly leading: readonly string[];
  readonly service: readonly string[];
  readonly environment: readonly string[];
}

const ENGLISH: Fillers = {
  leading: ['the', 'a', 'my', 'our', 'latest', 'current', 'new'],
  service: ['service', 'app', 'application', 'build', 'release', 'code'],
  environment: ['environment', 'env'],
};

/*
 * German and French wrap names differently: German puts the kind after the name ("den checkout Dienst", "die
 * Produktionsumgebung" is a word of its own), French before it ("le service checkout", "l'environnement de
 * production"), so French leading words include the kinds. English fillers stay valid in both: teams say "den
 * checkout service" too.
 */
const FILLERS: Readonly<Record<string, Fillers>> = {
  en: ENGLISH,
  de: {
    leading: ['den', 'die', 'das', 'der', 'dem', 'mein', 'meinen', 'unser', 'unseren', 'unsere', 'neuesten', 'neueste', 'aktuellen', 'aktuelle', 'neuen', 'neue', ...ENGLISH.leading],
    service: ['dienst', 'service', 'anwendung', 'app', 'build', 'release', 'code', 'version'],
    environment: ['umgebung', 'system', ...ENGLISH.environment],
  },
  fr: {
    leading: ['le', 'la', 'les', "l'", 'du', 'de la', 'de', "d'", 'mon', 'ma', 'notre', 'dernier', 'dernière', 'nouveau', 'nouvelle',
      'service', 'application', 'appli', 'environnement de', 'environnement', ...ENGLISH.leading],
    service: ['service', 'app', 'application', 'build', 'release'],
    environment: ['environnement', ...ENGLISH.environment],
  },
};

function fillersOf(language: string): Fillers {
  return Object.hasOwn(FILLERS, language) ? FILLERS[language] ?? ENGLISH : ENGLISH;
}

/**
 * What was heard, then the same without the words people put around a name ("the checkout service",
 * "the latest checkout build", "the production environment", "le service checkout"): Alexa keeps them in the slot value.
 */
function spokenVariants(heard: string, fillers: Fillers, kind: 'service' | 'environment'): string[] {
  const variants = [heard];
  let rest = heard;
  for (let changed = true; changed;) {
    changed = false;
    const lead = fillers.leading.find((w) => (w.endsWith("'") ? rest.startsWith(w) && rest.length > w.length : rest.startsWith(`${w} `)));
    if (lead) {
      rest = rest.slice(lead.endsWith("'") ? lead.length : lead.length + 1);
      changed = true;
    }
    const trail = fillers[kind].find((w) => rest.endsWith(` ${w}`));
    if (trail) {
      rest = rest.slice(0, -(trail.length + 1));
      changed = true;
    }
    if (changed) variants.push(rest);
  }
  return variants;
}
