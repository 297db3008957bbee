/**
 * Reviewing: the queue, and the learner's changes to a card — grading, undoing, suspending, burying, resetting — each
 * one event appended to the log through the write path (projections/write.ts), which replays the card and keeps every
 * projection in the same transaction.
 */
import type { SourceRef } from '../domain/deck/model';
import { STUDY_AHEAD_DAYS, buildQueue, type Queue, type TodaysCounts } from '../domain/scheduling/queue';
import { State } from '../domain/scheduling/memory';
import { dayWorkOf, slotOf, type DayWork } from '../domain/scheduling/grade-slots';
import {
	effectiveGrades,
	type Grade,
	type GradeEvent,
	type ReviewEvent,
	type UndoEvent
} from '../domain/scheduling/review-log';
import type { RecallInputs, Scheduler } from '../domain/scheduling/scheduler';
import { cramCards, cramming, examStart } from '../domain/stats/exam-plan';
import type { StudySettings } from '../domain/settings';
import type { StoredCard } from '../domain/collection';
import { DAY_MS, studyDayEnd, studyDayStart } from '../domain/time';
import type { ReportCardDb } from './db';
import { StaleGradeError } from './errors';
import { indexKeys } from './index-keys';
import { digestedCardsWithIds } from './projections/digests';
import { projectionsStale } from './projections/marker';
import { appendEvents, write, writeTransaction } from './projections/write';
import { extraNewToday } from './settings';

/** Every card still in its deck (not retired), in one chapter or all: for browsing, not for the queue. */
export async function activeCards(db: ReportCardDb, chapterId?: string): Promise<StoredCard[]> {
	const cards = chapterId ? db.cards.where('chapterId').equals(chapterId) : db.cards.toCollection();
	return cards.filter((card) => card.retired === 0).toArray();
}

/** One card as stored now, or undefined if there is no such card. */
export async function cardById(db: ReportCardDb, cardId: string): Promise<StoredCard | undefined> {
	return db.cards.get(cardId);
}

/**
 * What was done since the study day began: new cards started and review cards answered, for the daily limits, the
 * cards graded (with their notes), whose siblings wait until tomorrow, and the grades given. The day's grade slots,
 * a few rows. Until the projections are
 * built (an upgraded database, before its first visit to the statistics), counted from the day's log instead.
 */
export async function todaysCounts(db: ReportCardDb, now: number, rolloverHour: number): Promise<DayWork> {
	const start = studyDayStart(now, rolloverHour);
	if (await projectionsStale(db)) return countedFromLog(db, start);
	return dayWorkOf(await db.gradeSlots.where('slot').aboveOrEqual(slotOf(start)).toArray());
}

/**
 * The tables a queue is read from: the day's work and limits (`todaysCounts`, `todaysLimits`), the cards, and the
 * digests an exam's last days pick from (`cramCandidates`). A transaction that reads a queue takes these, so a change
 * to that read changes every such transaction at once.
 */
export function queueTables(db: ReportCardDb) {
	return [db.cards, db.reviews, db.settings, db.gradeSlots, db.cardDigests];
}

/** What `todaysCounts` gives, from every event of the log since `start` and the rows of the cards graded. */
async function countedFromLog(db: ReportCardDb, start: number): Promise<DayWork> {
	// An undo comes after the grade it cancels, so today's events hold the undos of today's grades.
	const all = effectiveGrades(await db.reviews.where('at').aboveOrEqual(start).toArray());
	const cardIds = [...new Set(all.map((event) => event.cardId))];
	const cards = cardIds.length === 0 ? [] : await db.cards.bulkGet(cardIds);
	const graded = cards.flatMap((card) => (card ? [{ cardId: card.id, noteId: card.noteId }] : []));
	// As the slots count them: the grades of cards this device holds (another device's may come before their card).
	const held = new Set(graded.map((card) => card.cardId));
	const grades = all.filter((event) => held.has(event.cardId));
	const before = (state: State) => grades.filter((e) => e.stateBefore === state).length;
	return { newStarted: before(State.New), reviewsDone: before(State.Review), graded, gradesGiven: grades.length };
}

