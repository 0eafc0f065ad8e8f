/** The helpers the real-n8n, editor and benchmark scripts build on. */
import { ensureChromium } from '../../scripts/lib/chromium';
import { codeNode, linearWorkflow, MANUAL_TRIGGER_NAME } from '../../scripts/lib/workflows';

describe('linearWorkflow', () => {
	const step = (name: string) => ({ name, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} });

	test('connects the trigger and the steps in order, each node with its own ID', () => {
		const workflow = linearWorkflow('wf1', [codeNode('Items', [{ a: 1 }]), step('Last')], {
			unconnected: [step('Tool')],
		});
		expect(workflow.nodes.map((node) => node.name)).toEqual([MANUAL_TRIGGER_NAME, 'Items', 'Last', 'Tool']);
		expect(new Set(workflow.nodes.map((node) => node.id)).size).toBe(4);
		expect(workflow.connections).toEqual({
			[MANUAL_TRIGGER_NAME]: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Last', type: 'main', index: 0 }]] },
		});
		expect(workflow).toMatchObject({ id: 'wf1', name: 'wf1', active: false });
	});

	test('a Code node returns the given items as n8n items', () => {
		const { parameters } = codeNode('Items', [{ a: 1 }, { b: 'two' }]);
		expect(parameters.jsCode).toBe('return [{"json":{"a":1}},{"json":{"b":"two"}}];');
	});
});

describe('ensureChromium', () => {
	const saved = process.env.CHATDASH_CHROMIUM;
	afterEach(() => {
		if (saved === undefined) delete process.env.CHATDASH_CHROMIUM;
		else process.env.CHATDASH_CHROMIUM = saved;
	});

	test('CHATDASH_CHROMIUM names the browser to use', () => {
		process.env.CHATDASH_CHROMIUM = process.execPath;
		expect(ensureChromium()).toEqual({ executablePath: process.execPath });
	});

	test('a CHATDASH_CHROMIUM that is not an executable is reported, not installed around', () => {
		process.env.CHATDASH_CHROMIUM = '/nonexistent/chromium';
		expect(ensureChromium()).toEqual({ unavailable: 'CHATDASH_CHROMIUM=/nonexistent/chromium is not an executable file' });
	});
});
