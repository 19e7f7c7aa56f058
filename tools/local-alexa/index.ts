/** The public face of local-alexa: what the simulator and tests import. */
export {
  LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET, startLocalAlexa, type AcceptedNotification, type Answer, type LocalAlexa, type LocalAlexaOptions,
} from './server';
