import type { dialog, Directive, Intent, Request, Response, ResponseEnvelope, ui } from 'ask-sdk-model';
import { findDialogIntent, findIntent, type InteractionModel } from './model';
import { ssmlProblem } from './ssml';

/*
 * The rules Alexa holds a skill's response to, as far as this skill can break them. A response that breaks one is not
 * spoken: the device says "There was a problem with the requested skill's response" and the session ends with a
 * SessionEndedRequest of reason ERROR. Sources, all on developer.amazon.com/docs/alexa/custom-skills/:
 *
 *   [dialog]   dialog-interface-reference.html: the four Dialog directives, their updatedIntent, slotToElicit and
 *              slotToConfirm, "Change the intent or update slot values during the dialog"; Dialog.Delegate must come
 *              without outputSpeech or reprompt, Alexa speaking the dialog model's prompts instead.
 *   [response] request-and-response-json-reference.html, "Response format": outputSpeech at most 8000 characters; all
 *              the text of a card (title, content, text, image URLs) at most 8000, an image URL at most 2000; the
 *              whole response at most 24 kilobytes (sessionAttributes are part of it).
 *   [ssml]     speech-synthesis-markup-language-ssml-reference.html: SSML is XML inside <speak>.
 *   [issue 9]  what the docs leave unsaid and this project holds the skill to, because Alexa was seen to reject it
 *              ("a directive whose intent and slots differ from the model's"): updatedIntent carries every slot the
 *              model gives its intent and no other, each under its own name.
 *
 *   [connections] use-skill-connections-to-request-tasks.html: a response with a Connections.StartConnection
 *              carries no audio or video player directive; onCompletion RESUME_SESSION (the default) hands the
 *              session back with a SessionResumedRequest. pre-built-routine-api-reference.html and
 *              pre-built-routine-primitives.html for AMAZON.OfferAutomation: uri connection://AMAZON.OfferAutomation/1,
 *              onCompletion must be RESUME_SESSION, input.automation with a trigger and operations; the custom
 *              utterance trigger (version 1.0) takes up to five utterances following the rules for sample
 *              utterances, in the device's locale, which must be one the trigger works in. This project's reading,
 *              not the docs' words: a session that is to be resumed is not ended by the same response, a reprompt
 *              has nothing to wait for (Alexa, not the skill, talks next), and a Dialog directive beside a connection
 *              would ask two things at once.
 *   [apl]      alexa-presentation-language/apl-interface.html: "Always check supportedInterfaces before returning the
 *              Alexa.Presentation.APL directives" (the device lists the interface only when it has a screen and the
 *              skill declares ALEXA_PRESENTATION_APL in its manifest, use-apl-with-ask-sdk.html: "If the
 *              Alexa.Presentation.APL interface isn't enabled, any APL directives you send cause an error");
 *              RenderDocument carries a token and a document (an APL document, or a Link to a saved one). That a
 *              RenderDocument cannot go beside a Dialog directive is not on a doc page found: it is what Alexa answers
 *              (SessionEndedRequest INVALID_RESPONSE "No other directives are allowed to be specified with a Dialog
 *              directive"), seen with Display.RenderTemplate beside Dialog.ElicitSlot (alexa/alexa-skills-kit-sdk-for-
 *              nodejs#151) and with Dialog.UpdateDynamicEntities beside one; Dialog.Delegate with an APL directive is
 *              refused too (RocketChat/alexa-rocketchat#57). The document itself is held to apl-suggester, Amazon's
 *              offline validator (aplDocumentBreaches, asynchronous).
 *   [chaining] "Intent chaining" (Alexa developer blog, developer.amazon.com/blogs/alexa/post/
 *              9ffdbddb-948a-4eff-8408-7e210282ed38/intent-chaining-for-alexa-skill, and [dialog] "Change the intent
 *              or update slot values during the dialog"): "Intent chaining allows your skill code to start dialog
 *              management from any intent, including the LaunchRequest. You can chain into any of your custom intents
 *              as long as your interaction model has a dialog model", but not into the LaunchRequest or a built-in
 *              intent such as AMAZON.HelpIntent. Any of the four Dialog directives may chain.
 *
 * Chaining is taken exactly as far as this skill uses it, which is as far as [chaining] allows from a LaunchRequest: a
 * custom task arrives as a LaunchRequest and answers with a Dialog directive whose updatedIntent is a custom intent
 * of the dialog model, with exactly its slots (`dialog-chains-into-custom-intent`). From an IntentRequest, [chaining]
 * lets a skill chain into any custom intent of its dialog model ("start dialog management from any intent"); this
 * skill does so only from AMAZON.YesIntent and AMAZON.NoIntent: the yes or no to a read-back asked as a plain
 * question on a screen (no Dialog directive may go beside a screen) is answered as the intent it asked about, whose
 * next step may be a Dialog directive naming that intent (the release code's ElicitSlot, the second yes's
 * ConfirmIntent, a read-back asked again). Those are held to the same checks as a launch's chaining. Deliberately
 * stricter than Alexa elsewhere: from any other IntentRequest an updatedIntent naming another intent than the
 * request's is the defect these rules exist to catch (`dialog-names-request-intent`), and a Dialog directive
 * answering any other request (a SessionResumedRequest, a SessionEndedRequest…) is refused
 * (`dialog-answers-intent-request`). Also stricter: the target must have an entry in the model's dialog section, not
 * just any dialog model.
 */