/** New cards read beyond the day's limit: to say how many it holds back, and to fill places siblings leave. */
const NEW_LOOKAHEAD = 10;

/** The learner's daily limits with today's extra new cards ("Study N more new cards today") added. */
export async function todaysLimits(db: ReportCardDb, now: number, settings: StudySettings): Promise<StudySettings> {
	const extra = await extraNewToday(db, now, settings.rolloverHour);
	return extra === 0 ? settings : { ...settings, newPerDay: settings.newPerDay + extra };
}

/** How many new cards today's limit still lets in (the extra asked for today included). */
export async function newAllowance(db: ReportCardDb, now: number, settings: StudySettings): Promise<number> {
	return db.transaction('r', queueTables(db), async () => {
		const [today, limits] = await Promise.all([
			todaysCounts(db, now, settings.rolloverHour),
			todaysLimits(db, now, settings)
		]);
		return Math.max(0, limits.newPerDay - today.newStarted);
	});
}

/** How many new cards to read for a queue: what the day allows, and more to count what it holds back. */
export function newCardsToRead(limits: StudySettings, today: TodaysCounts, base: StudySettings): number {
	return Math.max(0, limits.newPerDay - today.newStarted) + base.newPerDay + NEW_LOOKAHEAD;
}

export interface QueueRequest {
	now: number;
	settings: StudySettings;
	/** The learner's scheduler (the app's): an exam's last days take the cards it predicts will be forgotten. */
	scheduler: Scheduler;
	chapterId?: string;
	/** Study ahead: take review cards due in the coming days too. */
	ahead?: boolean;
	/** Only the cards citing one paragraph of the report (from the report map). */
	passage?: SourceRef;
}

/** A query over card rows, not yet run. */
type CardCollection = ReturnType<ReportCardDb['cards']['toCollection']>;

/** Started cards that can be queued, due from `from` (inclusive) to `to`, by index: in one chapter or all. */
export function queuedDue(db: ReportCardDb, from: number, to: number, chapterId?: string): CardCollection {
	return chapterId
		? db.cards.where('[chapterId+queueDue]').between([chapterId, from], [chapterId, to], true, false)
		: db.cards.where('queueDue').between(from, to, true, false);
}

/** New cards that can be queued (buried ones included), in report order, by index: in one chapter or all. */
export function queuedNew(db: ReportCardDb, chapterId?: string): CardCollection {
	return chapterId
		? db.cards.where('[chapterId+queueNew]').between([chapterId, -Infinity], [chapterId, Infinity])
		: db.cards.where('queueNew').aboveOrEqual(-Infinity);
}

export interface CandidateRequest {
	now: number;
	/** Started cards due before this time can join the queue: the end of the study day, or of the study-ahead window. */
	reviewEnd: number;
	/** How many new cards the day still allows. */
	newLimit: number;
	chapterId?: string;
}

/**
 * The cards a queue can take, read through the queue indexes: the started cards due before `reviewEnd` and the first
 * unburied new cards in report order up to `newLimit`. `buildQueue` makes the queue of them. A few hundred rows,
 * however large the collection.
 */
export async function queueCandidates(db: ReportCardDb, request: CandidateRequest): Promise<StoredCard[]> {
	const { due, fresh } = await queueCandidatesByKind(db, request);
	return [...due, ...fresh];
}

/** `queueCandidates`, the started cards due apart from the new ones: home counts each chapter's due cards of them. */
export async function queueCandidatesByKind(
	db: ReportCardDb,
	request: CandidateRequest
): Promise<{ due: StoredCard[]; fresh: StoredCard[] }> {
	const { now, reviewEnd, newLimit, chapterId } = request;
	const [due, fresh] = await Promise.all([
		queuedDue(db, -Infinity, reviewEnd, chapterId).toArray(),
		queuedNew(db, chapterId)
			.filter((card) => card.buriedUntil <= now)
			.limit(Math.max(0, newLimit))
			.toArray()
	]);
	return { due, fresh };
}

