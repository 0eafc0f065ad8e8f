/**
 * Workflows of the AI Agent end-to-end test: Manual Trigger → AI Agent, with n8n's OpenAI Chat
 * Model (its credential's Base URL pointing at the scripted stub, test/e2e/openai-stub.js) and the
 * ChatDash Tool attached, whose fields the model fills through `$fromAI()`.
 */
import type { IDataObject } from 'n8n-workflow';

import { linearWorkflow } from '../../scripts/lib/workflows';
import { E2E_CREDENTIAL } from './workflows';

export const OPENAI_STUB_CREDENTIAL = { id: 'chatdashAiStubKey01', name: 'OpenAI (scripted stub)' };

export const AGENT_NODE = 'AI Agent';
const MODEL_NODE = 'OpenAI Chat Model';

/** `$fromAI()` expressions as a user writes them into the ChatDash Tool's fields. */
export const FROM_AI = {
	couponId: "={{ $fromAI('couponId', 'The ID of the coupon to rename, e.g. SUMMER20', 'string') }}",
	name: "={{ $fromAI('name', 'The new display name of the coupon', 'string') }}",
	limit: "={{ $fromAI('limit', 'How many coupons to return, 1 to 100', 'number') }}",
};

/** ChatDash Tool → Coupon → Update, coupon ID and name chosen by the model. */
export function couponUpdateTool(accountId: string): IDataObject {
	return {
		resource: 'coupon',
		operation: 'update',
		accountId,
		couponId: { __rl: true, mode: 'id', value: FROM_AI.couponId },
		name: FROM_AI.name,
	};
}

/** ChatDash Tool → Coupon → Get Many, the limit chosen by the model. */
export function couponListTool(accountId: string): IDataObject {
	return { resource: 'coupon', operation: 'getAll', accountId, returnAll: false, limit: FROM_AI.limit };
}

/**
 * Manual Trigger → AI Agent (fixed prompt) with the OpenAI Chat Model asking for `model` (the
 * stub picks its script by that name) and the ChatDash Tool named `toolNodeName` (n8n derives the
 * tool's name from the node's name).
 */
export function agentWorkflow(
	id: string,
	options: { model: string; prompt: string; toolNodeName: string; toolParameters: IDataObject; agentVersion?: number },
) {
	const workflow = linearWorkflow(
		id,
		[
			{
				name: AGENT_NODE,
				type: '@n8n/n8n-nodes-langchain.agent',
				// 3.1 on n8n 2.x; n8n 1.x's newest AI Agent is 3.
				typeVersion: options.agentVersion ?? 3.1,
				parameters: { promptType: 'define', text: options.prompt, options: {} },
			},
		],
		{
			unconnected: [
				{
					name: MODEL_NODE,
					type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
					typeVersion: 1.3,
					parameters: {
						model: { __rl: true, mode: 'id', value: options.model },
						// The Chat Completions API, which the stub speaks (1.3 defaults to the Responses API).
						responsesApiEnabled: false,
						options: {},
					},
					credentials: { openAiApi: OPENAI_STUB_CREDENTIAL },
				},
				{
					name: options.toolNodeName,
					type: 'n8n-nodes-chatdash.chatDashTool',
					typeVersion: 1,
					parameters: options.toolParameters,
					credentials: { chatDashApi: E2E_CREDENTIAL },
				},
			],
		},
	);
	const connections = workflow.connections as Record<string, unknown>;
	connections[MODEL_NODE] = { ai_languageModel: [[{ node: AGENT_NODE, type: 'ai_languageModel', index: 0 }]] };
	connections[options.toolNodeName] = { ai_tool: [[{ node: AGENT_NODE, type: 'ai_tool', index: 0 }]] };
	return workflow;
}

export const MCP_TRIGGER_NODE = 'MCP Server Trigger';
export const MCP_BEARER_CREDENTIAL = { id: 'chatdashMcpBearer01', name: 'MCP endpoint token' };

/**
 * n8n's MCP Server Trigger (version 2: Streamable HTTP at `/mcp/<path>`), protected by Bearer
 * Auth (the `httpBearerAuth` credential MCP_BEARER_CREDENTIAL), with ChatDash Tools attached as
 * an AI Agent's would be. Each tool is offered under its node's name (`Rename coupon` →
 * `Rename_coupon`), with its `$fromAI()` parameters as the input schema.
 */
export function mcpServerWorkflow(
	id: string,
	options: { path: string; webhookId: string; tools: Array<{ name: string; parameters: IDataObject }> },
) {
	const tools = options.tools.map((tool, index) => ({
		id: `c0000000-0000-4000-8000-${String(index + 2).padStart(12, '0')}`,
		name: tool.name,
		type: 'n8n-nodes-chatdash.chatDashTool',
		typeVersion: 1,
		position: [220 * index, 220],
		parameters: tool.parameters,
		credentials: { chatDashApi: E2E_CREDENTIAL },
	}));
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'c0000000-0000-4000-8000-000000000001',
				name: MCP_TRIGGER_NODE,
				type: '@n8n/n8n-nodes-langchain.mcpTrigger',
				typeVersion: 2,
				position: [0, 0],
				webhookId: options.webhookId,
				parameters: { authentication: 'bearerAuth', path: options.path },
				credentials: { httpBearerAuth: MCP_BEARER_CREDENTIAL },
			},
			...tools,
		],
		connections: Object.fromEntries(
			tools.map((tool) => [tool.name, { ai_tool: [[{ node: MCP_TRIGGER_NODE, type: 'ai_tool', index: 0 }]] }]),
		),
	};
}
