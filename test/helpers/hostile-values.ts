/**
 * Hostile inputs for ID fields, used by test/node/hostile-input.test.ts: each is either sent as exactly
 * one path segment (surrounding whitespace trimmed) or refused with the problem named.
 */
export const LONG = 'x'.repeat(10_000);
export const LONE_SURROGATE = 'ab\ud800cd';

/** [input, what must happen]: `{ segment }` sent as that one segment, or `{ refused }` with that problem. */
export type Expectation = { segment: string } | { refused: string };
export const idCases: Array<[unknown, Expectation]> = [
	['../../clients', { segment: '../../clients' }],
	['..', { refused: 'cannot be ".."' }],
	['.', { refused: 'cannot be "."' }],
	[' .. ', { refused: 'cannot be ".."' }],
	['/', { segment: '/' }],
	['//', { segment: '//' }],
	['a/b', { segment: 'a/b' }],
	['a/../b', { segment: 'a/../b' }],
	['?', { segment: '?' }],
	['?limit=1&starting_after=x', { segment: '?limit=1&starting_after=x' }],
	['#', { segment: '#' }],
	['#frag', { segment: '#frag' }],
	['%2F', { segment: '%2F' }],
	['%2e%2e', { segment: '%2e%2e' }],
	['..%2F..%2Fclients', { segment: '..%2F..%2Fclients' }],
	['%00', { segment: '%00' }],
	['a\u0000b', { segment: 'a\u0000b' }],
	['%', { segment: '%' }],
	['&a=b', { segment: '&a=b' }],
	[';x=y', { segment: ';x=y' }],
	['a\\b', { segment: 'a\\b' }],
	['"quoted"', { segment: '"quoted"' }],
	['<script>alert(1)</script>', { segment: '<script>alert(1)</script>' }],
	['ünïcödé', { segment: 'ünïcödé' }],
	['e\u0301', { segment: 'e\u0301' }],
	['🎟️🎉', { segment: '🎟️🎉' }],
	['עברית', { segment: 'עברית' }],
	[LONE_SURROGATE, { refused: 'contains an invalid (unpaired surrogate) character' }],
	[LONG, { segment: LONG }],
	['  padded\t', { segment: 'padded' }],
	['with space', { segment: 'with space' }],
	['', { refused: 'is empty' }],
	['   ', { refused: 'is empty' }],
	['\n\t', { refused: 'is empty' }],
	[12345, { segment: '12345' }],
	[0, { segment: '0' }],
	[{ id: 'x' }, { refused: 'must be text, but the expression gave an object' }],
	[['a'], { refused: 'must be text, but the expression gave an array' }],
	[null, { refused: 'must be text, but the expression gave null' }],
	[true, { refused: 'must be text, but the expression gave a boolean' }],
];

