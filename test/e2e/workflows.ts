/** Workflows the end-to-end tests import into the real n8n. */
import type { IDataObject } from 'n8n-workflow';

import { codeNode, linearWorkflow } from '../../scripts/lib/workflows';

export const E2E_CREDENTIAL = { id: 'chatdashE2eCred01', name: 'ChatDash (e2e emulator)' };

const CHATDASH_TYPE = 'n8n-nodes-chatdash.chatDash';

/** A workflow holding only a Manual Trigger: where the editor tests add the node by hand. */
export function triggerOnlyWorkflow(id: string, name = id) {
	return linearWorkflow(id, [], { name });
}

/** Manual Trigger → Code node emitting `items` → ChatDash Coupon Update driven by expressions. */
export function couponUpdateWorkflow(
	id: string,
	items: IDataObject[],
	options: { onError?: string; nodeOptions?: IDataObject } = {},
) {
	return linearWorkflow(id, [
		codeNode('Sample Items', items),
		{
			name: 'ChatDash',
			type: CHATDASH_TYPE,
			typeVersion: 1,
			parameters: {
				resource: 'coupon',
				operation: 'update',
				accountId: '={{ $json.account }}',
				couponId: { __rl: true, mode: 'id', value: '={{ $json.coupon }}' },
				name: '={{ $json.newName }}',
				...(options.nodeOptions ? { options: options.nodeOptions } : {}),
			},
			credentials: { chatDashApi: E2E_CREDENTIAL },
			...(options.onError ? { onError: options.onError } : {}),
		},
	]);
}

/**
 * A workflow that holds the node's AI-tool variant. n8n refuses to run a workflow with an unknown
 * node type, so a successful run shows that n8n knows `chatDashTool`.
 */
export function toolVariantWorkflow(id: string) {
	return linearWorkflow(id, [], {
		unconnected: [
			{
				name: 'ChatDash Tool',
				type: 'n8n-nodes-chatdash.chatDashTool',
				typeVersion: 1,
				parameters: {
					resource: 'coupon',
					operation: 'update',
					accountId: 'acct_e2e',
					couponId: { __rl: true, mode: 'id', value: 'SUMMER20' },
					name: "={{ $fromAI('name', 'The new coupon name') }}",
				},
				credentials: { chatDashApi: E2E_CREDENTIAL },
			},
		],
	});
}

/**
 * Create coupon → Create a promotion code for it → Rename the coupon → Get Many promotion codes of
 * that coupon → Get Many coupons of the account: each step takes the previous step's output
 * through expressions.
 */
export function couponLifecycleWorkflow(id: string, accountId: string) {
	const chatDash = (name: string, parameters: IDataObject) => ({
		name,
		type: CHATDASH_TYPE,
		typeVersion: 1,
		parameters: { accountId, ...parameters },
		credentials: { chatDashApi: E2E_CREDENTIAL },
	});
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });
	const steps = [
		chatDash('Create coupon', {
			resource: 'coupon',
			operation: 'create',
			name: 'Lifecycle Sale',
			discountType: 'percentOff',
			percentOff: 15,
			duration: 'repeating',
			durationInMonths: 2,
		}),
		chatDash('Create promotion code', {
			resource: 'promotionCode',
			operation: 'create',
			couponId: byId('={{ $json.id }}'),
			code: 'LIFE15',
			additionalFields: { maxRedemptions: 5 },
		}),
		chatDash('Rename coupon', {
			resource: 'coupon',
			operation: 'update',
			couponId: byId("={{ $('Create coupon').item.json.id }}"),
			name: 'Lifecycle Sale (renamed)',
		}),
		chatDash('List promotion codes', {
			resource: 'promotionCode',
			operation: 'getAll',
			couponId: byId('={{ $json.id }}'),
			returnAll: true,
		}),
		chatDash('List coupons', { resource: 'coupon', operation: 'getAll', returnAll: false, limit: 10 }),
	];
	return linearWorkflow(id, steps);
}

