-- Research-room notes on every kind of object a student can point at, and the indexes the notes
-- and teachers' endpoints read by.

-- V1 allowed five kinds of key. The page has more (claims, code witnesses, worked examples, the
-- intuition), students cite outside sources, and a note on one answered attempt is the most exact
-- question of all. The api validates keys first and names the allowed kinds; this is the backstop.
ALTER TABLE research_note DROP CONSTRAINT research_note_object_key_check;
ALTER TABLE research_note ADD CONSTRAINT research_note_object_key_check CHECK (
    object_key ~ '^(concept|intuition|equation|example|source|witness|claim|misconception|demo|item|attempt):\S+$'
    AND length(object_key) <= 300);

-- A note is written in a course and read there: private to its author or shared with the
-- course's instructors, both of which need the course.
ALTER TABLE research_note ALTER COLUMN course_id SET NOT NULL;

ALTER TABLE research_note ADD CONSTRAINT research_note_lengths CHECK (
    length(question) <= 4000 AND length(evidence) <= 4000
    AND length(resolution) <= 4000 AND length(next_action) <= 4000);

-- "My notes in this course", newest first, and "the shared notes of this course" (on one object).
CREATE INDEX research_note_author_course ON research_note (author_id, course_id, updated_at DESC);
CREATE INDEX research_note_shared ON research_note (course_id, object_key, updated_at DESC)
    WHERE visibility = 'shared';

-- The learners of a course in the order the teachers' list pages them.
CREATE INDEX course_role_course_role ON course_role (course_id, role, user_id);
