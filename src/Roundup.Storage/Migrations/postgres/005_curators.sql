-- The curators who may sign in to the desk; a name is taken once whatever its case. The password is kept only as
-- ASP.NET Core Identity's hash; a one-time sign-in link only as the SHA-256 of its token, with its expiry.
CREATE TABLE curators (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name                   text NOT NULL,
  password_hash          text,
  created                timestamptz NOT NULL,
  failed_sign_ins        integer NOT NULL DEFAULT 0,
  locked_until           timestamptz,
  sign_in_token_hash     text UNIQUE,
  sign_in_token_expires  timestamptz
);
CREATE UNIQUE INDEX curators_name ON curators (lower(name));