/**
 * The billing chain of the Stripe Connect resources: Create product → Create a subscription for
 * it → Create an invoice for it → Get that invoice → Get Many transactions → Delete the
 * subscription, each step taking what it needs from earlier steps through expressions.
 */
export function billingChainWorkflow(id: string, accountId: string, clientId: string) {
	const chatDash = (name: string, parameters: IDataObject) => ({
		name,
		type: CHATDASH_TYPE,
		typeVersion: 1,
		parameters: { accountId, ...parameters },
		credentials: { chatDashApi: E2E_CREDENTIAL },
	});
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });
	return linearWorkflow(id, [
		chatDash('Create product', {
			resource: 'product',
			operation: 'create',
			pricingModel: 'oneTime',
			currency: 'usd',
			additionalFields: { name: 'Onboarding Pack', description: 'Setup and training' },
		}),
		chatDash('Create subscription', {
			resource: 'subscription',
			operation: 'create',
			clientId: byId(clientId),
			agentIds: 'agent_sales, agent_support',
			productId: byId('={{ $json.product.productId }}'),
		}),
		chatDash('Create invoice', {
			resource: 'invoice',
			operation: 'create',
			clientId: byId(clientId),
			productId: byId("={{ $('Create product').item.json.product.productId }}"),
			daysUntilDue: 14,
		}),
		chatDash('Get invoice', { resource: 'invoice', operation: 'get', invoiceId: '={{ $json.id }}' }),
		chatDash('List transactions', { resource: 'transaction', operation: 'getAll', returnAll: true }),
		// Once, not once per transaction listed before it.
		{
			...chatDash('Delete subscription', {
				resource: 'subscription',
				operation: 'delete',
				subscriptionId: byId("={{ $('Create subscription').item.json.id }}"),
			}),
			executeOnce: true,
		},
	]);
}

/**
 * Onboarding a client: Create client (with its first member) → Assign two agents to it (picked by
 * an expression) → Add a second member → Get Many agents of that client. The client's `_id`,
 * which Create Client does not return, comes from the node's read-back.
 */
export function onboardingChainWorkflow(
	id: string,
	clientName: string,
	agentIds: string[],
	/**
	 * How expressions read the Code node "New client". n8n 1.123.81 under `n8n execute` gives
	 * nothing for `$('New client').item.json…` (n8n's own Set node too) but reads `$node["New client"].json…`.
	 */
	newClient = "$('New client').item",
) {
	const chatDash = (name: string, parameters: IDataObject) => ({
		name,
		type: CHATDASH_TYPE,
		typeVersion: 1,
		parameters,
		credentials: { chatDashApi: E2E_CREDENTIAL },
	});
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });
	return linearWorkflow(id, [
		codeNode('New client', [{ clientName, agents: agentIds, admin: 'frontdesk', password: 'e2e-Onboard-pw-91' }]),
		chatDash('Create client', {
			resource: 'client',
			operation: 'create',
			name: '={{ $json.clientName }}',
			language: 'en',
			memberName: 'Front Desk',
			loginId: '={{ $json.admin }}',
			password: '={{ $json.password }}',
		}),
		chatDash('Assign agents', {
			resource: 'agent',
			operation: 'assign',
			clientId: byId('={{ $json._id }}'),
			agentIds: `={{ ${newClient}.json.agents }}`,
		}),
		chatDash('Add member', {
			resource: 'clientMember',
			operation: 'create',
			clientId: byId("={{ $('Create client').item.json._id }}"),
			name: 'Practice Manager',
			loginId: 'manager',
			password: `={{ ${newClient}.json.password }}`,
		}),
		chatDash('Agents of the client', {
			resource: 'agent',
			operation: 'getAll',
			filterByClient: true,
			clientId: byId("={{ $('Create client').item.json._id }}"),
			returnAll: true,
		}),
	]);
}

