import {
  ApplicationDoesNotExistException, ApplicationNameRequiredException, CodeDeployClient, GetDeploymentGroupCommand,
  InvalidNextTokenException as CodeDeployInvalidNextToken, ListApplicationsCommand, ListDeploymentGroupsCommand,
  paginateListApplications, paginateListDeploymentGroups,
} from '@aws-sdk/client-codedeploy';
import {
  CodePipelineClient, GetPipelineCommand, InvalidNextTokenException, ListPipelinesCommand, paginateListPipelines,
  PipelineNotFoundException, PipelineVersionNotFoundException, ValidationException,
} from '@aws-sdk/client-codepipeline';
import { LIST_NAMES_PAGE_SIZE, LIST_PIPELINES_PAGE_SIZE, seedSampleAccount, startLocalAws, type LocalAws } from '../../../../tools/local-aws';
import { clientsFor } from './clients';

/** The read operations `npm run setup` and `npm run doctor` use, against the sample account. */

let aws: LocalAws;
let clients: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  aws = await startLocalAws({ strictRegion: true });
  seedSampleAccount(aws.store);
  clients = clientsFor(aws.url);
});

afterAll(async () => {
  clients.destroy();
  await aws.close();
});

const collect = async <T>(pages: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
};

describe('local-aws ListPipelines and GetPipeline', () => {
  it('lists every pipeline over pages of at most the page size, in name order', async () => {
    // Act
    const pages = await collect(paginateListPipelines({ client: clients.pipeline }, {}));

    // Assess
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => (p.pipelines ?? []).length <= LIST_PIPELINES_PAGE_SIZE)).toBe(true);
    expect(pages.flatMap((p) => p.pipelines ?? []).map((p) => p.name)).toEqual([
      'billing-production', 'billing-staging', 'checkout-prod', 'checkout-staging', 'legacy-monolith', 'nightly-reports', 'search-dev', 'search-prod',
    ]);
    expect(pages[0]?.pipelines?.[0]).toMatchObject({ version: 1, pipelineType: 'V2', executionMode: 'SUPERSEDED', created: expect.any(Date), updated: expect.any(Date) });
  });

  it('refuses a maxResults outside 1..1000 and a nextToken it did not give', async () => {
    await expect(clients.pipeline.send(new ListPipelinesCommand({ maxResults: 0 }))).rejects.toThrow(ValidationException);
    await expect(clients.pipeline.send(new ListPipelinesCommand({ maxResults: 1001 }))).rejects.toThrow(/between 1 and 1000/);
    await expect(clients.pipeline.send(new ListPipelinesCommand({ nextToken: 'not-a-token' }))).rejects.toThrow(InvalidNextTokenException);
  });

  it("declares a pipeline's stages, with its CodeDeploy action's application and deployment group", async () => {
    // Act
    const { pipeline, metadata } = await clients.pipeline.send(new GetPipelineCommand({ name: 'billing-production' }));

    // Assess
    expect(pipeline?.stages?.map((s) => s.name)).toEqual(['Source', 'Build', 'Deploy']);
    expect(pipeline?.stages?.[2]?.actions?.[0]).toMatchObject({
      actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeploy', version: '1' },
      configuration: { ApplicationName: 'billing-service', DeploymentGroupName: 'billing-prod-fleet' },
    });
    expect(metadata?.pipelineArn).toBe('arn:aws:codepipeline:us-east-1:123456789012:billing-production');
  });

  it('declares another provider for a pipeline that deploys without CodeDeploy, and no deploy stage for one that only builds', async () => {
    // Act
    const ecs = await clients.pipeline.send(new GetPipelineCommand({ name: 'search-prod' }));
    const buildOnly = await clients.pipeline.send(new GetPipelineCommand({ name: 'nightly-reports' }));

    // Assess
    expect(ecs.pipeline?.stages?.[2]?.actions?.[0]?.actionTypeId?.provider).toBe('ECS');
    expect(buildOnly.pipeline?.stages?.flatMap((s) => s.actions ?? []).map((a) => a.actionTypeId?.category)).toEqual(['Source', 'Build']);
  });

  it('answers an unknown pipeline, an unknown version and a missing name as CodePipeline does', async () => {
    await expect(clients.pipeline.send(new GetPipelineCommand({ name: 'nope' }))).rejects.toThrow(PipelineNotFoundException);
    await expect(clients.pipeline.send(new GetPipelineCommand({ name: 'checkout-prod', version: 7 }))).rejects.toThrow(PipelineVersionNotFoundException);
    await expect(clients.pipeline.send(new GetPipelineCommand({} as never))).rejects.toThrow(ValidationException);
  });

  it('answers calls signed for another region from an empty account there', async () => {
    // Prepare
    const elsewhere = new CodePipelineClient({ endpoint: aws.url, region: 'eu-west-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' }, maxAttempts: 1 });

    // Act
    const listed = await elsewhere.send(new ListPipelinesCommand({}));
    const getting = elsewhere.send(new GetPipelineCommand({ name: 'checkout-prod' }));

    // Assess
    expect(listed.pipelines).toEqual([]);
    await expect(getting).rejects.toThrow(PipelineNotFoundException);
    expect(aws.calls().at(-1)?.region).toBe('eu-west-1');
    elsewhere.destroy();
  });
});

