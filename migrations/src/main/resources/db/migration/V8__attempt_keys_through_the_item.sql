-- Every attempt, and every diagnosis in it, took a key-share lock on its course's single row for
-- its foreign key to course. With a class answering at once PostgreSQL turns those overlapping
-- locks on one row into multixacts: under the practice load (README, "Practice API load") the
-- three keys cost PostgreSQL a fifth of its CPU per answer. The same guarantees now go through
-- rows of the learner's own, which the answering transaction has locked already.

-- An attempt's course and learner are its item's. One composite key says so (two separate keys
-- never checked that they agree), and deleting a course or an item still removes its attempts.
CREATE UNIQUE INDEX item_served_owner ON item_served (id, course_id, user_id);

ALTER TABLE attempt
    ADD CONSTRAINT attempt_item_owner_fkey FOREIGN KEY (item_id, course_id, user_id)
        REFERENCES item_served (id, course_id, user_id) ON DELETE CASCADE,
    DROP CONSTRAINT attempt_item_id_fkey,
    DROP CONSTRAINT attempt_course_id_fkey;

-- A diagnosis's course is copied from its attempt by V5's trigger, and deleting a course removes
-- the diagnosis through the attempt: its own key to course only added the lock.
ALTER TABLE attempt_misconception
    DROP CONSTRAINT attempt_misconception_course_id_fkey;