/**
 * What a queue is built from: the cards read for it (through the queue indexes) and what the day allows. A review
 * session keeps it between grades (`afterChange`).
 */
export interface QueueRead {
	cards: Map<string, StoredCard>;
	/** The cards an exam's last days take as if due; undefined when reading one paragraph's cards. */
	cram: ReadonlySet<string> | undefined;
	/** In an exam's last days, how `cram` was picked: a change to one card is then weighed again alone. */
	cramRule: CramRule | null;
	today: TodaysCounts;
	limits: StudySettings;
	dayEnd: number;
	ahead: boolean;
	rolloverHour: number;
}

/**
 * The day's queue, read through the queue indexes (`queueCandidates`), and the next card due after those (for "next
 * card due at").
 */
export async function loadQueue(db: ReportCardDb, request: QueueRequest): Promise<{ queue: Queue; read: QueueRead }> {
	return timedQueueBuild(async () => {
		const read = await readQueue(db, request);
		return { queue: queueOf(read, request.now), read };
	});
}

async function readQueue(db: ReportCardDb, request: QueueRequest): Promise<QueueRead> {
	const { now, settings, scheduler, chapterId } = request;
	const dayEnd = studyDayEnd(now, settings.rolloverHour);
	const reviewEnd = request.ahead ? dayEnd + STUDY_AHEAD_DAYS * DAY_MS : dayEnd;
	const cramRule = request.passage ? null : cramRuleFor(settings, scheduler, now, reviewEnd);
	const { cards, cram, today, limits } = await db.transaction('r', queueTables(db), async () => {
		const today = await todaysCounts(db, now, settings.rolloverHour);
		const limits = await todaysLimits(db, now, settings);
		const { passage } = request;
		if (passage) {
			// A paragraph's cards are few: read the chapter's and keep those citing it.
			const cited = (await activeCards(db, chapterId)).filter((card) => citesPassage(card, passage));
			return { cards: cited, cram: undefined, today, limits };
		}
		const newLimit = newCardsToRead(limits, today, settings);
		const [candidates, cram] = await Promise.all([
			queueCandidates(db, { now, reviewEnd, newLimit, chapterId }),
			cramCandidates(db, { rule: cramRule, today, chapterId })
		]);
		const crammed = new Set(cram.map((card) => card.id));
		// The next card due after these, for "next card due at": the first not crammed (the queue takes those already).
		const next = await queuedDue(db, reviewEnd, Infinity, chapterId)
			.filter((card) => !crammed.has(card.id))
			.first();
		return { cards: [...candidates, ...(next ? [next] : []), ...cram], cram: crammed, today, limits };
	});
	return {
		cards: new Map(cards.map((card) => [card.id, card])),
		cram,
		cramRule,
		today,
		limits,
		dayEnd,
		ahead: request.ahead ?? false,
		rolloverHour: settings.rolloverHour
	};
}

/** A queue built, timed as the User Timing measure `reportcard:queue` that the benchmark reads. */
async function timedQueueBuild<T>(build: () => Promise<T>): Promise<T> {
	performance.mark('reportcard:queue:start');
	const result = await build();
	performance.measure('reportcard:queue', 'reportcard:queue:start');
	return result;
}

function queueOf(read: QueueRead, now: number): Queue {
	return buildQueue([...read.cards.values()], now, read.dayEnd, read.today, read.limits, read.ahead, read.cram);
}

/**
 * The queue after this session changed one card (a grade, an undo), from the cards read before: that card as written
 * now, and the day's work read again (a few rows). Of a queue's cards a grade changes that one alone, so this is the
 * queue a new read would give (the next card due after them included: the card changed is among them), without
 * reading a few hundred card rows again on every grade. In an exam's last days each card is crammed or not on its
 * own (its recall on the exam day, whether it was graded today), so only the changed card's place is weighed again.
 * Undefined on another study day, where a new read is needed.
 */
