import { searchCoupons, searchProducts, searchSubscriptions, searchTransactions } from './listSearch';

export const listSearch = { searchCoupons, searchProducts, searchSubscriptions, searchTransactions };
