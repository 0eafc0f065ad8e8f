/**
 * Transaction → Get: retrieves one transaction (a Stripe payment intent) of a connected account.
 *
 * Sends   GET {Base URL}/stripe/connect/accounts/{accountId}/transactions/{transactionId}
 * Returns the transaction object ChatDash answers with (id — a payment intent ID, pi_… —, amount,
 *         currency, status, description, customer, created), unchanged.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/stripe/pages/get-stripe-connect-transaction, from the
 * rendered page): complete, except the properties of `customer` (the sample shows id, email, name).
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountIdField } from '../common.descriptions';
import { notFoundInAccount, transactionIdField } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Retrieve a transaction by its ID',
	action: 'Get a transaction',
};

export const description: INodeProperties[] = [
	accountIdField,
	{ ...transactionIdField, description: 'The transaction to retrieve' },
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const transactionId = getIdParameter(this, 'transactionId', 'Transaction', itemIndex);
	return {
		method: 'GET',
		path: ['stripe', 'connect', 'accounts', accountId, 'transactions', transactionId],
		notFoundMessage: notFoundInAccount('Transaction', transactionId, accountId),
	};
}