describe('local-aws ListApplications and ListDeploymentGroups', () => {
  it('lists every application over pages, those without groups included', async () => {
    // Act
    const pages = await collect(paginateListApplications({ client: clients.deploy }, {}));

    // Assess
    expect(pages.every((p) => (p.applications ?? []).length <= LIST_NAMES_PAGE_SIZE)).toBe(true);
    expect(pages.flatMap((p) => p.applications ?? [])).toEqual(['billing-service', 'checkout', 'inventory', 'monolith', 'sandbox-tools']);
  });

  it("lists an application's deployment groups, and none for one without", async () => {
    // Act
    const inventory = await collect(paginateListDeploymentGroups({ client: clients.deploy }, { applicationName: 'inventory' }));
    const sandbox = await clients.deploy.send(new ListDeploymentGroupsCommand({ applicationName: 'sandbox-tools' }));

    // Assess
    expect(inventory.flatMap((p) => p.deploymentGroups ?? [])).toEqual(['inventory-prod', 'inventory-staging']);
    expect(inventory[0]?.applicationName).toBe('inventory');
    expect(sandbox.deploymentGroups).toEqual([]);
  });

  it('answers a missing or unknown application and a bad token as CodeDeploy does', async () => {
    await expect(clients.deploy.send(new ListDeploymentGroupsCommand({} as never))).rejects.toThrow(ApplicationNameRequiredException);
    await expect(clients.deploy.send(new ListDeploymentGroupsCommand({ applicationName: 'nope' }))).rejects.toThrow(ApplicationDoesNotExistException);
    await expect(clients.deploy.send(new ListApplicationsCommand({ nextToken: 'bad' }))).rejects.toThrow(CodeDeployInvalidNextToken);
  });

  it('finds a group no pipeline deploys to', async () => {
    // Act
    const { deploymentGroupInfo } = await clients.deploy.send(new GetDeploymentGroupCommand({ applicationName: 'inventory', deploymentGroupName: 'inventory-prod' }));

    // Assess
    expect(deploymentGroupInfo?.lastSuccessfulDeployment?.deploymentId).toMatch(/^d-/);
  });

  it('answers calls signed for another region from an empty account there', async () => {
    // Prepare
    const elsewhere = new CodeDeployClient({ endpoint: aws.url, region: 'eu-west-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' }, maxAttempts: 1 });

    // Act
    const listed = await elsewhere.send(new ListApplicationsCommand({}));

    // Assess
    expect(listed.applications).toEqual([]);
    elsewhere.destroy();
  });
});
