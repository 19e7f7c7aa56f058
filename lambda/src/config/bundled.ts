import type { Config } from './schema';
import raw from '../../push-to-prod.json';

/** The config shipped with the skill (lambda/push-to-prod.json), and whether it has been validated already. */
export type BundledConfig = { readonly validated: false; readonly config: unknown } | { readonly validated: true; readonly config: Config };

/**
 * In the sources the file as written, validated at the first invocation like any config. `npm run build` validates it
 * (a broken file fails the build, naming each field) and puts the validated result in place of this module, marked
 * as such: a cold start of the deployed skill does not load the schema or zod at all (tools/build.ts).
 */
export const bundledConfig: BundledConfig = { validated: false, config: raw };