/** Stable names of the rules, for tests and for the line the simulator prints. */
export type ResponseRule =
  | 'dialog-answers-intent-request'
  | 'dialog-chains-into-custom-intent'
  | 'dialog-names-request-intent'
  | 'dialog-slots-match-model'
  | 'dialog-slot-keyed-by-name'
  | 'dialog-target-slot-of-intent'
  | 'dialog-keeps-session-open'
  | 'one-dialog-directive'
  | 'delegate-without-speech'
  | 'dialog-question-has-speech'
  | 'speech-within-8000-characters'
  | 'card-within-limits'
  | 'response-within-24-kb'
  | 'ssml-well-formed'
  | 'connection-alone'
  | 'connection-resumes-session'
  | 'connection-without-reprompt'
  | 'offer-automation-input'
  | 'apl-declared-in-manifest'
  | 'apl-supported-by-device'
  | 'apl-render-document-shape'
  | 'apl-not-beside-dialog'
  | 'apl-document-valid';

/** One rule a response breaks, and how. */
export interface RuleBreach {
  readonly rule: ResponseRule;
  readonly detail: string;
}

/** The Dialog directives that drive a dialog. Dialog.UpdateDynamicEntities and Dialog.DelegateRequest are not among them. */
const DIALOG_DIRECTIVES = new Set(['Dialog.Delegate', 'Dialog.ElicitSlot', 'Dialog.ConfirmSlot', 'Dialog.ConfirmIntent']);
/** [response] */
const MAX_SPEECH_CHARACTERS = 8000;
const MAX_CARD_CHARACTERS = 8000;
const MAX_IMAGE_URL_CHARACTERS = 2000;
const MAX_RESPONSE_BYTES = 24 * 1024;

type DialogDirective = dialog.DelegateDirective | dialog.ElicitSlotDirective | dialog.ConfirmSlotDirective | dialog.ConfirmIntentDirective;

/** What Alexa knows beside the request: the interfaces the skill's manifest declares, and the device's. */
export interface ResponseContext {
  /** apis.custom.interfaces[].type of skill.json, e.g. ALEXA_PRESENTATION_APL. */
  readonly manifestInterfaces: readonly string[];
  /** context.System.device.supportedInterfaces of the request. */
  readonly supportedInterfaces: Readonly<Record<string, unknown>>;
}

const RENDER_DOCUMENT = 'Alexa.Presentation.APL.RenderDocument';

/**
 * Every rule of Alexa's that `envelope`, the skill's answer to `request`, breaks; empty when Alexa would take it.
 * `model` is the skill's interaction model, which says which slots each intent has; `context`, the manifest's and the
 * device's interfaces, which say whether a screen may be drawn (without it, no APL directive is taken).
 */
export function responseBreaches(model: InteractionModel, request: Request, envelope: ResponseEnvelope, context?: ResponseContext): RuleBreach[] {
  const response = (envelope as Partial<ResponseEnvelope> | undefined)?.response;
  if (typeof response !== 'object' || response === null) return [];
  return [
    ...dialogBreaches(model, request, response), ...connectionBreaches(request, response), ...aplBreaches(response, context),
    ...speechBreaches(response), ...cardBreaches(response.card), ...sizeBreaches(envelope),
  ];
}