export async function afterChange(
	db: ReportCardDb,
	read: QueueRead,
	card: StoredCard,
	now: number
): Promise<{ queue: Queue; read: QueueRead } | undefined> {
	if (now >= read.dayEnd) return undefined;
	return timedQueueBuild(async () => {
		const today = await db.transaction('r', queueTables(db), () => todaysCounts(db, now, read.rolloverHour));
		const cram = read.cram && read.cramRule ? crammedAfter(read.cram, read.cramRule, card, today) : read.cram;
		const changed = { ...read, cards: new Map(read.cards).set(card.id, card), cram, today };
		return { queue: queueOf(changed, now), read: changed };
	});
}

/** An exam's last days, as a queue read picks the cards to cram. */
export interface CramRule {
	examAt: number;
	target: number;
	scheduler: Scheduler;
	/** Cards due before this time are in the queue anyway. */
	reviewEnd: number;
}

/** The exam's last days at `now`, or null outside them (or without an exam date). */
export function cramRuleFor(
	settings: StudySettings,
	scheduler: Scheduler,
	now: number,
	reviewEnd: number
): CramRule | null {
	if (!settings.examDate) return null;
	const examAt = examStart(settings.examDate, settings.rolloverHour);
	if (!cramming(examAt, now, settings.rolloverHour)) return null;
	return { examAt, target: settings.examRecall, scheduler, reviewEnd };
}

function gradedTodayOf(today: TodaysCounts): ReadonlySet<string> {
	return new Set((today.graded ?? []).map((graded) => graded.cardId));
}

/** `cram` with one card weighed again: out once graded today, back after its grade is undone if still forgotten. */
function crammedAfter(cram: ReadonlySet<string>, rule: CramRule, card: StoredCard, today: TodaysCounts) {
	const next = new Set(cram);
	next.delete(card.id);
	// As cramCandidates reads them: a card in the queueDue index, not due by reviewEnd.
	const due = indexKeys(card).queueDue;
	const later = due !== undefined && due >= rule.reviewEnd ? [card] : [];
	if (cramCards(later, rule.examAt, rule.target, rule.scheduler, gradedTodayOf(today)).length > 0) next.add(card.id);
	return next;
}

export interface CramRequest {
	/** The exam's last days as `cramRuleFor` gives them; null outside them, and nothing is crammed. */
	rule: CramRule | null;
	/** The day's work: a card graded today is not crammed again the same day. */
	today: TodaysCounts;
	chapterId?: string;
}

/**
 * In an exam's last days (domain/stats/exam-plan), the started cards not due by `reviewEnd` whose recall on the exam day
 * would fall below the learner's target (`cramCards`): the queue takes them as if due. None otherwise.
 */
export async function cramCandidates(db: ReportCardDb, request: CramRequest): Promise<StoredCard[]> {
	const { rule, chapterId } = request;
	if (!rule) return [];
	const { reviewEnd } = rule;
	const gradedToday = gradedTodayOf(request.today);
	const pick = <T extends { id: string; memory: RecallInputs }>(cards: readonly T[]) =>
		cramCards(cards, rule.examAt, rule.target, rule.scheduler, gradedToday);
	if (await projectionsStale(db)) return pick(await queuedDue(db, reviewEnd, Infinity, chapterId).toArray());
	// The cards due later are most of a large collection: they are picked from their digests (the numbers recall needs),
	// and only those picked are read whole. A queue can take a started card in its deck and not suspended, as queueDue.
	const digests = chapterId
		? await db.cardDigests.where('[chapterId+shard]').between([chapterId, -Infinity], [chapterId, Infinity]).toArray()
		: await db.cardDigests.toArray();
	const later = digestedCardsWithIds(digests).filter(
		(card) => card.suspended === 0 && card.memory.state !== State.New && card.memory.due >= reviewEnd
	);
	const cards = await db.cards.bulkGet(pick(later).map((card) => card.id));
	return cards.filter((card): card is StoredCard => card !== undefined);
}

function citesPassage(card: StoredCard, passage: SourceRef): boolean {
	return card.source.section === passage.section && card.source.paragraph === passage.paragraph;
}

export interface GradeRequest {
	cardId: string;
	rating: Grade;
	now: number;
	durationMs: number;
	/** The card's review count when it was shown; if it moved on since, the grade is refused, never applied twice. */
	shownReps: number;
}

