/**
 * Alexa's API endpoints, one per region (North America, Europe, Far East): the only hosts the skill and the notifier
 * trust with an access token or a client secret. A request's `apiEndpoint` is used only when it is one of them.
 */
export const ALEXA_API_HOSTS: readonly string[] = ['https://api.amazonalexa.com', 'https://api.eu.amazonalexa.com', 'https://api.fe.amazonalexa.com'];
