/**
 * Subscription → Delete: cancels (deletes) a subscription of a Stripe connected account.
 *
 * Sends   DELETE {Base URL}/stripe/connect/accounts/{accountId}/subscriptions/{subscriptionId}
 *         (no body)
 * Returns ChatDash's answer unchanged: {"id": "<subscription ID>", "canceled": true}.
 *
 * A DELETE is retried after transient failures. If a retry answers 404 after an earlier try that
 * may have been carried out (a 5xx, a dropped connection, a timeout), that earlier try deleted it:
 * the output is then {"id", "canceled": true, "deletedOnEarlierAttempt": true} instead of an
 * error. A 404 on the first try (or after only 429s, which mean "not done") is an error naming
 * the subscription and the account.
 *
 * Docs (https://docs.chat-dash.com/api-reference/stripe/pages/delete-stripe-connect-subscription):
 * 200 {id, canceled} complete; a '500' exists, its content cut off. ASSUMPTION (docs silent): an
 * unknown subscription answers 404, as Stripe.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountIdField } from '../common.descriptions';
import { notFoundInAccount, subscriptionIdField } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	description: 'Cancels the subscription in Stripe and deletes it. This cannot be undone.',
	action: 'Cancel and delete a subscription permanently',
};

export const description: INodeProperties[] = [
	accountIdField,
	{ ...subscriptionIdField, description: 'The subscription to cancel and delete' },
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const subscriptionId = getIdParameter(this, 'subscriptionId', 'Subscription', itemIndex);
	return {
		method: 'DELETE',
		path: ['stripe', 'connect', 'accounts', accountId, 'subscriptions', subscriptionId],
		notFoundMessage: notFoundInAccount('Subscription', subscriptionId, accountId),
		goneAfterRetry: { id: subscriptionId, canceled: true, deletedOnEarlierAttempt: true },
	};
}
