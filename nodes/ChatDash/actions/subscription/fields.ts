/**
 * Fields shared by the Subscription operations, and the resource's own input checks.
 */

/** An email address as the docs type it (`format: email`): one @ with text on both sides, no spaces. */
export function isEmailAddress(value: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