/** [apl]: a RenderDocument only to a device with a screen, for a skill that declares APL, whole, and never beside a Dialog directive. */
function aplBreaches(response: Response, context: ResponseContext | undefined): RuleBreach[] {
  const directives: Record<string, unknown>[] = (Array.isArray(response.directives) ? response.directives as unknown[] : []).filter(isRecord);
  const renders = directives.filter((d) => typeof d.type === 'string' && d.type.startsWith('Alexa.Presentation.APL.'));
  if (renders.length === 0) return [];
  const breaches: RuleBreach[] = [];
  if (!context?.manifestInterfaces.includes('ALEXA_PRESENTATION_APL')) {
    breaches.push({ rule: 'apl-declared-in-manifest', detail: `${String(renders[0]?.type)} from a skill whose manifest does not declare ALEXA_PRESENTATION_APL` });
  }
  if (!isRecord(context?.supportedInterfaces['Alexa.Presentation.APL'])) {
    breaches.push({ rule: 'apl-supported-by-device', detail: `${String(renders[0]?.type)} to a device whose supportedInterfaces lack Alexa.Presentation.APL` });
  }
  const dialogs = directives.filter((d) => typeof d.type === 'string' && d.type.startsWith('Dialog.'));
  if (dialogs.length > 0) {
    breaches.push({ rule: 'apl-not-beside-dialog', detail: `${renders.map((d) => String(d.type)).join(' and ')} beside ${dialogs.map((d) => String(d.type)).join(' and ')}` });
  }
  for (const render of renders.filter((d) => d.type === RENDER_DOCUMENT)) {
    const problem = renderDocumentProblem(render);
    if (problem !== undefined) breaches.push({ rule: 'apl-render-document-shape', detail: problem });
  }
  return breaches;
}

function renderDocumentProblem(render: Record<string, unknown>): string | undefined {
  if (typeof render.token !== 'string' || render.token === '') return 'RenderDocument has no token';
  const document = render.document;
  if (!isRecord(document)) return 'RenderDocument has no document';
  if (document.type === 'Link') return typeof document.src === 'string' && document.src.startsWith('doc://') ? undefined : 'a Link document needs a doc:// src';
  if (document.type !== 'APL') return `the document's type is ${String(document.type)}, neither APL nor Link`;
  if (typeof document.version !== 'string') return 'the APL document names no version';
  if (!isRecord(document.mainTemplate)) return 'the APL document has no mainTemplate';
  if (render.datasources !== undefined && !isRecord(render.datasources)) return 'datasources is not an object';
  return undefined;
}

/** What apl-suggester said of each document already checked (a skill sends the same few documents again and again). */
const checkedDocuments = new Map<string, Promise<RuleBreach[]>>();

/**
 * [apl]: every APL document of the response, held to apl-suggester's StaticAplTemplateValidator (offline: it fetches
 * only packages a document imports, and a document that imports any is refused here first). Any finding, warning
 * level included, is a breach: Alexa's own validation is stricter than the authoring tool's warnings suggest.
 */
export function aplDocumentBreaches(envelope: ResponseEnvelope): Promise<RuleBreach[]> {
  const directives: Record<string, unknown>[] = (Array.isArray(envelope?.response?.directives) ? envelope.response.directives as unknown[] : []).filter(isRecord);
  const documents = directives.filter((d) => d.type === RENDER_DOCUMENT && isRecord(d.document) && d.document.type === 'APL').map((d) => d.document as Record<string, unknown>);
  return Promise.all(documents.map((document) => {
    const key = JSON.stringify(document);
    let checked = checkedDocuments.get(key);
    if (!checked) {
      checked = validateDocument(document);
      checkedDocuments.set(key, checked);
    }
    return checked;
  })).then((all) => all.flat());
}

async function validateDocument(document: Record<string, unknown>): Promise<RuleBreach[]> {
  if (document.import !== undefined) {
    return [{ rule: 'apl-document-valid', detail: 'the document imports packages, which validating it offline cannot fetch' }];
  }
  // Loaded on first use: it takes a second to load, and most conversations show no screen.
  const { StaticAplTemplateValidator } = await import('apl-suggester');
  // apl-suggester warns on the console of every Frame it meets ("No mixin for component"): noise, not a finding.
  const warn = console.warn;
  console.warn = () => undefined;
  let findings: Awaited<ReturnType<InstanceType<typeof StaticAplTemplateValidator>['validate']>>;
  try {
    findings = await new StaticAplTemplateValidator().validate(document);
  } finally {
    console.warn = warn;
  }
  return findings.map((finding) => ({ rule: 'apl-document-valid' as const, detail: `${finding.path}: ${finding.errorMessage}` }));
}

