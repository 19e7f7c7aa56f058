/**
 * The AWS SDK's own default credential chain (environment, SSO, shared ini files, credential_process, web identity,
 * container and instance metadata), untouched. Only credentials.ts requires it, and only when the environment holds
 * no keys to sign with. The build bundles it on its own into lambda/dist/aws-credentials.js, so that a Lambda, whose
 * credentials are always in its environment, never parses it.
 */
export { defaultProvider } from '@aws-sdk/credential-provider-node';
