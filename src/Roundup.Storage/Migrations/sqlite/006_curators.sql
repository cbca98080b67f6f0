-- The curators who may sign in to the desk. The password is kept only as ASP.NET Core Identity's hash; a one-time
-- sign-in link only as the SHA-256 of its token, with its expiry. Failed sign-ins count towards a lockout.
CREATE TABLE curators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT,
    created TEXT NOT NULL,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    sign_in_token_hash TEXT UNIQUE,
    sign_in_token_expires TEXT
);
