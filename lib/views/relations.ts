/**
 * How stories and entities relate: who appears with whom, which stories are related,
 * and a story's neighbours in time. Computed from the tags of the stories.
 */
import type { EntityKind } from './entities';
import type { Person, Story } from '../content/schema';
import { storyIndex } from './story-index';
import { storiesWith } from './story-lists';

export interface CoMention {
  kind: 'people' | 'organisations';
  id: string;
  /** Stories tagged with both. */
  count: number;
}

/**
 * The people and organisations most often tagged in the same stories as an entity,
 * most shared stories first (then by id, so the order is stable).
 */
export function appearsWith(stories: readonly Story[], kind: EntityKind, id: string, limit = 10): CoMention[] {
  const counts = new Map<string, CoMention>();
  for (const story of storiesWith(stories, kind, id)) {
    for (const other of ['people', 'organisations'] as const) {
      for (const otherId of story[other]) {
        if (other === kind && otherId === id) continue;
        const key = `${other}:${otherId}`;
        const entry = counts.get(key) ?? { kind: other, id: otherId, count: 0 };
        entry.count++;
        counts.set(key, entry);
      }
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** People whose roles belong to an organisation. */
export function peopleOf(people: readonly Person[], organisationId: string): Person[] {
  return people.filter((person) => person.roles.some((role) => role.organisation === organisationId));
}

/** Weights of a shared tag: a shared person says more about two stories than a shared topic. */
const SHARED_WEIGHTS = { people: 3, organisations: 2, topics: 1 } as const;

interface Candidate {
  at: number;
  score: number;
  distance: number;
}

/** Higher score first, then nearer in time, then newer (earlier in the list). */
function better(a: Candidate, b: Candidate): boolean {
  return a.score !== b.score ? a.score > b.score : a.distance !== b.distance ? a.distance < b.distance : a.at < b.at;
}

/**
 * Stories that share people, organisations or topics with a story, best first; ties go to
 * the story nearer in time (the list is newest first, so index distance is time distance),
 * then to the newer one. Every article page asks, so only the stories sharing a tag are
 * looked at (from the list's index) and only the best `limit` are kept in order, instead
 * of scoring and sorting the whole archive for every page.
 */
export function relatedStories(stories: readonly Story[], story: Story, limit = 5): Story[] {
  const { tagged, position: positions } = storyIndex(stories);
  const position = positions.get(story.id) ?? -1;
  // Scores by position, and the positions that got one: cheaper than a Map for the thousands a shared topic brings.
  const scores = new Uint32Array(stories.length);
  const scored: number[] = [];
  for (const kind of ['people', 'organisations', 'topics'] as const) {
    for (const id of new Set(story[kind])) {
      for (const at of tagged[kind].get(id) ?? []) {
        const score = scores[at] ?? 0;
        if (score === 0) scored.push(at);
        scores[at] = score + SHARED_WEIGHTS[kind];
      }
    }
  }
  const best: Candidate[] = [];
  for (const at of scored) {
    const score = scores[at] ?? 0;
    if (stories[at]?.id === story.id) continue;
    const candidate = { at, score, distance: Math.abs(at - position) };
    // Insert in order among the best so far; most candidates are not better than the last and stop at once.
    let slot = best.length;
    for (let before = best[slot - 1]; before && better(candidate, before); before = best[slot - 1]) slot--;
    if (slot < limit) best.splice(slot, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.flatMap(({ at }) => stories[at] ?? []);
}

/** The stories just before (older) and after (newer) a story in a newest-first list. */
export function neighboursInTime(stories: readonly Story[], story: Story): { older?: Story; newer?: Story } {
  const index = storyIndex(stories).position.get(story.id);
  if (index === undefined) return {};
  return { older: stories[index + 1], newer: index > 0 ? stories[index - 1] : undefined };
}