/**
 * An agent's data: Create a lead tag → a sheet-like Code node making `leadCount` rows tagged with
 * it → Create leads (batched by the node) → Get Many conversations of the agent → Get Many
 * messages of the first → Query analytics. The last three run once (`executeOnce`), not once per lead.
 */
export function agentDataChainWorkflow(id: string, agentId: string, leadCount: number) {
	const chatDash = (name: string, parameters: IDataObject, settings: IDataObject = {}) => ({
		name,
		type: CHATDASH_TYPE,
		typeVersion: 1,
		parameters: { agentId: { __rl: true, mode: 'id', value: agentId }, ...parameters },
		credentials: { chatDashApi: E2E_CREDENTIAL },
		...settings,
	});
	const rows = `const tagId = $('Create tag').first().json._id;
return Array.from({ length: ${leadCount} }, (_, i) => ({ json: { phone: '+1415555' + String(i).padStart(4, '0'), name: 'Lead ' + i, tagId } }));`;
	return linearWorkflow(id, [
		chatDash('Create tag', { resource: 'leadTag', operation: 'create', label: 'Autumn campaign' }),
		codeNode('Leads sheet', rows),
		chatDash('Create leads', {
			resource: 'lead',
			operation: 'create',
			phone: '={{ $json.phone }}',
			additionalFields: { customFields: '={{ JSON.stringify({ name: $json.name }) }}', tags: '={{ [$json.tagId] }}' },
		}),
		chatDash('Conversations', { resource: 'conversation', operation: 'getAll', returnAll: true }, { executeOnce: true }),
		chatDash('Messages of the first', { resource: 'message', operation: 'getAll', conversationId: '={{ $json._id }}', returnAll: true }, { executeOnce: true }),
		chatDash(
			'Analytics',
			{
				resource: 'analytics',
				operation: 'query',
				metrics: ['conversations', 'averageCost'],
				startTime: '2026-11-01T00:00:00.000Z',
				endTime: '2026-11-26T00:00:00.000Z',
			},
			{ executeOnce: true },
		),
	]);
}

/**
 * Manual Trigger → Code node making `count` rows {phone, name, source} → Lead → Create with
 * Mapping Column Mode "Map Automatically" (the rows' columns read as they are, no expression per
 * row), `options` under the node's Options.
 */
export function autoLeadImportWorkflow(id: string, agentId: string, count: number, options: IDataObject = {}) {
	const rows = `return Array.from({ length: ${count} }, (_, i) => ({ json: { phone: '+1628' + String(i).padStart(7, '0'), name: 'Lead ' + i, source: 'import' } }));`;
	return linearWorkflow(id, [
		codeNode('Lead rows', rows),
		{
			name: 'Import leads',
			type: CHATDASH_TYPE,
			typeVersion: 1,
			parameters: {
				resource: 'lead',
				operation: 'create',
				agentId: { __rl: true, mode: 'id', value: agentId },
				mappingMode: 'autoMapInputData',
				options,
			},
			credentials: { chatDashApi: E2E_CREDENTIAL },
		},
	]);
}

/**
 * Reads a Code node's array two ways in n8n's own Set node: `$('New client').item.json.agents` and
 * `$node["New client"].json.agents` (n8n 1.123.81 under `n8n execute` gives nothing for the first).
 */
export function codeReferenceProbeWorkflow(id: string) {
	const field = (name: string, value: string) => ({ id: name, name, value, type: 'array' });
	return linearWorkflow(id, [
		codeNode('New client', [{ agents: ['x', 'y'] }]),
		{
			name: 'Probe',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				mode: 'manual',
				includeOtherFields: false,
				assignments: {
					assignments: [
						field('byDollar', "={{ $('New client').item.json.agents }}"),
						field('byNode', '={{ $node["New client"].json.agents }}'),
					],
				},
			},
		},
	]);
}
