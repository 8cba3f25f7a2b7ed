/**
 * How stories and entities relate: who appears with whom, which stories are related,
 * and a story's neighbours in time. Computed from the tags of the stories.
 */
import type { EntityKind } from './entities';
import type { Person, Story } from './schema';

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
  for (const story of stories) {
    if (!story[kind].includes(id)) continue;
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
  return [...counts.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id)).slice(0, limit);
}

/** People whose roles belong to an organisation. */
export function peopleOf(people: readonly Person[], organisationId: string): Person[] {
  return people.filter((person) => person.roles.some((role) => role.organisation === organisationId));
}

/** Weights of a shared tag: a shared person says more about two stories than a shared topic. */
const SHARED_WEIGHTS = { people: 3, organisations: 2, topics: 1 } as const;

/**
 * Stories that share people, organisations or topics with a story, best first; ties go to
 * the story nearer in time (the list is newest first, so index distance is time distance).
 */
export function relatedStories(stories: readonly Story[], story: Story, limit = 5): Story[] {
  const position = stories.findIndex((candidate) => candidate.id === story.id);
  return stories
    .map((candidate, index) => {
      let score = 0;
      for (const kind of ['people', 'organisations', 'topics'] as const) {
        score += candidate[kind].filter((id) => story[kind].includes(id)).length * SHARED_WEIGHTS[kind];
      }
      return { candidate, score, distance: Math.abs(index - position) };
    })
    .filter(({ candidate, score }) => candidate.id !== story.id && score > 0)
    .sort((a, b) => b.score - a.score || a.distance - b.distance)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** The stories just before (older) and after (newer) a story in a newest-first list. */
export function neighboursInTime(stories: readonly Story[], story: Story): { older?: Story; newer?: Story } {
  const index = stories.findIndex((candidate) => candidate.id === story.id);
  if (index === -1) return {};
  return { older: stories[index + 1], newer: index > 0 ? stories[index - 1] : undefined };
}
