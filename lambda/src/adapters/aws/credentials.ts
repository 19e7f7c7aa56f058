import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { defaultProvider as sdkDefaultProvider } from '@aws-sdk/credential-provider-node';

/** A credential provider, as the SDK's clients call it. */
type CredentialProvider = ReturnType<typeof fromEnv>;

/** What the SDK clients hand their default credential provider: their own config, profile and logger included. */
export type CredentialProviderInit = NonNullable<Parameters<typeof sdkDefaultProvider>[0]>;

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see below */
const sdkChain = () => (require('./credential-chain') as typeof import('./credential-chain')).defaultProvider;

/**
 * The skill's AWS clients' default credential provider: the SDK's own chain, with its first link taken out in front.
 *
 * Lambda puts the function's role credentials in its environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * AWS_SESSION_TOKEN), and the SDK's chain (@aws-sdk/credential-provider-node) takes them from there with its first
 * link, fromEnv. The chain's other links and the STS, SSO and sign-in clients they use are a third of the SDK code
 * the skill would ship; bundled, every cold start that calls AWS parsed them, some 15 ms (BENCHMARKS.md). No
 * published provider is "the default chain, the rest loaded on demand", so this one is: when the chain would stop
 * at fromEnv (keys in the environment, no profile named; the SDK prefers a named profile to keys), it is fromEnv
 * itself. Otherwise it is the SDK's whole chain, required from credential-chain.ts (lambda/dist/aws-credentials.js).
 * The choice is made at the first call, as the chain's would be, and kept.
 *
 * The build also puts this module in place of @aws-sdk/credential-provider-node inside lambda/dist/aws-sdk.js, so
 * that the SDK's own reference to the chain does not bundle it back in (tools/build.ts).
 */
export function defaultProvider(init: CredentialProviderInit = {}): CredentialProvider {
  let provider: CredentialProvider | undefined;
  return (identityProperties) => {
    provider ??= chainStopsAtEnvironment(init) ? fromEnv(init) : sdkChain()(init);
    return provider(identityProperties);
  };
}

/** The test the SDK's chain makes at its first link: a profile named in the config or AWS_PROFILE skips the keys. */
function chainStopsAtEnvironment(init: CredentialProviderInit): boolean {
  const profile = init.profile ?? process.env.AWS_PROFILE;
  return !profile && Boolean(process.env.AWS_ACCESS_KEY_ID) && Boolean(process.env.AWS_SECRET_ACCESS_KEY);
}
