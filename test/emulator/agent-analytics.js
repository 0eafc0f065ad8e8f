// @ts-check
/**
 * Emulated agent analytics (https://docs.chat-dash.com/api-reference/analytics/pages/get-analytics; the slug says "get",
 * the method is POST):
 *   POST /agents/{agentId}/analytics/query
 *        {"query": {"metrics": [...], "filter": {"startTime", "endTime", "utcOffset"}}}
 *        → 200 one object with a key per requested metric, in the shape of the docs' sample.
 * Every query received is kept (`analyticsQueries()`).
 *
 * ASSUMPTIONS where the docs are silent:
 *   - only the requested metrics are answered; `conversationByCountry` (the metric's published
 *     name) is answered under `conversationsByCountry` (the sample's key), as published.
 *   - a body without `query`, an empty or non-array `metrics`, a metric outside the documented
 *     (partial) enum, or a `filter` that is not an object answers 400 (Stripe style). startTime
 *     and endTime are accepted as any date text; utcOffset as a number or a string (the docs'
 *     renderings disagree).
 *   - an unknown agent (when the agents module publishes `shared.agent`) answers 404.
 *   - the numbers are fixed (the same for every query), one `counts` bucket per day of the range.
 */
const { invalid, noSuch, ok } = require('./core');

/** The documented metric names (the docs' enum, cut off after endedReason). */
const METRICS = [
	'conversations',
	'conversationByCountry',
	'uniqueIps',
	'totalCallDuration',
	'totalCost',
	'averageCost',
	'topMisunderstoodMessages',
	'topTopics',
	'endedReason',
];

/** @param {number} days @returns {Record<string, unknown>} answer keys by metric, in the sample's shapes */
function metricAnswers(days) {
	const counts = (/** @type {number} */ per) => Array.from({ length: days }, () => per);
	return {
		conversations: { counts: counts(3), total: 3 * days },
		conversationByCountry: ['conversationsByCountry', [{ id: 'US', value: 2 * days }, { id: 'DE', value: days }]],
		uniqueIps: { counts: counts(2), total: 2 * days },
		totalCallDuration: { counts: counts(120), total: 120 * days },
		totalCost: { counts: counts(0.5), total: 0.5 * days, currency: 'usd' },
		averageCost: { counts: counts(0.25), average: 0.25, currency: 'usd' },
		topMisunderstoodMessages: [{ id: 'm1', label: 'What are your opening hours?', count: 2 }],
		topTopics: [{ id: 't1', label: 'Booking', count: 5 }],
		endedReason: [{ reason: 'customer-ended-call', count: 4 }],
	};
}

/**
 * @param {import('./core').EmulatorContext} context
 */
function agentAnalytics(context) {
	/** @type {Array<{ agentId: string, query: any }>} */
	const queries = [];

	/** @param {string} agentId @param {any} json */
	function query(agentId, json) {
		if (typeof context.shared.agent === 'function' && context.shared.agent(agentId) === undefined) return noSuch('agent', agentId);
		const body = json?.query;
		if (!body || typeof body !== 'object' || Array.isArray(body)) return invalid('query is required and must be an object');
		const unknown = Object.keys(body).filter((key) => !['metrics', 'filter'].includes(key));
		if (unknown.length) return invalid(`Received unknown parameter: query[${unknown[0]}]`);
		if (!Array.isArray(body.metrics) || body.metrics.length === 0) return invalid('query.metrics must be a non-empty array');
		const wrong = body.metrics.find((/** @type {unknown} */ metric) => typeof metric !== 'string' || !METRICS.includes(metric));
		if (wrong !== undefined) return invalid(`Invalid metric: ${JSON.stringify(wrong)}`);
		const filter = body.filter ?? {};
		if (typeof filter !== 'object' || Array.isArray(filter)) return invalid('query.filter must be an object');
		const unknownFilter = Object.keys(filter).filter((key) => !['startTime', 'endTime', 'utcOffset'].includes(key));
		if (unknownFilter.length) return invalid(`Received unknown parameter: query[filter][${unknownFilter[0]}]`);
		for (const key of ['startTime', 'endTime']) {
			if (filter[key] !== undefined && (typeof filter[key] !== 'string' || Number.isNaN(Date.parse(filter[key])))) {
				return invalid(`query.filter.${key} must be a date string`);
			}
		}
		if (filter.utcOffset !== undefined && !['string', 'number'].includes(typeof filter.utcOffset)) {
			return invalid('query.filter.utcOffset must be a number or a string');
		}
		queries.push({ agentId, query: structuredClone(body) });
		const start = filter.startTime ? Date.parse(filter.startTime) : 0;
		const end = filter.endTime ? Date.parse(filter.endTime) : start;
		const days = Math.max(1, Math.ceil((end - start) / 86_400_000));
		const answers = metricAnswers(days);
		/** @type {Record<string, unknown>} */
		const answer = {};
		for (const metric of body.metrics) {
			const value = answers[metric];
			if (metric === 'conversationByCountry') {
				const [key, entries] = /** @type {[string, unknown]} */ (value);
				answer[key] = entries;
			} else {
				answer[metric] = value;
			}
		}
		return ok(answer);
	}

	/** @type {import('./core').Route[]} */
	const routes = [
		{ method: 'POST', path: 'agents/:agentId/analytics/query', handle: ({ params, json }) => query(params.agentId, json) },
	];
	return {
		routes,
		api: {
			/** Every analytics query received, oldest first (copies). */
			analyticsQueries: () => structuredClone(queries),
		},
	};
}

module.exports = { agentAnalytics };