function dialogBreaches(model: InteractionModel, request: Request, response: Response): RuleBreach[] {
  const directives = (Array.isArray(response.directives) ? response.directives : []).filter(isDialogDirective);
  const [directive] = directives;
  if (!directive) return [];
  const breaches: RuleBreach[] = [];
  if (directives.length > 1) {
    // [dialog]: each directive tells Alexa what to ask next; two cannot both be the next question.
    breaches.push({ rule: 'one-dialog-directive', detail: `the response carries ${directives.map((d) => d.type).join(' and ')}` });
  }
  if (response.shouldEndSession === true) {
    // [dialog]: a Dialog directive asks the user something, so the session stays open for the answer.
    breaches.push({ rule: 'dialog-keeps-session-open', detail: `${directive.type} comes with shouldEndSession: true` });
  }
  if (directive.type === 'Dialog.Delegate') {
    // [dialog]: "Do not include outputSpeech or reprompt with Dialog.Delegate."
    if (response.outputSpeech !== undefined || response.reprompt !== undefined) {
      breaches.push({ rule: 'delegate-without-speech', detail: 'Dialog.Delegate comes with outputSpeech or reprompt; Alexa speaks the dialog model\'s prompts' });
    }
  } else if (response.outputSpeech === undefined) {
    // [dialog]: the skill asks its own question with ElicitSlot, ConfirmSlot and ConfirmIntent; Alexa has no prompt to say.
    breaches.push({ rule: 'dialog-question-has-speech', detail: `${directive.type} comes without outputSpeech: the user would hear no question` });
  }
  if (request.type === 'LaunchRequest') {
    breaches.push(...chainingBreaches(model, directive, 'a LaunchRequest'));
    return breaches;
  }
  if (request.type !== 'IntentRequest') {
    // [dialog] and [chaining]: a dialog continues an intent the user spoke, or one chained into from a launch.
    breaches.push({ rule: 'dialog-answers-intent-request', detail: `${directive.type} answers a ${request.type}, neither an IntentRequest nor a LaunchRequest` });
    return breaches;
  }
  const intent = directive.updatedIntent ?? request.intent;
  if (intent.name !== request.intent.name && CHAINING_ANSWERS.has(request.intent.name)) {
    breaches.push(...chainingBreaches(model, directive, request.intent.name));
    return breaches;
  }
  if (intent.name !== request.intent.name) {
    breaches.push({ rule: 'dialog-names-request-intent', detail: `${directive.type}'s updatedIntent is ${intent.name}, the request's intent is ${request.intent.name}` });
  }
  if (directive.updatedIntent) breaches.push(...slotBreaches(model, directive.type, directive.updatedIntent));
  breaches.push(...targetSlotBreaches(model, directive, intent.name));
  return breaches;
}

/** [chaining]: the built-in intents this skill chains from (the answers to a read-back asked on a screen). */
const CHAINING_ANSWERS: ReadonlySet<string> = new Set(['AMAZON.YesIntent', 'AMAZON.NoIntent']);

/**
 * [chaining]: a Dialog directive answering a LaunchRequest (or a yes or no, see above) starts the dialog of the intent
 * it names, which must be a custom intent of the dialog model, sent back with exactly the model's slots. Without an
 * updatedIntent there is no intent to continue: a launch has none. `from` names what is chained from.
 */
function chainingBreaches(model: InteractionModel, directive: DialogDirective, from: string): RuleBreach[] {
  const target = directive.updatedIntent;
  if (target === undefined) {
    return [{ rule: 'dialog-chains-into-custom-intent', detail: `${directive.type} answers ${from} without an updatedIntent to chain into` }];
  }
  if (target.name.startsWith('AMAZON.') || findIntent(model, target.name) === undefined || findDialogIntent(model, target.name) === undefined) {
    return [{ rule: 'dialog-chains-into-custom-intent', detail: `${directive.type} chains ${from} into ${target.name}, which is not a custom intent of the dialog model` }];
  }
  return [...slotBreaches(model, directive.type, target), ...targetSlotBreaches(model, directive, target.name)];
}

/** [dialog]: slotToElicit / slotToConfirm name a slot of the intent in the dialog. */
function targetSlotBreaches(model: InteractionModel, directive: DialogDirective, intent: string): RuleBreach[] {
  const target = targetSlot(directive);
  if (target === undefined || modelSlotNames(model, intent).includes(target)) return [];
  return [{ rule: 'dialog-target-slot-of-intent', detail: `${directive.type} asks about slot "${target}", which ${intent} does not have` }];
}

