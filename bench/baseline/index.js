/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS on purpose: this is the naive skill */
/**
 * The NAIVE BASELINE for `npm run bench`: the same three requests written the way the ask-sdk samples write a skill.
 * Plain CommonJS, ask-sdk-core and the AWS SDK clients required from node_modules unbundled, the clients created at
 * import, `SkillBuilders.custom()…lambda()`. It is deliberately simple (no deadline, no plan check, no audit), so it
 * does less than the skill; the bench measures what that simplicity costs or saves. Never deployed, never imported by
 * the skill.
 */
const Alexa = require('ask-sdk-core');
const { CodePipelineClient, ListPipelineExecutionsCommand, StartPipelineExecutionCommand, GetPipelineStateCommand } = require('@aws-sdk/client-codepipeline');
const { CodeDeployClient } = require('@aws-sdk/client-codedeploy');

const config = require(process.env.PUSH_TO_PROD_CONFIG);
const codePipeline = new CodePipelineClient({});
// Created for rollbacks, as a sample would; the three measured requests never use it.
exports.codeDeploy = new CodeDeployClient({});

function pipelineFor(handlerInput) {
  const slots = handlerInput.requestEnvelope.request.intent.slots || {};
  const serviceName = (slots.service && slots.service.value) || config.defaultService || config.services[0].name;
  const environmentName = (slots.environment && slots.environment.value) || 'production';
  const service = config.services.find((s) => s.name === serviceName) || config.services[0];
  const environment = service.environments[environmentName] || service.environments.production;
  return { service: service.name, environment: environmentName, pipeline: environment.pipeline };
}

const LaunchRequestHandler = {
  canHandle(handlerInput) {
    return Alexa.getRequestType(handlerInput.requestEnvelope) === 'LaunchRequest';
  },
  handle(handlerInput) {
    const speakOutput = 'Release captain here. You can say push checkout to prod, roll back, or what is the status of prod.';
    return handlerInput.responseBuilder.speak(speakOutput).reprompt(speakOutput).getResponse();
  },
};

const DeployIntentHandler = {
  canHandle(handlerInput) {
    return Alexa.getRequestType(handlerInput.requestEnvelope) === 'IntentRequest'
      && Alexa.getIntentName(handlerInput.requestEnvelope) === 'DeployIntent';
  },
  async handle(handlerInput) {
    const target = pipelineFor(handlerInput);
    const intent = handlerInput.requestEnvelope.request.intent;
    if (intent.confirmationStatus !== 'CONFIRMED') {
      return handlerInput.responseBuilder
        .speak(`Shall I push ${target.service} to ${target.environment}?`)
        .addConfirmIntentDirective(intent)
        .getResponse();
    }
    const executions = await codePipeline.send(new ListPipelineExecutionsCommand({ pipelineName: target.pipeline, maxResults: 10 }));
    const running = (executions.pipelineExecutionSummaries || []).find((e) => e.status === 'InProgress');
    if (running) {
      return handlerInput.responseBuilder.speak(`A release of ${target.service} is already running.`).getResponse();
    }
    const started = await codePipeline.send(new StartPipelineExecutionCommand({ name: target.pipeline }));
    return handlerInput.responseBuilder
      .speak(`Done: the ${target.pipeline} pipeline has started, execution ${started.pipelineExecutionId.slice(0, 8)}.`)
      .getResponse();
  },
};

const StatusIntentHandler = {
  canHandle(handlerInput) {
    return Alexa.getRequestType(handlerInput.requestEnvelope) === 'IntentRequest'
      && Alexa.getIntentName(handlerInput.requestEnvelope) === 'StatusIntent';
  },
  async handle(handlerInput) {
    const target = pipelineFor(handlerInput);
    const state = await codePipeline.send(new GetPipelineStateCommand({ name: target.pipeline }));
    const stages = (state.stageStates || []).map((s) => `${s.stageName} ${(s.latestExecution && s.latestExecution.status) || 'not run'}`);
    return handlerInput.responseBuilder.speak(`${target.service} in ${target.environment}: ${stages.join(', ')}.`).getResponse();
  },
};

const ErrorHandler = {
  canHandle() {
    return true;
  },
  handle(handlerInput, error) {
    console.log(`~~~~ Error handled: ${JSON.stringify(error)}`);
    return handlerInput.responseBuilder.speak('Sorry, I had trouble doing what you asked. Please try again.').getResponse();
  },
};

const lambdaHandler = Alexa.SkillBuilders.custom()
  .withSkillId(config.skillId)
  .addRequestHandlers(LaunchRequestHandler, DeployIntentHandler, StatusIntentHandler)
  .addErrorHandlers(ErrorHandler)
  .lambda();

/** `.lambda()` is callback-style; wrapped so the bench (and nodejs24.x) can await it. */
exports.handler = (event, context) => new Promise((resolve, reject) => {
  lambdaHandler(event, context, (error, response) => (error ? reject(error) : resolve(response)));
});
