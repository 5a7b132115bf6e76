-- V8 for the items served: their keys to course and to the practice set took key-share locks on
-- two rows a whole class shares, which PostgreSQL turns into multixacts when the class practises
-- at once (measured under the practice load: 14% of PostgreSQL's CPU per answer). An item is
-- served to a learner whose model row exists, in the learner's run through its set, so the keys go
-- through those rows of the learner's own instead; deleting a course still removes its items
-- (through the model rows), deleting a set still keeps them with no set (through the runs).
-- Needs PostgreSQL 15 or newer (ON DELETE SET NULL of one column of the key).

-- Items served before this migration get the rows they now refer to.
INSERT INTO learner_model (course_id, user_id)
SELECT DISTINCT course_id, user_id FROM item_served
ON CONFLICT DO NOTHING;

INSERT INTO practice_enrollment (course_id, user_id, practice_set_id, started_at)
SELECT course_id, user_id, practice_set_id, min(served_at) FROM item_served
 WHERE practice_set_id IS NOT NULL
 GROUP BY course_id, user_id, practice_set_id
ON CONFLICT DO NOTHING;

ALTER TABLE item_served
    ADD CONSTRAINT item_served_learner_fkey FOREIGN KEY (course_id, user_id)
        REFERENCES learner_model (course_id, user_id) ON DELETE CASCADE,
    ADD CONSTRAINT item_served_run_fkey FOREIGN KEY (course_id, user_id, practice_set_id)
        REFERENCES practice_enrollment (course_id, user_id, practice_set_id) ON DELETE SET NULL (practice_set_id),
    DROP CONSTRAINT item_served_course_id_fkey,
    DROP CONSTRAINT item_served_practice_set_id_fkey;
