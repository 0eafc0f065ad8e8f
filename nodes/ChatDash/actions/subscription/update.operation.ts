/**
 * Subscription → Update: changes a subscription (or subscription schedule) of a Stripe connected
 * account.
 *
 * Sends   PUT {Base URL}/stripe/connect/accounts/{accountId}/subscriptions/{subscriptionId}
 *         {"data": {"productId"?, "startDate"?, "taxSettings"?: {"enabled"?, "country"?, "postalCode"?},
 *                   "cancelAtPeriodEnd"?}}        (only the fields set under Update Fields)
 * Returns the updated subscription unchanged (customer as {id, email}, with priceIds and startDate,
 *         per the docs' sample).
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/stripe/pages/put-stripe-connect-subscription): the
 * request schema lists productId ("Required with startDate when updating a schedule (subscriptionId
 * includes sched)") and startDate (integer, "Unix timestamp (se…", cut off: sent as unix seconds),
 * then is cut off. taxSettings {enabled, country, postalCode} and cancelAtPeriodEnd appear only in
 * the documented cURL sample and are sent under exactly those names and shapes. Nothing else is
 * sent. Checked before sending: at least one field is set; for a schedule (an ID containing
 * "sched") Product ID and Start Date are both given, as the docs require.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, refuse, toBoolean, toUnixSeconds } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountIdField, updateFieldsCollection } from '../common.descriptions';
import { notFoundInAccount, subscriptionIdField } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: "Change a subscription's product, start date, tax settings or cancellation at period end",
	action: 'Update a subscription',
};

const UPDATE_FIELDS = 'Cancel at Period End, Product ID, Start Date, Tax Country, Tax Enabled or Tax Postal Code';

export const description: INodeProperties[] = [
	accountIdField,
	{ ...subscriptionIdField, description: 'The subscription or subscription schedule to update' },
	updateFieldsCollection(
		[
			{
				displayName: 'Cancel at Period End',
				name: 'cancelAtPeriodEnd',
				type: 'boolean',
				default: true,
				description: 'Whether the subscription ends at the end of the current billing period',
			},
			{
				displayName: 'Product ID',
				name: 'productId',
				type: 'string',
				default: '',
				placeholder: 'prod_ABC123XYZ',
				description: 'The product to switch to. Required, with Start Date, when updating a subscription schedule.',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'When the subscription (schedule) starts, sent as unix seconds. Required, with Product ID, when updating a subscription schedule.',
			},
			{
				displayName: 'Tax Country',
				name: 'taxCountry',
				type: 'string',
				default: '',
				placeholder: 'US',
				description: 'The customer’s country for tax, e.g. US (sent as taxSettings.country)',
			},
			{
				displayName: 'Tax Enabled',
				name: 'taxEnabled',
				type: 'boolean',
				default: false,
				description: 'Whether Stripe calculates tax on the subscription (sent as taxSettings.enabled)',
			},
			{
				displayName: 'Tax Postal Code',
				name: 'taxPostalCode',
				type: 'string',
				default: '',
				placeholder: '94102',
				description: 'The customer’s postal code for tax (sent as taxSettings.postalCode)',
			},
		],
		{
			description: 'What to change. For a subscription schedule (sub_sched_…), set both Product ID and Start Date.',
		},
	),
];

/** An optional text value of the collection, trimmed; undefined when empty. */
function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const subscriptionId = getIdParameter(this, 'subscriptionId', 'Subscription', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;

	const data: IDataObject = {};
	const productId = optionalText(fields.productId);
	if (productId !== undefined) data.productId = productId;
	if (fields.startDate) data.startDate = toUnixSeconds(this, fields.startDate, 'Start Date', itemIndex);

	const taxSettings: IDataObject = {};
	if (fields.taxEnabled !== undefined) taxSettings.enabled = toBoolean(this, fields.taxEnabled, 'Tax Enabled', itemIndex);
	const country = optionalText(fields.taxCountry);
	if (country !== undefined) taxSettings.country = country;
	const postalCode = optionalText(fields.taxPostalCode);
	if (postalCode !== undefined) taxSettings.postalCode = postalCode;
	if (Object.keys(taxSettings).length) data.taxSettings = taxSettings;

	if (fields.cancelAtPeriodEnd !== undefined) {
		data.cancelAtPeriodEnd = toBoolean(this, fields.cancelAtPeriodEnd, 'Cancel at Period End', itemIndex);
	}

	if (!Object.keys(data).length) {
		refuse(this, itemIndex, 'Nothing to update', `Add at least one field under Update Fields: ${UPDATE_FIELDS}.`);
	}
	if (subscriptionId.includes('sched') && (data.productId === undefined || data.startDate === undefined)) {
		refuse(
			this,
			itemIndex,
			`Updating the subscription schedule "${subscriptionId}" needs both Product ID and Start Date`,
			'ChatDash requires productId together with startDate when the subscription ID is a schedule (contains "sched"). Set both under Update Fields.',
		);
	}

	return {
		method: 'PUT',
		path: ['stripe', 'connect', 'accounts', accountId, 'subscriptions', subscriptionId],
		body: { data },
		notFoundMessage: notFoundInAccount('Subscription', subscriptionId, accountId),
	};
}
