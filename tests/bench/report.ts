/** The benchmark's results: medians, the Markdown table with the budgets, and the JSON with every sample. */
import type { FirstLoad } from '../budget/first-load';
import type { SeedResult } from './seed';
import type { WriteCost } from './write-cost';

/** Samples in ms; null when the build has no such page (statistics, backup) yet. */
export type Samples = number[] | null;

export interface BackupResult {
	exportMs: number | null;
	importMs: number | null;
	fileBytes: number | null;
	/** Why a step has no time: what the page said instead. */
	note?: string;
}

export interface SizeResult {
	cards: number;
	reviews: number;
	roles: SeedResult['roles'];
	seeding: { source: 'fresh' | 'snapshot'; ms: number; fresh: { page: number; wall: number }; seededAt: string };
	firstCard: number[];
	gradeToNext: number[];
	queue: number[];
	home: number[];
	/** `rebuild`: one visit after the statistics caches were dropped (an upgraded database, a repair). */
	stats: { first: number[]; complete: number[]; rebuild?: number } | null;
	backup: BackupResult | null;
	indexedDbBytes: number | null;
	storageBytes: number;
	heapBytes: { asLeft: number; afterGc: number };
}

export interface BenchReport {
	startedAt: string;
	environment: Record<string, string>;
	sizes: SizeResult[];
	firstLoad: Pick<FirstLoad, 'page' | 'gzipTotal'>[];
	writeCost?: WriteCost;
}

export function median(samples: number[]): number {
	const sorted = [...samples].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function timing(samples: Samples): string {
	if (samples === null) return 'n/a';
	if (samples.length === 0) return '-';
	const range = samples.length > 1 ? ` (${ms(Math.min(...samples))}-${ms(Math.max(...samples))})` : '';
	return `${ms(median(samples))}${range}`;
}

interface Row {
	label: string;
	cell: (size: SizeResult) => string;
	/** The budget, ms, checked against the largest collection's median. */
	budget?: { ms: number; samples: (size: SizeResult) => Samples };
}

const ROWS: Row[] = [
	{
		label: 'seeding (in the page)',
		cell: (s) =>
			s.seeding.source === 'fresh'
				? ms(s.seeding.fresh.page)
				: `${ms(s.seeding.ms)} from snapshot (fresh: ${ms(s.seeding.fresh.page)})`
	},
	{
		label: 'first due card after navigation',
		cell: (s) => timing(s.firstCard),
		budget: { ms: 300, samples: (s) => s.firstCard }
	},
	{
		label: 'grade to next card',
		cell: (s) => timing(s.gradeToNext),
		budget: { ms: 50, samples: (s) => s.gradeToNext }
	},
	{
		label: 'queue build (reportcard:queue)',
		cell: (s) => timing(s.queue),
		budget: { ms: 100, samples: (s) => s.queue }
	},
	{ label: 'home screen, every chapter row', cell: (s) => timing(s.home) },
	{ label: 'statistics page, first figures', cell: (s) => timing(s.stats?.first ?? null) },
	{
		label: 'statistics page, complete',
		cell: (s) => timing(s.stats?.complete ?? null),
		budget: { ms: 1000, samples: (s) => s.stats?.complete ?? null }
	},
	{
		label: 'statistics page, once, counting its caches again',
		cell: (s) => (s.stats?.rebuild === undefined ? 'n/a' : timing([s.stats.rebuild]))
	},
	{ label: 'backup export', cell: (s) => backupCell(s.backup, 'exportMs') },
	{ label: 'backup import', cell: (s) => backupCell(s.backup, 'importMs') },
	{ label: 'backup file', cell: (s) => (s.backup?.fileBytes ? mb(s.backup.fileBytes) : 'n/a') },
	{
		label: 'IndexedDB after 20 grades',
		cell: (s) => (s.indexedDbBytes === null ? `${mb(s.storageBytes)} (all storage)` : mb(s.indexedDbBytes))
	},
	{ label: 'JS heap after 20 grades', cell: (s) => `${mb(s.heapBytes.asLeft)} (${mb(s.heapBytes.afterGc)} after GC)` }
];

function backupCell(backup: BackupResult | null, step: 'exportMs' | 'importMs'): string {
	if (!backup) return 'n/a';
	const value = backup[step];
	return value === null ? `failed: ${backup.note ?? 'no result'}` : ms(value);
}

function verdict(row: Row, largest: SizeResult | undefined): string {
	if (!row.budget) return '';
	const samples = largest && row.budget.samples(largest);
	if (!samples || samples.length === 0) return `≤ ${ms(row.budget.ms)}: n/a`;
	return `≤ ${ms(row.budget.ms)}: ${median(samples) <= row.budget.ms ? 'met' : '**missed**'}`;
}

export function markdown(report: BenchReport): string {
	const sizes = report.sizes;
	const largest = sizes.at(-1);
	const header = ['measure', ...sizes.map((s) => `${s.cards.toLocaleString('en')} cards`)];
	header.push(largest ? `budget at ${largest.cards.toLocaleString('en')}` : 'budget');
	const lines = [
		`## ReportCard benchmark, ${report.startedAt}`,
		'',
		Object.entries(report.environment)
			.map(([key, value]) => `${key}: ${value}`)
			.join('; '),
		'',
		'Medians over several runs (range in brackets); every review row is one IndexedDB record.',
		'',
		`| ${header.join(' | ')} |`,
		`| ${header.map(() => '---').join(' | ')} |`,
		`| log rows | ${sizes.map((s) => s.reviews.toLocaleString('en')).join(' | ')} | |`,
		`| due today / new / learning | ${sizes.map((s) => `${s.roles.dueToday} / ${s.roles.fresh} / ${s.roles.learning + s.roles.relearning}`).join(' | ')} | |`,
		...ROWS.map((row) => `| ${row.label} | ${sizes.map(row.cell).join(' | ')} | ${verdict(row, largest)} |`),
		'',
		...writeCostLines(report.writeCost, largest),
		'First-load JavaScript (gzip), per page:',
		'',
		'| page | kB |',
		'| --- | --- |',
		...report.firstLoad.map((page) => `| ${page.page} | ${(page.gzipTotal / 1000).toFixed(1)} |`),
		''
	];
	return lines.join('\n');
}

/** The write floor, and what it means for seeding the largest collection (cards plus log rows, one write each). */
function writeCostLines(cost: WriteCost | undefined, largest: SizeResult | undefined): string[] {
	if (!cost) return [];
	const us = (value: number) => `${value.toFixed(0)} µs`;
	const { asStored, bare, packed } = cost.perReviewUs;
	const lines = [
		`IndexedDB write cost in this browser (${cost.rows.toLocaleString('en')} log rows into a scratch database): ` +
			`${us(asStored)} per row as the app stores the log (three indexes), ${us(bare)} per row with no index, ` +
			`${us(packed)} per review when ten share a row; ${us(cost.perCardUs)} per card row with the cards' indexes.`
	];
	if (largest) {
		const floor = ((largest.cards + largest.reviews) * bare) / 1e6;
		const cards = (largest.cards * cost.perCardUs) / 1e6;
		lines.push(
			`Writing the ${(largest.cards + largest.reviews).toLocaleString('en')} rows of the largest collection one ` +
				`per record costs at least ${floor.toFixed(0)} s in writes alone, before any index; its ` +
				`${largest.cards.toLocaleString('en')} card rows alone, as stored, ${cards.toFixed(0)} s.`
		);
	}
	return [...lines.map((line) => `${line}\n`), ''];
}
