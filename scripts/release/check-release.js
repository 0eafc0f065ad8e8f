#!/usr/bin/env node
// The checks .github/workflows/publish.yml runs before it tests and publishes anything:
//   1. on a tag push, the tag (v1.2.3 or 1.2.3) equals package.json's version;
//   2. package.json's repository.url names the GitHub repository running the workflow (npm
//      rejects a provenance statement whose source repository differs, E422), and homepage/bugs,
//      when they point at GitHub, point at that repository too;
//   3. the version is not on the registry yet (if it is, the run succeeds with a notice and
//      publishes nothing, so re-running a release is harmless).
// A workflow_dispatch run is a dry run: checks 1 and 3 only inform, check 2 still refuses.
// Writes publish=true|false and dry_run=true|false to $GITHUB_OUTPUT and prints GitHub
// annotations (::error:: / ::notice::). Exit code 1 on a refusal.
//   node scripts/release/check-release.js
//   node scripts/release/check-release.js --npm-version "$(npm --version)"   (npm ≥ 11.5.1)
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/**
 * The version a tag names: "v1.2.3", "1.2.3" or "refs/tags/v1.2.3" → "1.2.3".
 * @param {string} tag
 */
function versionOfTag(tag) {
	return String(tag)
		.replace(/^refs\/tags\//, '')
		.replace(/^v(?=\d)/, '');
}

/**
 * @param {string | undefined} tag
 * @param {string} version
 * @returns {string | null} why the tag is refused, or null
 */
function checkTag(tag, version) {
	if (!tag) return 'No tag: publish.yml publishes only from a pushed version tag (git tag v<version> && git push --tags).';
	if (versionOfTag(tag) !== version) {
		return (
			`Tag "${tag}" does not match package.json's version "${version}". ` +
			`Set "version" to ${versionOfTag(tag)} and tag that commit, or tag this commit v${version}.`
		);
	}
	return null;
}

/**
 * "owner/name" of a GitHub repository URL in any form npm accepts (git+https, https, git://,
 * ssh, git@github.com:, github:owner/name, owner/name), or null when it is not a GitHub URL.
 * @param {string} url
 */
function githubSlug(url) {
	const text = String(url).trim();
	const patterns = [
		/^(?:git\+)?(?:https?|git|ssh):\/\/(?:[^@/]+@)?github\.com[/:]([^/\s]+)\/([^/\s#?]+?)(?:\.git)?\/?(?:[#?].*)?$/,
		/^(?:[^@/\s]+@)?github\.com:([^/\s]+)\/([^/\s#?]+?)(?:\.git)?\/?$/,
		/^(?:github:)?([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?$/,
	];
	for (const pattern of patterns) {
		const match = pattern.exec(text);
		if (match) return `${match[1]}/${match[2]}`;
	}
	return null;
}

/** @param {unknown} field package.json's repository (a string or {type, url}) */
function repositoryUrl(field) {
	if (typeof field === 'string') return field;
	if (field && typeof field === 'object' && 'url' in field && typeof field.url === 'string') return field.url;
	return '';
}

/**
 * @param {Record<string, any>} pkg package.json
 * @param {string | undefined} githubRepository GITHUB_REPOSITORY, "owner/name"
 * @returns {string[]} why the repository fields are refused (empty when fine)
 */
function checkRepository(pkg, githubRepository) {
	if (!githubRepository) return ['GITHUB_REPOSITORY is not set: run this in GitHub Actions (or set it to owner/name).'];
	const expected = `https://github.com/${githubRepository}`;
	const wanted =
		`Set it in package.json: "repository": {"type": "git", "url": "git+${expected}.git"}, ` +
		`"bugs": {"url": "${expected}/issues"}, "homepage": "${expected}#readme".`;
	const url = repositoryUrl(pkg.repository);
	if (!url) {
		return [`package.json has no repository.url; npm rejects provenance without one (E422). ${wanted}`];
	}
	const errors = [];
	const slug = githubSlug(url);
	// Compared exactly: npm compares the URL with the provenance's source repository as given.
	if (slug !== githubRepository) {
		errors.push(
			`package.json's repository.url "${url}" does not match ${expected}, the repository running this workflow; ` +
				`npm rejects the provenance statement otherwise (E422). ${wanted}`,
		);
	}
	const links = [
		['homepage', typeof pkg.homepage === 'string' ? pkg.homepage : ''],
		['bugs', typeof pkg.bugs === 'string' ? pkg.bugs : repositoryUrl(pkg.bugs)],
	];
	for (const [name, link] of links) {
		if (link && /github\.com/.test(link) && !link.startsWith(`${expected}/`) && !link.startsWith(`${expected}#`) && link !== expected) {
			errors.push(`package.json's ${name} "${link}" points at another GitHub repository than ${expected}. ${wanted}`);
		}
	}
	return errors;
}

/**
 * Whether name@version is on the registry. A package that does not exist yet is not published;
 * any other npm failure is thrown (so a registry outage does not look like "publish it").
 * @param {string} name
 * @param {string} version
 * @param {(args: string[]) => string} [npm] runs npm and returns stdout (throws on failure)
 */
function isPublished(name, version, npm = runNpm) {
	let output;
	try {
		output = npm(['view', `${name}@${version}`, 'version', '--json']);
	} catch (error) {
		const text = `${/** @type {any} */ (error).stdout ?? ''}${/** @type {any} */ (error).stderr ?? ''}${/** @type {any} */ (error).message ?? ''}`;
		if (/E404|404 Not Found|is not in this registry/.test(text)) return false;
		throw error;
	}
	const trimmed = output.trim();
	if (!trimmed) return false;
	const parsed = JSON.parse(trimmed);
	return Array.isArray(parsed) ? parsed.includes(version) : parsed === version;
}

/** @param {string[]} args */
function runNpm(args) {
	return execFileSync('npm', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * The whole decision, without side effects.
 * @param {{pkg: Record<string, any>, env: Record<string, string | undefined>, published: (name: string, version: string) => boolean}} input
 * @returns {{errors: string[], notices: string[], publish: boolean, dryRun: boolean}}
 */
function decide({ pkg, env, published }) {
	const dryRun = env.GITHUB_EVENT_NAME === 'workflow_dispatch';
	const version = String(pkg.version ?? '');
	const errors = [];
	const notices = [];
	const tag = env.GITHUB_REF_TYPE === 'tag' ? env.GITHUB_REF_NAME : undefined;

	const tagError = checkTag(tag, version);
	if (tagError) {
		if (dryRun && !tag) notices.push(`Dry run of ${pkg.name}@${version} (no tag checked).`);
		else if (dryRun) notices.push(`Dry run: a real release would fail here. ${tagError}`);
		else errors.push(tagError);
	}
	errors.push(...checkRepository(pkg, env.GITHUB_REPOSITORY));
	if (errors.length > 0) return { errors, notices, publish: false, dryRun };

	if (published(pkg.name, version)) {
		notices.push(
			`${pkg.name}@${version} is already on the registry: nothing to publish` +
				(dryRun ? ' (the dry run goes on).' : '. Bump "version" and tag again to release.'),
		);
		return { errors, notices, publish: dryRun, dryRun };
	}
	return { errors, notices, publish: true, dryRun };
}

/**
 * npm 11.5.1 is the first npm that publishes through a trusted publisher (OIDC); Node 24's
 * bundled npm is newer. Upgrading npm in place (npm@latest) has broken --provenance before, so
 * the workflow keeps the bundled one and checks it here.
 * @param {string} npmVersion
 * @returns {string | null}
 */
function checkNpmVersion(npmVersion) {
	const [major, minor, patch] = String(npmVersion).trim().split('.').map((part) => Number.parseInt(part, 10));
	const ok = major > 11 || (major === 11 && (minor > 5 || (minor === 5 && patch >= 1)));
	return ok
		? null
		: `npm ${npmVersion} cannot publish through a trusted publisher (needs npm 11.5.1 or newer): use a Node 24 release that bundles it (setup-node node-version: 24), not npm@latest.`;
}

/** @param {string} text GitHub annotations take one line; newlines are encoded. */
function annotation(text) {
	return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function main() {
	const npmFlag = process.argv.indexOf('--npm-version');
	if (npmFlag !== -1) {
		const error = checkNpmVersion(process.argv[npmFlag + 1] ?? '');
		if (error) process.stdout.write(`::error title=Release refused::${annotation(error)}\n`);
		else process.stdout.write(`npm ${process.argv[npmFlag + 1]} can publish with provenance through a trusted publisher\n`);
		process.exitCode = error ? 1 : 0;
		return;
	}
	const root = path.resolve(__dirname, '..', '..');
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const result = decide({ pkg, env: process.env, published: (name, version) => isPublished(name, version) });
	for (const notice of result.notices) process.stdout.write(`::notice title=Release::${annotation(notice)}\n`);
	for (const error of result.errors) process.stdout.write(`::error title=Release refused::${annotation(error)}\n`);
	if (process.env.GITHUB_OUTPUT) {
		fs.appendFileSync(
			process.env.GITHUB_OUTPUT,
			`publish=${result.publish}\ndry_run=${result.dryRun}\nversion=${pkg.version}\nname=${pkg.name}\n`,
		);
	}
	process.exitCode = result.errors.length > 0 ? 1 : 0;
}

if (require.main === module) main();

module.exports = { versionOfTag, checkTag, githubSlug, repositoryUrl, checkRepository, isPublished, decide, annotation, checkNpmVersion };
