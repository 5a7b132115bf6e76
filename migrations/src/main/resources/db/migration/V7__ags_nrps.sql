-- LTI Advantage services: when each course's roster is fetched, the roster as the platform last
-- reported it, and what the grade passback outbox needs to coalesce scores and to be worked by
-- several api nodes at once. Where the services live (line items, memberships URL) is V4's.

-- When each course's roster (the NRPS memberships of lti_course_service, V4) is next fetched;
-- a node fetching it moves roster_due_at ahead as its lease, so other nodes skip it meanwhile.
ALTER TABLE lti_course_service
    ADD COLUMN roster_due_at     timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN roster_fetched_at timestamptz,
    ADD COLUMN roster_error      text;

CREATE INDEX lti_course_service_roster_due ON lti_course_service (roster_due_at)
    WHERE memberships_url IS NOT NULL;

-- A person on a course's roster as the platform's membership service last reported them. The
-- roles they hold are granted in course_role (which the rest of the application reads); this row
-- remembers that the roster put them there, so that a later roster without them takes them away.
CREATE TABLE course_member (
    course_id  bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    user_id    bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    status     text NOT NULL CHECK (status IN ('active', 'inactive', 'deleted')),
    lti_roles  text[] NOT NULL,
    fetched_at timestamptz NOT NULL,
    PRIMARY KEY (course_id, user_id)
);

CREATE INDEX course_member_user ON course_member (user_id);

-- Grade passback ----------------------------------------------------------------------------

-- A score carries its own timestamp and the platform keeps the latest, so only the newest
-- pending score of a learner in a practice set needs sending: a new score overwrites the pending
-- row and bumps its revision. A sender that claimed revision n marks the row sent only if it is
-- still revision n; otherwise the newer score goes out on the next round.
-- claimed_by and lease_until let any api node claim due rows (FOR UPDATE SKIP LOCKED, then the
-- HTTP call outside the transaction); a lease that runs out (a node died mid-send) frees the row.
ALTER TABLE grade_outbox
    ADD COLUMN revision          integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
    ADD COLUMN score_timestamp   timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN activity_progress text NOT NULL DEFAULT 'InProgress'
        CHECK (activity_progress IN ('Initialized', 'Started', 'InProgress', 'Submitted', 'Completed')),
    ADD COLUMN grading_progress  text NOT NULL DEFAULT 'Pending'
        CHECK (grading_progress IN ('FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady')),
    ADD COLUMN claimed_by        text,
    ADD COLUMN lease_until       timestamptz,
    ADD COLUMN updated_at        timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT grade_outbox_lease CHECK ((claimed_by IS NULL) = (lease_until IS NULL));

CREATE UNIQUE INDEX grade_outbox_one_pending ON grade_outbox (course_id, user_id, practice_set_id)
    WHERE status = 'pending';

CREATE INDEX grade_outbox_course_status ON grade_outbox (course_id, status);
