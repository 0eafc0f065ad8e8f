/**
 * Runs the ChatDash Trigger's webhook methods and webhook() in n8n-core's real contexts
 * (HookContext, WebhookContext, as n8n's webhook service builds them), over real HTTP to the
 * emulator. What n8n's CLI supplies around them is reduced here to: a node-types registry, engine.ts's
 * credentials helper (defaults, the credential's `authenticate`), the webhook base
 * URLs, the workflow's static data (kept in the `Workflow` object, shared between calls made on the
 * same `TriggerWorkflow`), and a Logger in n8n's container that records what the node logs.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
} from 'n8n-workflow';

import { ChatDashTrigger } from '../../nodes/ChatDashTrigger/ChatDashTrigger.node';
import { TestCredentialsHelper } from './engine';

export const TRIGGER_NODE_TYPE = 'n8n-nodes-chatdash.chatDashTrigger';
export const TRIGGER_NODE_NAME = 'ChatDash Trigger';
export const WEBHOOK_ID = '4f0c8a61-2b7e-4c1d-9a35-7e2b9c0d1f42';

const trigger = new ChatDashTrigger();

const nodeTypes: INodeTypes = {
	getByName: (type) => (type === TRIGGER_NODE_TYPE ? (trigger as INodeType) : (undefined as never)),
	getByNameAndVersion: (type) => {
		if (type !== TRIGGER_NODE_TYPE) throw new Error(`Unknown node type ${type}`);
		return trigger;
	},
	getKnownTypes: () => ({}),
};

/** What the node logged, per level, through n8n's Logger. */
export interface LogRecord {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
}

export const logged: LogRecord[] = [];

/** Puts a recording Logger into n8n's container (the contexts read `this.logger` from there). */
export function installRecordingLogger(): void {
	const record = (level: LogRecord['level']) => (message: string) => {
		logged.push({ level, message });
	};
	const logger = {
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		scoped() {
			return logger;
		},
	};
	Container.set(Logger, logger as unknown as Logger);
}

export interface TriggerSetup {
	parameters: INodeParameters;
	/** `chatDashClientApi` data: apiKey, clientId, baseUrl. */
	credentials: ICredentialDataDecryptedObject;
	/** n8n's webhook base (WEBHOOK_URL), without a trailing slash. */
	webhookBase?: string;
}

/** A fake Express response recording what webhook() answers by itself. */
export interface RecordedResponse {
	statusCode?: number;
	body?: unknown;
	ended: boolean;
}

/**
 * One workflow holding the trigger, with its own static data: calls on the same object share it,
 * as n8n's saved workflow does; a new object starts empty, as a test listen does.
 */
export function triggerWorkflow(setup: TriggerSetup) {
	const webhookBase = setup.webhookBase ?? 'https://n8n.example.com';
	const node: INode = {
		id: 'trigger',
		name: TRIGGER_NODE_NAME,
		type: TRIGGER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: setup.parameters,
		credentials: { chatDashClientApi: { id: '1', name: 'ChatDash client' } },
	};
	const workflow = new Workflow({
		id: 'wfTrigger1',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: {},
	});

	function additionalData(extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: new TestCredentialsHelper({ chatDashClientApi: setup.credentials }),
			currentNodeExecutionIndex: 0,
			restApiUrl: `${webhookBase}/rest`,
			instanceBaseUrl: `${webhookBase}/`,
			webhookBaseUrl: `${webhookBase}/webhook`,
			webhookWaitingBaseUrl: `${webhookBase}/webhook-waiting`,
			webhookTestBaseUrl: `${webhookBase}/webhook-test`,
			formBaseUrl: `${webhookBase}/form`,
			formTestBaseUrl: `${webhookBase}/form-test`,
			formWaitingBaseUrl: `${webhookBase}/form-waiting`,
			mcpBaseUrl: `${webhookBase}/mcp`,
			mcpTestBaseUrl: `${webhookBase}/mcp-test`,
			variables: {},
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	function webhookData(isTest: boolean): IWebhookData {
		return {
			httpMethod: 'POST',
			node: node.name,
			path: `${WEBHOOK_ID}/webhook`,
			webhookDescription: trigger.description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData(),
			isTest,
		} as IWebhookData;
	}

	function hookContext(isTest: boolean, activation: WorkflowActivateMode) {
		return new HookContext(workflow, node, additionalData(), isTest ? 'manual' : 'trigger', activation, webhookData(isTest));
	}

	const methods = trigger.webhookMethods.default;

	return {
		workflow,
		node,
		/** The production URL n8n gives this node. */
		productionUrl: `${webhookBase}/webhook/${WEBHOOK_ID}/webhook`,
		testUrl: `${webhookBase}/webhook-test/${WEBHOOK_ID}/webhook`,
		/** The node's static data (what n8n saves with the workflow). */
		staticData: () => workflow.getStaticData('node', node) as IDataObject,
		checkExists: async (options: { isTest?: boolean; activation?: WorkflowActivateMode } = {}) =>
			await methods.checkExists.call(hookContext(options.isTest ?? false, options.activation ?? 'activate')),
		create: async (options: { isTest?: boolean; activation?: WorkflowActivateMode } = {}) =>
			await methods.create.call(hookContext(options.isTest ?? false, options.activation ?? 'activate')),
		delete: async (options: { isTest?: boolean; activation?: WorkflowActivateMode } = {}) =>
			await methods.delete.call(hookContext(options.isTest ?? false, options.activation ?? 'activate')),
		/** What n8n's webhook service does on publish: checkExists, then create when it answered false. */
		register: async (options: { isTest?: boolean; activation?: WorkflowActivateMode } = {}) => {
			const context = hookContext(options.isTest ?? false, options.activation ?? 'activate');
			if (!(await methods.checkExists.call(context))) await methods.create.call(context);
		},
		/** Calls webhook() with a request body, as n8n does for a POST to the webhook URL. */
		receive: async (body: unknown): Promise<{ result: IWebhookResponseData; response: RecordedResponse }> => {
			const response: RecordedResponse = { ended: false };
			const fakeResponse = {
				status(code: number) {
					response.statusCode = code;
					return fakeResponse;
				},
				json(value: unknown) {
					response.body = value;
					return fakeResponse;
				},
				send(value: unknown) {
					response.body = value;
					return fakeResponse;
				},
				end() {
					response.ended = true;
					return fakeResponse;
				},
			};
			const request = { body, headers: { 'content-type': 'application/json' }, params: {}, query: {} };
			const context = new WebhookContext(
				workflow,
				node,
				additionalData({ httpRequest: request, httpResponse: fakeResponse } as never),
				'trigger',
				webhookData(false),
				[],
				null,
			);
			const result = await trigger.webhook.call(context);
			return { result, response };
		},
	};
}
