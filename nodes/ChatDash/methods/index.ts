import {
	searchAgents,
	searchClientMembers,
	searchClients,
	searchCoupons,
	searchProducts,
	searchSubscriptions,
	searchTransactions,
} from './listSearch';

export const listSearch = {
	searchAgents,
	searchClientMembers,
	searchClients,
	searchCoupons,
	searchProducts,
	searchSubscriptions,
	searchTransactions,
};
