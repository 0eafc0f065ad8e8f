const path = require('node:path');
const { task, src, dest } = require('gulp');

// tsc emits only JavaScript; n8n reads node and credential icons from dist/ next to the code.
function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}

task('build:icons', buildIcons);
