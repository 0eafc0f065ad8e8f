/**
 * Invoice → Get: retrieves one invoice of a Stripe connected account.
 *
 * Sends   GET {Base URL}/stripe/connect/accounts/{accountId}/invoices/{invoiceId}
 * Returns the invoice object ChatDash answers with (id, amount, currency, status — draft, open,
 *         paid, void or uncollectible —, number, customer, description, created), unchanged.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/stripe/pages/get-stripe-connect-invoice): complete,
 * except the properties of `customer` (the sample shows id, email, name). ChatDash documents no
 * invoice list, so the Invoice ID is a plain text field (no "From list").
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { notFoundInAccount } from '../pickers';
import { accountIdField } from '../common.descriptions';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Retrieve an invoice by its ID',
	action: 'Get an invoice',
};

export const description: INodeProperties[] = [
	accountIdField,
	{
		displayName: 'Invoice ID',
		name: 'invoiceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'in_1ABC123DEF456GHI',
		description: 'The Stripe ID of the invoice, starting with in_',
		hint: 'E.g. {{ $json.id }} after Invoice → Create. ChatDash has no invoice list to pick from.',
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const invoiceId = getIdParameter(this, 'invoiceId', 'Invoice ID', itemIndex);
	return {
		method: 'GET',
		path: ['stripe', 'connect', 'accounts', accountId, 'invoices', invoiceId],
		notFoundMessage: notFoundInAccount('Invoice', invoiceId, accountId),
	};
}
