// @ts-check
/**
 * The CPU time a process (all its threads) spends in a window of wall-clock time, read from
 * /proc/<pid>/stat while it runs. The benchmark uses it for "CPU per item": the window is the
 * measured node's run as n8n reports it (startTime, executionTime), so n8n's start-up and the
 * emulator (which runs in the benchmark's own process) do not count.
 *
 * Why not the node's wall time at 0 ms latency: n8n, its task runner and the emulator share the
 * machine's cores, so wall time also counts waiting for a core, which differs from run to run by
 * ±20% on a 2-core machine. CPU time counts only the work n8n does.
 *
 * Linux only (it is what CI and this project's machines run).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

/** @typedef {{ at: number, cpuMs: number }} CpuSample  wall-clock time (ms since epoch), cumulative CPU (ms) */

let ticksPerSecond = 0;

/** utime + stime of a process (all threads, live and ended), in ms; undefined once it is gone. @param {number} pid */
function readProcessCpuMs(pid) {
	ticksPerSecond ||= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	let stat;
	try {
		stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return undefined;
	}
	// The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const utime = Number(fields[11]);
	const stime = Number(fields[12]);
	return ((utime + stime) * 1000) / ticksPerSecond;
}

/**
 * Samples a process's cumulative CPU every `intervalMs` until stopped (or the process ends).
 * @param {number} pid @param {number} [intervalMs]
 */
function sampleProcessCpu(pid, intervalMs = 5) {
	/** @type {CpuSample[]} */
	const samples = [];
	const take = () => {
		const cpuMs = readProcessCpuMs(pid);
		if (cpuMs === undefined) clearInterval(timer);
		else samples.push({ at: Date.now(), cpuMs });
	};
	const timer = setInterval(take, intervalMs);
	take();
	return {
		/** @returns {CpuSample[]} */
		stop: () => {
			clearInterval(timer);
			return samples;
		},
	};
}

/**
 * Cumulative CPU at a moment, interpolated linearly between the samples around it.
 * @param {CpuSample[]} samples oldest first @param {number} at
 */
function cpuAt(samples, at) {
	if (samples.length === 0 || at < samples[0].at || at > samples[samples.length - 1].at) {
		throw new Error(`No CPU samples around ${new Date(at).toISOString()}: sample more often, or for longer`);
	}
	const after = samples.findIndex((sample) => sample.at >= at);
	if (samples[after].at === at) return samples[after].cpuMs;
	const before = samples[after - 1];
	const next = samples[after];
	return before.cpuMs + ((next.cpuMs - before.cpuMs) * (at - before.at)) / (next.at - before.at);
}

/** CPU ms spent between two wall-clock moments. @param {CpuSample[]} samples @param {number} from @param {number} to */
function cpuBetween(samples, from, to) {
	return cpuAt(samples, to) - cpuAt(samples, from);
}

/** A process's peak resident set size so far (VmHWM), in MiB; undefined once it is gone. @param {number} pid */
function readPeakRssMib(pid) {
	try {
		const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) / 1024 : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Follows a process's peak RSS (VmHWM: the kernel's own high-water mark, so nothing between
 * samples is missed) until stopped or the process ends; `stop` gives the last value read.
 * @param {number} pid @param {number} [intervalMs]
 */
function samplePeakRss(pid, intervalMs = 20) {
	let peak = 0;
	const take = () => {
		const value = readPeakRssMib(pid);
		if (value === undefined) clearInterval(timer);
		else peak = Math.max(peak, value);
	};
	const timer = setInterval(take, intervalMs);
	take();
	return {
		stop: () => {
			clearInterval(timer);
			return peak;
		},
	};
}

module.exports = { sampleProcessCpu, cpuBetween, readProcessCpuMs, samplePeakRss };