const OFFER_AUTOMATION_URI = 'connection://AMAZON.OfferAutomation/1';
/** [connections]: the locales a custom-utterance trigger works in. */
const UTTERANCE_LOCALES: ReadonlySet<string> = new Set(['en-US', 'en-CA', 'en-IN', 'en-GB', 'en-AU', 'es-ES', 'es-US', 'es-MX', 'de-DE', 'fr-FR', 'fr-CA', 'pt-BR', 'it-IT']);
const TRIGGERS: ReadonlySet<string> = new Set(['Alexa.Automation.Trigger.Voice.CustomUtterance', 'Alexa.Automation.Trigger.Schedule.AbsoluteTime']);
/** Rules for sample utterances: letters, spaces, apostrophes, periods, hyphens, underscores; numbers spelled out. */
const SAMPLE_UTTERANCE = /^\p{L}[\p{L}\p{M}' ._-]*$/u;

/** [connections]: a Connections.StartConnection, alone with speech, leaving the session to be resumed. */
function connectionBreaches(request: Request, response: Response): RuleBreach[] {
  const directives: Record<string, unknown>[] = (Array.isArray(response.directives) ? response.directives as unknown[] : []).filter(isRecord);
  const starts = directives.filter((d) => d.type === 'Connections.StartConnection');
  const [start] = starts;
  if (!start) return [];
  const breaches: RuleBreach[] = [];
  const beside = directives.filter((d) => d !== start && typeof d.type === 'string' && (d.type === 'Connections.StartConnection' || DIALOG_DIRECTIVES.has(d.type) || /^(AudioPlayer|VideoApp)\./.test(d.type)));
  if (beside.length > 0) breaches.push({ rule: 'connection-alone', detail: `Connections.StartConnection comes with ${beside.map((d) => String(d.type)).join(' and ')}` });
  const resumes = start.onCompletion === undefined || start.onCompletion === 'RESUME_SESSION';
  if (resumes && response.shouldEndSession === true) {
    breaches.push({ rule: 'connection-resumes-session', detail: 'Connections.StartConnection resumes the session, but the response ends it' });
  }
  if (response.reprompt !== undefined) breaches.push({ rule: 'connection-without-reprompt', detail: 'Connections.StartConnection comes with a reprompt; Alexa talks to the user next' });
  if (start.uri === OFFER_AUTOMATION_URI) breaches.push(...offerBreaches(start, (request as { locale?: string }).locale).map((detail) => ({ rule: 'offer-automation-input' as const, detail })));
  return breaches;
}

/** [connections]: what AMAZON.OfferAutomation takes. */
function offerBreaches(start: Record<string, unknown>, locale: string | undefined): string[] {
  const problems: string[] = [];
  if (start.onCompletion !== 'RESUME_SESSION') problems.push(`onCompletion is ${String(start.onCompletion)}, not RESUME_SESSION`);
  const automation = isRecord(start.input) && isRecord(start.input.automation) ? start.input.automation : undefined;
  if (!automation) return [...problems, 'input.automation is missing'];
  const trigger = isRecord(automation.trigger) ? automation.trigger : {};
  if (typeof trigger.type !== 'string' || !TRIGGERS.has(trigger.type)) problems.push(`the trigger type ${String(trigger.type)} is not one Alexa offers`);
  if (trigger.version !== '1.0') problems.push(`the trigger version is ${String(trigger.version)}, not 1.0`);
  if (trigger.type === 'Alexa.Automation.Trigger.Voice.CustomUtterance') {
    const payload = isRecord(trigger.payload) ? trigger.payload : {};
    const utterances = Array.isArray(payload.utterances) ? payload.utterances : [];
    if (utterances.length < 1 || utterances.length > 5) problems.push(`the trigger has ${utterances.length} utterances, not one to five`);
    for (const utterance of utterances) {
      if (typeof utterance !== 'string' || !SAMPLE_UTTERANCE.test(utterance)) problems.push(`the utterance ${JSON.stringify(utterance)} breaks the rules for sample utterances`);
    }
    if (payload.locale !== locale) problems.push(`the trigger's locale ${String(payload.locale)} is not the device's, ${String(locale)}`);
    else if (!UTTERANCE_LOCALES.has(String(locale))) problems.push(`custom utterance triggers do not work in ${String(locale)}`);
  }
  const serial = isRecord(automation.operations) ? automation.operations.serial : undefined;
  if (!Array.isArray(serial) || serial.length === 0) problems.push('automation.operations.serial has no operation');
  return problems;
}

/** [issue 9]: updatedIntent carries exactly the model's slots of its intent, each keyed by its own name. */
function slotBreaches(model: InteractionModel, type: string, intent: Intent): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const expected = modelSlotNames(model, intent.name);
  const slots = isRecord(intent.slots) ? intent.slots : {};
  const carried = Object.keys(slots);
  const extra = carried.filter((name) => !expected.includes(name));
  const missing = expected.filter((name) => !carried.includes(name));
  if (extra.length > 0) {
    breaches.push({ rule: 'dialog-slots-match-model', detail: `${type}'s updatedIntent ${intent.name} carries ${quoted(extra)}, which ${intent.name} does not have` });
  }
  if (missing.length > 0) {
    breaches.push({ rule: 'dialog-slots-match-model', detail: `${type}'s updatedIntent ${intent.name} lacks ${quoted(missing)} of the model's slots` });
  }
  for (const [key, slot] of Object.entries(slots)) {
    const name = isRecord(slot) ? slot.name : undefined;
    if (name !== key) breaches.push({ rule: 'dialog-slot-keyed-by-name', detail: `${type}'s updatedIntent has slot "${String(name)}" under the key "${key}"` });
  }
  return breaches;
}

