/**
 * The projections: every store derived from cards and the review log, in one registry. The card rows' own cached
 * fields (memory, suspension, burial, index keys) are the first projection, kept by the write path itself
 * (write.ts); the stores here are derived from those rows and their replays.
 *
 * To add one: implement `Projection` (projection.ts) in a module of this folder, list it here, list its tables in
 * guard.ts, and the write path, the rebuild and the random-walk test (tests/unit/projections.test.ts) all take it.
 */
import { cardDigests } from './digests';
import { gradeSlots } from './grade-slots';
import type { Projection } from './projection';
import { dayTallies } from './tallies';

export const PROJECTIONS: readonly Projection[] = [cardDigests, dayTallies, gradeSlots];
