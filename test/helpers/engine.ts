/**
 * Runs the ChatDash node through n8n-core's real execution engine: a real `Workflow`, real
 * `WorkflowExecute`, real expression resolution and real HTTP (over loopback to the emulator).
 * Only what n8n's CLI would provide around the engine is supplied here: a node-types registry and
 * a credentials helper that applies the credential's `authenticate` function the way n8n's
 * CredentialsHelper does.
 */
import { Container } from '@n8n/di';
import { OutboundHttp } from '@n8n/backend-network';
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeConnectionTypes,
	Workflow,
	type ExecutionError,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { ChatDashApi } from '../../credentials/ChatDashApi.credentials';
import { ChatDashClientApi } from '../../credentials/ChatDashClientApi.credentials';
import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';

export const CHATDASH_NODE_TYPE = 'n8n-nodes-chatdash.chatDash';
/** The type n8n gives the node's AI-tool variant (`usableAsTool`); its execute is the node's own. */
export const CHATDASH_TOOL_NODE_TYPE = 'n8n-nodes-chatdash.chatDashTool';
const SAMPLE_ITEMS_NODE_TYPE = 'test.sampleItems';
export const CHATDASH_NODE_NAME = 'ChatDash';
const SOURCE_NODE_NAME = 'Sample Items';

/** A stand-in for "a node producing items": outputs the items given in its `items` parameter. */
class SampleItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sample Items',
		name: 'sampleItems',
		group: ['input'],
		version: 1,
		description: 'Outputs fixed items (test only)',
		defaults: { name: SOURCE_NODE_NAME },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

const nodeTypeInstances: Record<string, INodeType> = {
	[CHATDASH_NODE_TYPE]: new ChatDash(),
	[CHATDASH_TOOL_NODE_TYPE]: new ChatDash(),
	[SAMPLE_ITEMS_NODE_TYPE]: new SampleItems(),
};

const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeInstances[type],
	getByNameAndVersion: (type) => {
		const nodeType = nodeTypeInstances[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	},
	getKnownTypes: () => ({}),
};

const credentialTypes: Record<string, ICredentialType> = {
	chatDashApi: new ChatDashApi(),
	chatDashClientApi: new ChatDashClientApi(),
};

/** Fills in credential defaults, as n8n does before a node sees the data. */
function withDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const filled: ICredentialDataDecryptedObject = {};
	for (const property of credentialTypes[type].properties) {
		filled[property.name] = (data[property.name] ?? property.default) as string;
	}
	return filled;
}

/**
 * Applies the credential's `authenticate` the way n8n's CredentialsHelper does for the function
 * form: called with the decrypted data and the request, its result is what goes out. Every
 * credential of this package uses the function form (see ChatDashApi.credentials.ts), so the
 * generic, expression-based form is refused here rather than half-emulated.
 */
export async function applyAuthentication(
	credentialType: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { authenticate } = credentialType;
	if (typeof authenticate !== 'function') {
		throw new Error(`${credentialType.name}: only a function authenticate is supported by this harness`);
	}
	return await authenticate(credentials, requestOptions);
}

/**
 * What n8n's CredentialsHelper does for the node and the trigger, over the credential data given
 * per type: defaults filled in, the function `authenticate` applied. Nothing is stored or encrypted.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	private typeInUse(type: string): ICredentialType {
		if (!this.credentials[type] || !credentialTypes[type]) throw new Error(`No credentials of type ${type} configured`);
		return credentialTypes[type];
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return await applyAuthentication(this.typeInUse(typeName), credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the engine: it asks for decrypted data (getDecrypted)');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		this.typeInUse(type);
		return withDefaults(type, this.credentials[type]);
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return this.typeInUse(type).properties;
	}
}

/** What n8n's CLI hands the engine, reduced to what a node without sub-workflows uses. */
function createAdditionalData(
	credentials: ICredentialDataDecryptedObject,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper({ chatDashApi: credentials }),
		hooks,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/formBaseUrl',
		formWaitingBaseUrl: 'http://127.0.0.1/formWaitingBaseUrl',
		formTestBaseUrl: 'http://127.0.0.1/formTestBaseUrl',
		webhookBaseUrl: 'http://127.0.0.1/webhookBaseUrl',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhookWaitingBaseUrl',
		webhookTestBaseUrl: 'http://127.0.0.1/webhookTestBaseUrl',
		mcpBaseUrl: 'http://127.0.0.1/mcpBaseUrl',
		mcpTestBaseUrl: 'http://127.0.0.1/mcpTestBaseUrl',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not supported');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not supported');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunOptions {
	/** JSON of the items the ChatDash node receives. */
	items: IDataObject[];
	/** The ChatDash node's parameters, expressions allowed. */
	parameters: INodeParameters;
	/** `chatDashApi` credential data (apiKey, baseUrl). */
	credentials: ICredentialDataDecryptedObject;
	/** The node's "On Error" setting. */
	onError?: INode['onError'];
	/** Run the node under its AI-tool type (`chatDashTool`), as a workflow holding the ChatDash Tool does. */
	asTool?: boolean;
}

