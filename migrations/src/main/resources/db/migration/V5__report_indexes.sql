-- What the teacher reports (reports/) need to read one course quickly: reports/README.md shows
-- the plans on 2 million attempts.

-- attempt_misconception is the one course table without course_id (V1 says every table that
-- belongs to a course carries it, for distribution on it later). It gets it here, with the other
-- facts of its attempt that every report groups by, so that the reports read a course's diagnoses
-- from one index alone instead of joining each to its attempt and item. A trigger copies them from
-- the attempt, so the code that records diagnoses does not change; an attempt's course, learner,
-- time and item never change after it is recorded.
ALTER TABLE attempt_misconception
    ADD COLUMN course_id    bigint REFERENCES course ON DELETE CASCADE,
    ADD COLUMN user_id      bigint,
    ADD COLUMN submitted_at timestamptz,
    ADD COLUMN family       text;

UPDATE attempt_misconception AS am
   SET course_id = a.course_id, user_id = a.user_id, submitted_at = a.submitted_at, family = i.family
  FROM attempt AS a JOIN item_served AS i ON i.id = a.item_id
 WHERE a.id = am.attempt_id;

ALTER TABLE attempt_misconception
    ALTER COLUMN course_id SET NOT NULL,
    ALTER COLUMN user_id SET NOT NULL,
    ALTER COLUMN submitted_at SET NOT NULL,
    ALTER COLUMN family SET NOT NULL;

CREATE FUNCTION attempt_misconception_from_attempt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.course_id, a.user_id, a.submitted_at, i.family
      INTO NEW.course_id, NEW.user_id, NEW.submitted_at, NEW.family
      FROM attempt AS a JOIN item_served AS i ON i.id = a.item_id
     WHERE a.id = NEW.attempt_id;
    -- No such attempt: the foreign key on attempt_id reports it.
    RETURN NEW;
END
$$;

CREATE TRIGGER attempt_misconception_from_attempt
    BEFORE INSERT OR UPDATE OF attempt_id ON attempt_misconception
    FOR EACH ROW EXECUTE FUNCTION attempt_misconception_from_attempt();

-- A course's diagnoses by code, newest attempt last: counts, weeks, families, layers, examples and
-- the drill-down's pages (attempt_id descending below a bound) all from the index.
CREATE INDEX attempt_misconception_course_code ON attempt_misconception (course_id, code, attempt_id)
    INCLUDE (user_id, rank, layer, submitted_at, family);

-- A course's attempts per learner with what the aggregates need, so that they are read from the
-- index alone (in learner order, which the per-learner counts group by) instead of the wide rows.
-- The same key as V1's index of that name, so every query that used it still can.
DROP INDEX attempt_course_user_time;
CREATE INDEX attempt_course_user_time ON attempt (course_id, user_id, submitted_at) INCLUDE (id, item_id, verdict);

-- A course's served items and their families, for the family breakdowns.
CREATE INDEX item_served_course_family ON item_served (course_id, id) INCLUDE (family);

-- Held misconceptions only (StudentModel.HELD = 0.5): most beliefs are low, and reports count the held ones.
CREATE INDEX misconception_belief_held ON misconception_belief (course_id, code) INCLUDE (user_id, belief)
    WHERE belief >= 0.5;

-- A course's learners: the roster every report figure is restricted to.
CREATE INDEX course_role_learner ON course_role (course_id, user_id) WHERE role = 'learner';

-- The notes shared in a course: V6's research_note_shared (course_id, object_key, updated_at DESC)
-- WHERE visibility = 'shared' serves the report too.

-- A learner belongs to one course (per platform), so user_id determines course_id. Without being
-- told, the planner multiplies the two selectivities and expects a course's learner to have a
-- handful of attempts instead of hundreds, and then picks nested loops that probe an index once
-- per attempt. Functional-dependency statistics correct the estimate.
CREATE STATISTICS attempt_course_user (dependencies) ON course_id, user_id FROM attempt;
CREATE STATISTICS attempt_misconception_course_user (dependencies) ON course_id, user_id FROM attempt_misconception;
CREATE STATISTICS item_served_course_user (dependencies) ON course_id, user_id FROM item_served;
