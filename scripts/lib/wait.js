// @ts-check
/**
 * Waiting for state, the one way every real-n8n suite and script does it: poll a check until it
 * holds, and fail loudly (naming what was awaited and what was last seen) when it never does.
 * A fixed sleep before an assertion about n8n's state passes or fails by the machine's load; this
 * passes as soon as the state is there and fails only when it never comes.
 */

/**
 * Polls `check` until it returns something truthy, and returns that.
 * @template T
 * @param {() => T | Promise<T>} check  may throw to give up early (e.g. the process exited)
 * @param {string} what  what is awaited, for the error ("the trigger's subscription")
 * @param {{ timeoutMs?: number, intervalMs?: number, detail?: () => string }} [options]
 *   `detail`: more context for the error on timeout (e.g. the tail of a log)
 * @returns {Promise<Exclude<T, false | 0 | '' | null | undefined>>}
 */
async function waitUntil(check, what, options = {}) {
	const { timeoutMs = 60_000, intervalMs = 250, detail } = options;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return /** @type {Exclude<T, false | 0 | '' | null | undefined>} */ (value);
		if (Date.now() > deadline) {
			const more = detail?.();
			throw new Error(`Waited ${Math.round(timeoutMs / 1000)} s for ${what}, in vain${more ? `:\n${more}` : ''}`);
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/**
 * Waits until `pattern` appears in the part of a log written after `since` (a length returned
 * earlier by the log's reader), so that a line from before a restart does not count.
 * @param {() => string} readLog  may throw to give up early (e.g. the process exited)
 * @param {RegExp | string} pattern
 * @param {{ since?: number, timeoutMs?: number, what?: string }} [options]
 * @returns {Promise<string>} the matching text
 */
async function waitForLogLine(readLog, pattern, options = {}) {
	const { since = 0, timeoutMs = 120_000, what = `${pattern} in the log` } = options;
	const matches = (/** @type {string} */ text) =>
		typeof pattern === 'string' ? (text.includes(pattern) ? pattern : undefined) : text.match(pattern)?.[0];
	return waitUntil(() => matches(readLog().slice(since)), what, {
		timeoutMs,
		detail: () => readLog().slice(since).slice(-4000),
	});
}

module.exports = { waitUntil, waitForLogLine };
