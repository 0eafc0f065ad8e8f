/**
 * Driving n8n's editor (2.41.1) in Chromium through playwright-core: the few gestures the editor
 * tests need, named after what a user does. Selectors are n8n's own `data-test-id`s, found by
 * looking at the running editor; they are the most stable handles n8n offers (its own e2e tests use
 * them).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, selectors } from 'playwright-core';
import type { Browser, Locator, Page } from 'playwright-core';

import { CHROMIUM_ARGS } from '../../scripts/lib/chromium';

selectors.setTestIdAttribute('data-test-id');

export interface EditorLogin {
	url: string;
	email: string;
	password: string;
}

export function launchChromium(executablePath: string): Promise<Browser> {
	return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A fresh browser context (own cookies and storage) logged in to n8n. `colorScheme` is what the
 * operating system would report; n8n's default theme ("system") follows it.
 */
export async function openLoggedInEditor(browser: Browser, login: EditorLogin, colorScheme: 'light' | 'dark'): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme });
	const page = await context.newPage();
	page.setDefaultTimeout(30_000);
	await page.goto(`${login.url}/signin`);
	// Logging in through the form would test n8n, not this package; the page's own fetch sets the cookie.
	const status = await page.evaluate(
		async ({ email, password }) =>
			(
				await fetch('/rest/login', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ emailOrLdapLoginId: email, password }),
				})
			).status,
		{ email: login.email, password: login.password },
	);
	if (status !== 200) throw new Error(`Logging in to n8n answered HTTP ${status}`);
	return page;
}

export async function openWorkflow(page: Page, url: string, workflowId: string): Promise<void> {
	await page.goto(`${url}/workflow/${workflowId}`);
	await page.getByTestId('canvas-node').first().waitFor();
}

/** Opens the nodes panel from the canvas' "+" button and types `query` into its search. */
export async function searchNodePanel(page: Page, query: string): Promise<Locator> {
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(query);
	return page.getByTestId('node-creator');
}

/** Selects a node on the canvas and opens its details view (Enter; a double click does not). */
export async function openNodeDetails(page: Page, nodeName: string): Promise<Locator> {
	await page.getByTestId('canvas-node').filter({ hasText: nodeName }).click();
	await page.keyboard.press('Enter');
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	return ndv;
}

export async function closeNodeDetails(page: Page): Promise<void> {
	await page.getByTestId('ndv-close-button').click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
}

/** The parameter row holding the input `parameterName` (label, input, hint). */
export function parameterRow(ndv: Locator, parameterName: string): Locator {
	// `has` is matched inside each row, so it must be a locator from the page, not from `ndv`.
	return ndv.getByTestId('parameter-item').filter({ has: ndv.page().getByTestId(`parameter-input-${parameterName}`) });
}

/** The text input of a plain string parameter. */
export function parameterTextInput(ndv: Locator, parameterName: string): Locator {
	return ndv.getByTestId(`parameter-input-${parameterName}`).locator('input, textarea').first();
}

/** Hovers a parameter's label and its "?" icon, as a user does to read the field's description. */
export async function hoverParameterHelp(row: Locator): Promise<void> {
	await row.getByTestId('input-label').hover();
	await row.locator('[data-icon="circle-help"]').hover();
}

export interface IconRendering {
	src: string;
	complete: boolean;
	naturalWidth: number;
	/** Pixels with any opacity when the image is drawn at 32×32: 0 for a broken or empty image. */
	opaquePixels: number;
	/** Mean colour of those pixels, to tell the light icon from the dark one. */
	meanRgb: [number, number, number];
}

/** Draws the `<img>` onto a canvas in the page and reports what it shows. */
export function iconRendering(img: Locator): Promise<IconRendering> {
	return img.evaluate(async (element) => {
		const image = element as HTMLImageElement;
		// Waits for the image to load; rejects for a broken one, which the counts below then show.
		await image.decode().catch(() => undefined);
		const size = 32;
		const canvas = document.createElement('canvas');
		canvas.width = size;
		canvas.height = size;
		const context = canvas.getContext('2d')!;
		let pixels: Uint8ClampedArray = new Uint8ClampedArray(0);
		if (image.complete && image.naturalWidth > 0) {
			context.drawImage(image, 0, 0, size, size);
			pixels = context.getImageData(0, 0, size, size).data;
		}
		let opaquePixels = 0;
		const sum = [0, 0, 0];
		for (let index = 0; index < pixels.length; index += 4) {
			if (pixels[index + 3] === 0) continue;
			opaquePixels++;
			sum[0] += pixels[index];
			sum[1] += pixels[index + 1];
			sum[2] += pixels[index + 2];
		}
		const mean = sum.map((total) => (opaquePixels ? Math.round(total / opaquePixels) : 0)) as [number, number, number];
		return {
			src: image.currentSrc || image.src,
			complete: image.complete,
			naturalWidth: image.naturalWidth,
			opaquePixels,
			meanRgb: mean,
		};
	});
}

export interface Region {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * The nodes panel, top to bottom, cut into parts just above the entries whose text matches
 * `cutBefore` (section headers such as "Invoice actions"): once a node's actions are all listed the
 * panel is far taller than a screen. The viewport must already be tall enough to show all of it.
 */
export async function nodePanelParts(page: Page, cutBefore: RegExp[]): Promise<Region[]> {
	const panel = await page.getByTestId('node-creator').boundingBox();
	if (!panel) throw new Error('The nodes panel is not shown');
	const entries = page.locator('[data-test-id="item-iterator-item"], [data-test-id="node-creator-category-item"]');
	const boxes = (await Promise.all((await entries.all()).map((entry) => entry.boundingBox()))).filter((box) => box !== null);
	const bottom = Math.max(...boxes.map((box) => box.y + box.height)) + 16;
	if (bottom > (page.viewportSize()?.height ?? 0)) throw new Error('The nodes panel goes on below the viewport');
	const cuts: number[] = [];
	for (const text of cutBefore) {
		const box = await page.getByTestId('item-iterator-item').filter({ hasText: text }).boundingBox();
		if (!box) throw new Error(`The nodes panel shows no entry ${text}`);
		cuts.push(Math.round(box.y - 8));
	}
	const edges = [panel.y, ...cuts, bottom];
	return edges.slice(1).map((end, index) => ({ x: panel.x, y: edges[index], width: panel.width, height: end - edges[index] }));
}

/**
 * Writes numbered screenshots into `directory`, so a run's pictures read as a story; `taken` maps
 * each name to its file, in the order taken.
 */
export function screenshotWriter(directory: string) {
	const taken = new Map<string, string>();
	return {
		taken,
		/** The page as shown, or the part of it in `clip` (page coordinates, inside the viewport). */
		async take(page: Page, name: string, clip?: Region): Promise<string> {
			mkdirSync(directory, { recursive: true });
			const file = path.join(directory, `${String(taken.size + 1).padStart(2, '0')}-${name}.png`);
			// Panels slide and fade in: finish those transitions so the picture shows where they end.
			await page.screenshot({ path: file, animations: 'disabled', clip });
			taken.set(name, file);
			return file;
		},
	};
}

/** Retries `assertion` until it stops throwing (or rethrows its last failure after `timeoutMs`). */
export async function eventually(assertion: () => Promise<void> | void, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			await assertion();
			return;
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
}