export interface Graded {
	event: GradeEvent;
	/** The card as the grade left it. */
	card: StoredCard;
}

/** Grade a card: append one event; the write path replays the card and counts the grade. */
export async function gradeCard(db: ReportCardDb, scheduler: Scheduler, request: GradeRequest): Promise<Graded> {
	return writeTransaction(db, [], async () => {
		const card = await db.cards.get(request.cardId);
		if (!card || card.memory.reps !== request.shownReps) throw new StaleGradeError(request.cardId);
		const event: GradeEvent = {
			id: crypto.randomUUID(),
			cardId: card.id,
			kind: 'grade',
			rating: request.rating,
			at: request.now,
			durationMs: request.durationMs,
			stateBefore: card.memory.state
		};
		const { cards } = await appendEvents(db, scheduler, [event]);
		return { event, card: cards.get(card.id) ?? card };
	});
}

/**
 * Undo a grade: append an undo event naming it. The grade stays in the log, cancelled; the card is back exactly as it
 * was before the grade, whatever came between (the log is replayed). Refused for a grade already undone.
 */
export async function undoGrade(
	db: ReportCardDb,
	scheduler: Scheduler,
	eventId: string,
	now: number
): Promise<StoredCard> {
	return writeTransaction(db, [], async () => {
		const event = await db.reviews.get(eventId);
		if (!event || (await db.reviews.where('cancels').equals(eventId).count()) > 0) throw new StaleGradeError(eventId);
		const undo: UndoEvent = { id: crypto.randomUUID(), cardId: event.cardId, kind: 'undo', at: now, cancels: eventId };
		const { cards } = await appendEvents(db, scheduler, [undo]);
		const card = cards.get(event.cardId);
		if (!card) throw new Error(`No card ${event.cardId}`);
		return card;
	});
}

/** Replay cards from their review log; the log is the truth, the card row only a cache of it. */
export async function rebuildCards(db: ReportCardDb, scheduler: Scheduler, cardIds: readonly string[]): Promise<void> {
	await write(db, scheduler, { replay: cardIds });
}

/** Start a card again as new; its history stays in the log, behind a `reset` event. */
export async function resetCard(db: ReportCardDb, scheduler: Scheduler, cardId: string, now: number): Promise<void> {
	await appendEvents(db, scheduler, [{ id: crypto.randomUUID(), cardId, kind: 'reset', at: now }]);
}

/** Keep a card out of every queue, or let it back. */
export async function setSuspended(
	db: ReportCardDb,
	scheduler: Scheduler,
	cardId: string,
	suspended: boolean,
	now: number
): Promise<void> {
	await appendEvents(db, scheduler, [{ id: crypto.randomUUID(), cardId, kind: 'suspend', at: now, suspended }]);
}

/** Keep a card out of the queue until the next study day. */
export async function buryCard(
	db: ReportCardDb,
	scheduler: Scheduler,
	cardId: string,
	now: number,
	rolloverHour: number
): Promise<void> {
	const until = studyDayEnd(now, rolloverHour);
	await appendEvents(db, scheduler, [{ id: crypto.randomUUID(), cardId, kind: 'bury', at: now, until }]);
}

/** A card's log, oldest first: its whole history, quiz mistakes, resets and undos included. */
export async function cardHistory(db: ReportCardDb, cardId: string): Promise<ReviewEvent[]> {
	return db.reviews.where('[cardId+at]').between([cardId, -Infinity], [cardId, Infinity]).toArray();
}

/**
 * Graded reviews in the log, counted up to `cap`: whether there are enough to fit parameters, without reading a log of
 * a million rows (Chromium counts rows one by one: about 9 s at 1,000,000). Undone grades count too: a handful at most.
 */
export async function countGrades(db: ReportCardDb, cap: number): Promise<number> {
	return db.reviews
		.filter((event) => event.kind === 'grade')
		.limit(cap)
		.count();
}

/** The whole review log, for fitting scheduling parameters to it. */
export async function reviewLog(db: ReportCardDb): Promise<ReviewEvent[]> {
	return db.reviews.toArray();
}
