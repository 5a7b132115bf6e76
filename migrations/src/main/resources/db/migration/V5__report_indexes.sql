-- Indexes for the teacher reports (reports/). Every report query reads one course's learner
-- attempts and joins their diagnoses and items; these let it do so from indexes alone
-- (index-only scans once the visibility map is set), without touching the wide attempt rows.
-- reports/README.md shows the plans on 2 million attempts.

-- A course's attempts with what the aggregates need; keyed on id as well so that the drill-down
-- pages newest first (id descending) within the course.
CREATE INDEX attempt_course_report ON attempt (course_id, id) INCLUDE (user_id, item_id, verdict, submitted_at);

-- The diagnoses of an attempt, joined per attempt: code, layer and rank without the heap.
CREATE INDEX attempt_misconception_report ON attempt_misconception (attempt_id) INCLUDE (rank, code, layer);

-- A course's served items and their families, for the family breakdowns.
CREATE INDEX item_served_course_family ON item_served (course_id, id) INCLUDE (family);

-- Held misconceptions only (StudentModel.HELD = 0.5): most beliefs are low, and reports count the held ones.
CREATE INDEX misconception_belief_held ON misconception_belief (course_id, code) INCLUDE (user_id, belief)
    WHERE belief >= 0.5;

-- A course's learners: the roster every report figure is restricted to.
CREATE INDEX course_role_learner ON course_role (course_id, user_id) WHERE role = 'learner';

-- The notes shared in a course.
CREATE INDEX research_note_shared ON research_note (course_id, object_key) WHERE visibility = 'shared';