/** [response] and [ssml] for the speech and the reprompt. */
function speechBreaches(response: Response): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const speeches: [string, ui.OutputSpeech | undefined][] = [['outputSpeech', response.outputSpeech], ['reprompt', response.reprompt?.outputSpeech]];
  for (const [where, speech] of speeches) {
    if (!speech) continue;
    const text = speech.type === 'SSML' ? speech.ssml : speech.text;
    if (typeof text !== 'string') continue;
    const length = characters(text);
    if (length > MAX_SPEECH_CHARACTERS) {
      breaches.push({ rule: 'speech-within-8000-characters', detail: `${where} has ${length} characters` });
    }
    const problem = speech.type === 'SSML' ? ssmlProblem(text) : undefined;
    if (problem !== undefined) breaches.push({ rule: 'ssml-well-formed', detail: `${where} ${problem}` });
  }
  return breaches;
}

/** [response]: a card's text all told, and each image URL. */
function cardBreaches(card: ui.Card | undefined): RuleBreach[] {
  if (!isRecord(card)) return [];
  const fields = card as Partial<Record<'title' | 'content' | 'text', unknown>> & { image?: Partial<Record<'smallImageUrl' | 'largeImageUrl', unknown>> };
  const urls = [fields.image?.smallImageUrl, fields.image?.largeImageUrl].filter((u): u is string => typeof u === 'string');
  const texts = [fields.title, fields.content, fields.text].filter((t): t is string => typeof t === 'string');
  const total = [...texts, ...urls].reduce((sum, text) => sum + characters(text), 0);
  const breaches: RuleBreach[] = [];
  if (total > MAX_CARD_CHARACTERS) breaches.push({ rule: 'card-within-limits', detail: `the card's text has ${total} characters` });
  for (const url of urls) {
    if (characters(url) > MAX_IMAGE_URL_CHARACTERS) breaches.push({ rule: 'card-within-limits', detail: `a card image URL has ${characters(url)} characters` });
  }
  return breaches;
}

/** [response]: the serialized envelope, session attributes included. */
function sizeBreaches(envelope: ResponseEnvelope): RuleBreach[] {
  const bytes = Buffer.byteLength(JSON.stringify(envelope), 'utf8');
  return bytes > MAX_RESPONSE_BYTES ? [{ rule: 'response-within-24-kb', detail: `the response is ${bytes} bytes, more than ${MAX_RESPONSE_BYTES}` }] : [];
}

function isDialogDirective(directive: Directive): directive is DialogDirective {
  return isRecord(directive) && typeof directive.type === 'string' && DIALOG_DIRECTIVES.has(directive.type);
}

function targetSlot(directive: DialogDirective): string | undefined {
  if (directive.type === 'Dialog.ElicitSlot') return directive.slotToElicit;
  if (directive.type === 'Dialog.ConfirmSlot') return directive.slotToConfirm;
  return undefined;
}

function modelSlotNames(model: InteractionModel, intent: string): string[] {
  return (findIntent(model, intent)?.slots ?? []).map((slot) => slot.name);
}

/** Characters as a person counts them, not UTF-16 code units. */
function characters(text: string): number {
  return Array.from(text).length;
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
