import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../lib/content/load';
import { appearsWith, neighboursInTime, peopleOf, relatedStories } from '../../lib/views/relations';
import type { Story } from '../../lib/content/schema';
import { storiesIn, storiesWith } from '../../lib/views/story-lists';
import { makeStory } from './helpers/stories';

const stories = [
  makeStory({
    id: 'newest',
    date: '2025-10-23',
    topics: ['hanoi-convention'],
    people: ['luong-cuong'],
    organisations: ['united-nations'],
  }),
  makeStory({
    id: 'shares-people',
    date: '2025-04',
    topics: ['command-86'],
    people: ['vu-huu-hanh', 'nguyen-minh-thang'],
    organisations: ['command-86'],
  }),
  makeStory({
    id: 'subject',
    date: '2023-10',
    topics: ['command-86', 'digital-transformation'],
    people: ['vu-huu-hanh', 'le-huy-vinh'],
    organisations: ['command-86', 'ministry-of-national-defence'],
  }),
  makeStory({
    id: 'shares-topic',
    date: '2022-12',
    topics: ['command-86'],
    people: ['le-dung'],
    organisations: ['cuban-revolutionary-armed-forces'],
  }),
  makeStory({
    id: 'shares-org',
    date: '2022-01',
    topics: ['cybersecurity'],
    organisations: ['ministry-of-national-defence'],
  }),
];
const subject = stories[2];
if (!subject) throw new Error('fixture');

describe('appearsWith', () => {
  it('should count the people and organisations tagged in the same stories, most shared first', () => {
    expect(appearsWith(stories, 'people', 'vu-huu-hanh')).toEqual([
      { kind: 'organisations', id: 'command-86', count: 2 },
      { kind: 'organisations', id: 'ministry-of-national-defence', count: 1 },
      { kind: 'people', id: 'le-huy-vinh', count: 1 },
      { kind: 'people', id: 'nguyen-minh-thang', count: 1 },
    ]);
  });

  it('should never list an entity as appearing with itself, and work from a topic too', () => {
    const withCommand = appearsWith(stories, 'organisations', 'command-86');
    expect(withCommand.find((entry) => entry.kind === 'organisations' && entry.id === 'command-86')).toBeUndefined();
    expect(appearsWith(stories, 'topics', 'hanoi-convention')).toEqual([
      { kind: 'organisations', id: 'united-nations', count: 1 },
      { kind: 'people', id: 'luong-cuong', count: 1 },
    ]);
  });
});

describe('relatedStories', () => {
  it('should rank shared people above shared organisations above shared topics, and leave out unrelated stories', () => {
    expect(relatedStories(stories, subject).map((story) => story.id)).toEqual([
      'shares-people',
      'shares-org',
      'shares-topic',
    ]);
  });

  it('should break ties by nearness in time', () => {
    const near = makeStory({ id: 'near', date: '2023-09', topics: ['digital-transformation'] });
    const far = makeStory({ id: 'far', date: '2020-01', topics: ['digital-transformation'] });
    const list = [subject, near, far];
    expect(relatedStories(list, subject).map((story) => story.id)).toEqual(['near', 'far']);
  });
});

describe('neighboursInTime', () => {
  it('should give the older and newer story around a story', () => {
    const { older, newer } = neighboursInTime(stories, subject);
    expect(older?.id).toBe('shares-topic');
    expect(newer?.id).toBe('shares-people');
    expect(neighboursInTime(stories, stories[0] ?? subject).newer).toBeUndefined();
  });
});

/** The first implementations: every story scanned for every question, kept as the reference the indexed ones must match. */
const reference = {
  storiesWith: (list: readonly Story[], kind: 'topics' | 'people' | 'organisations', id: string) =>
    list.filter((story) => story[kind].includes(id)),
  relatedStories(list: readonly Story[], story: Story, limit = 5): Story[] {
    const weights = { people: 3, organisations: 2, topics: 1 } as const;
    const position = list.findIndex((candidate) => candidate.id === story.id);
    return list
      .map((candidate, index) => {
        let score = 0;
        for (const kind of ['people', 'organisations', 'topics'] as const)
          score += candidate[kind].filter((id) => story[kind].includes(id)).length * weights[kind];
        return { candidate, score, distance: Math.abs(index - position) };
      })
      .filter(({ candidate, score }) => candidate.id !== story.id && score > 0)
      .sort((a, b) => b.score - a.score || a.distance - b.distance)
      .slice(0, limit)
      .map(({ candidate }) => candidate);
  },
};

describe('the indexed relations, on random archives', () => {
  // Few tags, so that scores tie often and the tie-breaks decide.
  const tags = (prefix: string, count: number) =>
    fc.uniqueArray(fc.constantFrom(...Array.from({ length: count }, (_, index) => `${prefix}-${index}`)), {
      maxLength: 3,
    });
  const archive = fc
    .array(
      fc.record({
        topics: tags('topic', 4),
        people: tags('person', 5),
        organisations: tags('org', 4),
        locales: fc.constantFrom<('en' | 'vi')[]>(['en'], ['vi'], ['en', 'vi']),
      }),
      { maxLength: 40 },
    )
    .map((specs) =>
      specs.map((spec, index) =>
        makeStory({
          id: `story-${index}`,
          date: '2024-01',
          ...spec,
          topics: ['topic-0', ...spec.topics.filter((id) => id !== 'topic-0')],
        }),
      ),
    );

  it('should find the same related stories, in the same order, as scanning every story', () => {
    fc.assert(
      fc.property(archive, fc.nat(), fc.integer({ min: 0, max: 8 }), (list, pick, limit) => {
        const story = list[pick % Math.max(1, list.length)];
        if (!story) return;
        expect(relatedStories(list, story, limit).map(({ id }) => id)).toEqual(
          reference.relatedStories(list, story, limit).map(({ id }) => id),
        );
      }),
    );
  });

  it("should find the same stories of an entity, its neighbours in time and each language's stories", () => {
    fc.assert(
      fc.property(archive, (list) => {
        for (const id of ['topic-0', 'topic-3', 'nobody'])
          expect(storiesWith(list, 'topics', id)).toEqual(reference.storiesWith(list, 'topics', id));
        for (const id of ['person-1', 'person-4'])
          expect(storiesWith(list, 'people', id)).toEqual(reference.storiesWith(list, 'people', id));
        expect(storiesIn(list, 'vi')).toEqual(list.filter((story) => story.articles.vi));
        list.forEach((story, index) =>
          expect(neighboursInTime(list, story)).toEqual({
            older: list[index + 1],
            newer: index > 0 ? list[index - 1] : undefined,
          }),
        );
      }),
    );
  });
});

describe('peopleOf', () => {
  it('should list the seed people whose roles belong to Command 86', () => {
    const { archive } = loadContent(path.resolve('content'));
    const expected = archive.people
      .filter((person) => person.roles.some((role) => role.organisation === 'command-86'))
      .map((person) => person.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(peopleOf(archive.people, 'command-86').map((person) => person.id)).toEqual(expected);
    expect(peopleOf(archive.people, 'united-nations')).toEqual([]);
  });
});
