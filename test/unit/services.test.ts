/**
 * The pure parts of the queue-mode tooling (scripts/lib/services.js, scripts/lib/n8n-queue.js):
 * which PostgreSQL is picked, when a missing service fails rather than skips, the environment that
 * puts n8n into queue mode, and how a worker's log is read. The servers themselves are exercised by
 * test/e2e/queue-mode.e2e.test.ts.
 */
import { queueEnv, startedExecutions } from '../../scripts/lib/n8n-queue';
import { queueModeRequired, sortPostgresMajors } from '../../scripts/lib/services';

describe('sortPostgresMajors', () => {
	test('newest major first, old dotted versions understood, other folder names ignored', () => {
		expect(sortPostgresMajors(['9.6', '15', '13', 'common', '16', '10'])).toEqual(['16', '15', '13', '10', '9.6']);
	});

	test('nothing installed → nothing to pick', () => {
		expect(sortPostgresMajors([])).toEqual([]);
	});
});

describe('queueModeRequired (CHATDASH_REQUIRE_QUEUE_MODE)', () => {
	test.each([
		[undefined, false],
		['', false],
		['0', false],
		['false', false],
		['no', false],
		['1', true],
		['true', true],
		['yes', true],
	])('%p → %p', (value, required) => {
		expect(queueModeRequired(value === undefined ? {} : { CHATDASH_REQUIRE_QUEUE_MODE: value })).toBe(required);
	});
});

describe('queueEnv', () => {
	const postgres = { host: '127.0.0.1', port: 5433, user: 'postgres', password: '', database: 'n8n' };
	const redis = { host: '127.0.0.1', port: 6380 };

	test('PostgreSQL, queue mode on Redis, and the shared encryption key', () => {
		expect(queueEnv({ postgres, redis })).toEqual({
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: '5433',
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: '6380',
			N8N_ENCRYPTION_KEY: 'chatdash-e2e-encryption-key-0001',
		});
	});

	test('a worker gets its own health-check port', () => {
		expect(queueEnv({ postgres, redis, healthCheckPort: 40001 })).toMatchObject({
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: '40001',
		});
	});

	test('every process gets the same WEBHOOK_URL (the webhook processor\'s) when given one, none otherwise', () => {
		expect(queueEnv({ postgres, redis, webhookUrl: 'http://127.0.0.1:40002/' })).toMatchObject({ WEBHOOK_URL: 'http://127.0.0.1:40002/' });
		expect(queueEnv({ postgres, redis })).not.toHaveProperty('WEBHOOK_URL');
	});
});

describe('startedExecutions', () => {
	test('the execution IDs of "Worker started execution N (job M)" lines, in log order', () => {
		const log = [
			'n8n worker is now ready',
			'Worker started execution 3 (job 3)',
			'Worker started execution 12 (job 12)',
			'Worker finished execution 3 (job 3)',
			'Worker started execution 7 (job 7)',
		].join('\n');
		expect(startedExecutions(log)).toEqual(['3', '12', '7']);
	});

	test('a log without executions → none', () => {
		expect(startedExecutions('n8n worker is now ready\n')).toEqual([]);
	});
});