export interface RunResult {
	run: IRun;
	/** Items of the ChatDash node's first output (empty when the node failed). */
	output: INodeExecutionData[];
	/** Items of the error output, when onError is 'continueErrorOutput'. */
	errorOutput: INodeExecutionData[];
	/** The workflow's error, when the run failed. */
	error?: ExecutionError;
}

function createChatDashNode(parameters: INodeParameters, onError?: INode['onError'], asTool = false): INode {
	return {
		id: 'chatdash',
		name: CHATDASH_NODE_NAME,
		type: asTool ? CHATDASH_TOOL_NODE_TYPE : CHATDASH_NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters,
		credentials: { chatDashApi: { id: '1', name: 'ChatDash account' } },
		...(onError ? { onError } : {}),
	};
}

/**
 * The context n8n gives list-search methods while the user edits the node: the node's current
 * parameters, its credentials, and n8n's real request helpers.
 */
export function createLoadOptionsContext(
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject,
	parameterPath = 'parameters.couponId',
): ILoadOptionsFunctions {
	const node = createChatDashNode(parameters);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return new LoadOptionsContext(workflow, node, createAdditionalData(credentials), parameterPath);
}

export async function runChatDashNode(options: RunOptions): Promise<RunResult> {
	const sourceNode: INode = {
		id: 'source',
		name: SOURCE_NODE_NAME,
		type: SAMPLE_ITEMS_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(options.items) },
	};
	const chatDashNode = createChatDashNode(options.parameters, options.onError, options.asTool);
	const workflow = new Workflow({
		id: 'chatdash-test',
		nodes: [sourceNode, chatDashNode],
		connections: {
			[SOURCE_NODE_NAME]: {
				main: [[{ node: CHATDASH_NODE_NAME, type: NodeConnectionTypes.Main, index: 0 }]],
			},
		},
		active: false,
		nodeTypes,
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: workflow.id,
		name: 'ChatDash test',
		active: false,
		isArchived: false,
		nodes: [sourceNode, chatDashNode],
		connections: workflow.connectionsBySourceNode,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as never);
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolve(fullRunData));
	});

	const additionalData = createAdditionalData(options.credentials, hooks);

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: sourceNode, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});

	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await finished;

	const taskData = run.data.resultData.runData[CHATDASH_NODE_NAME]?.[0];
	return {
		run,
		output: taskData?.data?.main?.[0] ?? [],
		errorOutput: taskData?.data?.main?.[1] ?? [],
		error: run.data.resultData.error,
	};
}

/**
 * Sends the credential's `test` request as n8n's credential test does: expressions resolved
 * against the credential data, the credential's authenticate applied, sent by n8n's outbound HTTP client.
 * Resolves to the HTTP status.
 */
export async function runCredentialTest(credentials: ICredentialDataDecryptedObject): Promise<number> {
	const credentialType = credentialTypes.chatDashApi;
	const node: INode = {
		id: 'credential-test',
		name: 'Credential test',
		type: CHATDASH_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const data = withDefaults('chatDashApi', credentials);
	const request = workflow.expression.getComplexParameterValue(
		node,
		credentialType.test!.request as never,
		'internal',
		{ $credentials: data } as never,
	) as unknown as IHttpRequestOptions;
	const options = await applyAuthentication(credentialType, data, {
		...request,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	});
	const response = (await Container.get(OutboundHttp).requests().request(options)) as {
		statusCode: number;
	};
	return response.statusCode;
}

/**
 * The `run` of an engine test file: the node with `base` parameters under each call's, on the
 * credentials `credentials()` gives when it runs (the emulator of the current test), one empty item
 * unless told otherwise.
 */
export function nodeRunner(credentials: () => ICredentialDataDecryptedObject, base: INodeParameters = {}) {
	return (parameters: INodeParameters, items: Array<Record<string, unknown>> = [{}], onError?: INode['onError']) =>
		runChatDashNode({ items: items as IDataObject[], parameters: { ...base, ...parameters }, credentials: credentials(), onError });
}
