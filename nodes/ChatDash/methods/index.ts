import { getLeadTags } from './loadOptions';
import {
	searchAgents,
	searchClientMembers,
	searchClients,
	searchCoupons,
	searchLeadTags,
	searchProducts,
	searchSubscriptions,
	searchTransactions,
} from './listSearch';

export const listSearch = {
	searchAgents,
	searchClientMembers,
	searchClients,
	searchCoupons,
	searchLeadTags,
	searchProducts,
	searchSubscriptions,
	searchTransactions,
};

export const loadOptions = { getLeadTags };
