import { searchCoupons } from './listSearch';

export const listSearch = { searchCoupons };
