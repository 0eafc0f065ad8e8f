// @ts-check
/**
 * A scripted OpenAI-compatible model on loopback, for driving n8n's AI Agent without a model service.
 *
 *   POST /v1/chat/completions   answered from a script, chosen by the request's `model`
 *   GET  /v1/models             the scripted model names (what the editor's model list asks for)
 *
 * A script is a list of turns, one per chat completion request of that model, in order:
 *   { toolCalls: [{ name, arguments }] }  → an assistant message calling those tools
 *                                           (finish_reason "tool_calls")
 *   { reply: (toolResults) => string }    → a final assistant message; `toolResults` are the
 *                                           contents of the request's `tool` messages, in order
 * One n8n execution of one agent makes one request per turn; a later execution of the same model
 * starts the script again once its last turn has been answered. Every request is recorded exactly
 * as it arrived (method, path, headers, parsed body), with the `tools` n8n declared.
 * Answers are non-streaming JSON, or server-sent events when the request asks for `stream: true`.
 */
const http = require('node:http');

/**
 * @typedef {{ name: string, arguments: Record<string, unknown> }} ScriptedToolCall
 * @typedef {{ toolCalls: ScriptedToolCall[] } | { reply: (toolResults: string[]) => string }} Turn
 * @typedef {{ method: string, path: string, headers: http.IncomingHttpHeaders, body: any, raw: string }} StubRequest
 */

/**
 * @param {{ scripts: Record<string, Turn[]>, host?: string, port?: number }} options
 */
async function startOpenAiStub(options) {
	/** @type {StubRequest[]} */
	const requests = [];
	/** Next turn per model. @type {Map<string, number>} */
	const cursor = new Map();
	let callNumber = 0;

	/** @param {http.ServerResponse} res @param {number} status @param {unknown} body */
	function sendJson(res, status, body) {
		const text = JSON.stringify(body);
		res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
		res.end(text);
	}

	/** @param {string} model @param {any} message @param {string} finishReason */
	function completion(model, message, finishReason) {
		return {
			id: `chatcmpl-stub-${++callNumber}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model,
			choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
			usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
		};
	}

	/** Sends `message` as the chunks of a streamed completion. @param {http.ServerResponse} res @param {string} model @param {any} message @param {string} finishReason */
	function sendStream(res, model, message, finishReason) {
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
		const id = `chatcmpl-stub-${++callNumber}`;
		const created = Math.floor(Date.now() / 1000);
		/** @param {any} delta @param {string | null} finish */
		const chunk = (delta, finish) =>
			res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`);
		chunk({ role: 'assistant', content: message.content ?? '' }, null);
		(message.tool_calls ?? []).forEach((/** @type {any} */ call, /** @type {number} */ index) =>
			chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: call.function }] }, null),
		);
		chunk({}, finishReason);
		res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`);
		res.end('data: [DONE]\n\n');
	}

	/** @param {StubRequest} request @param {http.ServerResponse} res */
	function answerCompletion(request, res) {
		const model = String(request.body?.model ?? '');
		const script = options.scripts[model];
		if (!script) return sendJson(res, 404, { error: { message: `The stub has no script for model "${model}"`, type: 'invalid_request_error' } });
		const index = cursor.get(model) ?? 0;
		cursor.set(model, (index + 1) % script.length);
		const turn = script[index];
		/** @type {any} */
		let message;
		let finishReason;
		if ('toolCalls' in turn) {
			message = {
				role: 'assistant',
				content: null,
				tool_calls: turn.toolCalls.map((call, number) => ({
					id: `call_stub_${callNumber + 1}_${number}`,
					type: 'function',
					function: { name: call.name, arguments: JSON.stringify(call.arguments) },
				})),
			};
			finishReason = 'tool_calls';
		} else {
			const messages = /** @type {Array<{ role: string, content: unknown }>} */ (request.body?.messages ?? []);
			const toolResults = messages
				.filter((entry) => entry.role === 'tool')
				.map((entry) => (typeof entry.content === 'string' ? entry.content : JSON.stringify(entry.content)));
			message = { role: 'assistant', content: turn.reply(toolResults) };
			finishReason = 'stop';
		}
		if (request.body?.stream === true) return sendStream(res, model, message, finishReason);
		return sendJson(res, 200, completion(model, message, finishReason));
	}

	const server = http.createServer((req, res) => {
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			let body;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				body = undefined;
			}
			const path = (req.url ?? '').split('?')[0];
			/** @type {StubRequest} */
			const request = { method: req.method ?? '', path, headers: req.headers, body, raw };
			requests.push(request);
			if (req.method === 'POST' && path === '/v1/chat/completions') return answerCompletion(request, res);
			if (req.method === 'GET' && path === '/v1/models') {
				return sendJson(res, 200, {
					object: 'list',
					data: Object.keys(options.scripts).map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'stub' })),
				});
			}
			return sendJson(res, 404, { error: { message: `No route ${req.method} ${path}`, type: 'invalid_request_error' } });
		});
	});
	await new Promise((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const origin = `http://${address.address}:${address.port}`;

	return {
		origin,
		/** What to enter as the OpenAI credential's Base URL. */
		baseUrl: `${origin}/v1`,
		requests,
		/** The chat completion requests of one model, in order. @param {string} model */
		completions: (model) => requests.filter((request) => request.path === '/v1/chat/completions' && request.body?.model === model),
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			}),
	};
}

module.exports = { startOpenAiStub };
