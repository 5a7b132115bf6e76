-- Sessions, and the platform that local (non-LTI) sign-ins belong to.

-- A signed-in user acting in one course with one role. The token itself is never stored: only
-- its SHA-256, so a copy of the table cannot be replayed as sessions. Every api node reads the
-- same table, so any node can serve any request.
CREATE TABLE app_session (
    token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    user_id    bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    course_id  bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    role       text NOT NULL CHECK (role IN ('learner', 'instructor')),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    CHECK (expires_at > created_at)
);

CREATE INDEX app_session_expiry ON app_session (expires_at);

-- Users and courses made without an LMS (the development sign-in, the demo course) hang off
-- this one platform and deployment, so that every course and user keeps the same shape.
INSERT INTO lti_platform (issuer, client_id, auth_login_url, auth_token_url, jwks_url)
VALUES ('http://localhost/chainwise-local', 'local', 'http://localhost/chainwise-local/none',
        'http://localhost/chainwise-local/none', 'http://localhost/chainwise-local/none');

INSERT INTO lti_deployment (platform_id, deployment_id)
SELECT id, 'local' FROM lti_platform WHERE issuer = 'http://localhost/chainwise-local';
