/**
 * A logged-in session on a running n8n's REST API (`n8n start`), and waits on its state: the
 * executions of a workflow, one execution's items. Same calls on n8n 1.x and 2.x.
 */
import { waitUntil } from '../../scripts/lib/wait';
import { unflatten } from './n8n-data';

export const E2E_OWNER = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'ChatDash-e2e-Passw0rd' };

export function restSession(baseUrl: () => string, browserId = 'chatdash-e2e-browser') {
	let cookie = '';

	async function rest(method: string, route: string, body?: unknown) {
		const response = await fetch(`${baseUrl()}${route}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': browserId, cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) cookie = setCookie.split(';')[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// not JSON
		}
		return { status: response.status, body: parsed as { data?: any } | undefined };
	}

	/** n8n 1.x answers /healthz/readiness before its REST routes exist: they answer 404 until they do. */
	async function routeAnswer(method: string, route: string, body: unknown) {
		return await waitUntil(
			async () => {
				const answer = await rest(method, route, body);
				return answer.status !== 404 && answer;
			},
			`${method} ${route} to exist`,
		);
	}

	/** Creates the owner (first start only) and logs in. */
	async function login(setup = false) {
		if (setup) {
			const created = await routeAnswer('POST', '/rest/owner/setup', E2E_OWNER);
			if (created.status !== 200) throw new Error(`owner setup answered ${created.status}`);
		}
		cookie = '';
		const answer = await routeAnswer('POST', '/rest/login', { emailOrLdapLoginId: E2E_OWNER.email, password: E2E_OWNER.password });
		if (answer.status !== 200) throw new Error(`login answered ${answer.status}`);
	}

	async function executionIds(workflowId: string): Promise<string[]> {
		const answer = await rest('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
		if (answer.status !== 200) throw new Error(`executions answered ${answer.status}`);
		// n8n joins the running and the finished executions from two queries, so one that finishes
		// between them is listed twice: each ID once.
		const ids = (answer.body!.data.results as Array<{ id: string }>).map((execution) => execution.id);
		return [...new Set(ids)].sort((a, b) => Number(a) - Number(b));
	}

	/** Waits until the workflow has at least `count` executions; returns their IDs, oldest first. */
	async function waitForExecutions(workflowId: string, count: number): Promise<string[]> {
		return await waitUntil(async () => {
			const ids = await executionIds(workflowId);
			return ids.length >= count && ids;
		}, `${count} executions of workflow ${workflowId}`);
	}

	/** Waits until the execution has finished; returns the items the node `nodeName` output. */
	async function executionItems(executionId: string, nodeName: string): Promise<unknown[]> {
		const execution = await waitUntil(async () => {
			const answer = await rest('GET', `/rest/executions/${executionId}`);
			return ['success', 'error', 'crashed'].includes(answer.body?.data?.status) && answer.body!.data;
		}, `execution ${executionId} to finish`);
		if (execution.status !== 'success') throw new Error(`execution ${executionId} ended ${execution.status}`);
		const data = unflatten(execution.data as string);
		const runs = data.resultData.runData[nodeName] as Array<{ data: { main: Array<Array<{ json: unknown }>> } }>;
		return runs[0].data.main[0].map((item) => item.json);
	}

	return { rest, login, executionIds, waitForExecutions, executionItems, cookie: () => cookie };
}
