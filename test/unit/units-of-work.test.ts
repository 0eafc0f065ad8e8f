/** How the router groups items into requests: one each, or batches of records for array endpoints. */
import { unitsOfWork } from '../../nodes/ChatDash/actions/batch';
import type { ChatDashRequest } from '../../nodes/ChatDash/actions/operation';

const single = (path: string[]): ChatDashRequest => ({ method: 'GET', path });
const lead = (agent: string, maxSize = 3): ChatDashRequest => ({
	method: 'POST',
	path: ['agents', agent, 'leads'],
	batch: { record: { phone: '+15550100' }, maxSize },
});

test('items without a batch record are one request each, in order', () => {
	expect(unitsOfWork([single(['a']), single(['b']), new Error('bad')])).toEqual([[0], [1], [2]]);
});

test('batch records of one endpoint go together up to the batch size, in input order', () => {
	const prepared = Array.from({ length: 7 }, () => lead('A'));
	expect(unitsOfWork(prepared)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
});

test('records for different endpoints (agents) never share a request; an invalid item stays on its own', () => {
	const prepared = [lead('A'), lead('B'), new Error('bad phone'), lead('A'), lead('B'), lead('A'), lead('A')];
	expect(unitsOfWork(prepared)).toEqual([[0, 3, 5], [1, 4], [2], [6]]);
});

test('a batch size of 1 sends every record alone', () => {
	expect(unitsOfWork([lead('A', 1), lead('A', 1)])).toEqual([[0], [1]]);
});
