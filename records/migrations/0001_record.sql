-- The record: agencies by ORI, their reviews (inputs and findings), the
-- notices of non-compliance sent to them and the implementation plans they
-- sent back. {{serial}} and {{blob}} are the dialect's auto-numbered key and
-- byte-string types. Dates are text, YYYY-MM-DD; times are RFC 3339, UTC.
CREATE TABLE agencies (
	ori   TEXT PRIMARY KEY,
	added TEXT NOT NULL
);

CREATE TABLE reviews (
	id       {{serial}} PRIMARY KEY,
	ori      TEXT NOT NULL REFERENCES agencies (ori),
	name     TEXT NOT NULL,
	county   TEXT NOT NULL,
	date     TEXT NOT NULL,
	pack     TEXT NOT NULL,
	recorded TEXT NOT NULL
);
CREATE INDEX reviews_by_agency ON reviews (ori, date);

CREATE TABLE review_inputs (
	review_id BIGINT NOT NULL REFERENCES reviews (id),
	pos       INTEGER NOT NULL,
	path      TEXT NOT NULL,
	sha256    TEXT NOT NULL,
	size      BIGINT NOT NULL,
	PRIMARY KEY (review_id, pos)
);

CREATE TABLE findings (
	review_id BIGINT NOT NULL REFERENCES reviews (id),
	pos       INTEGER NOT NULL,
	rule      TEXT NOT NULL,
	subject   TEXT NOT NULL,
	severity  TEXT NOT NULL,
	waived    INTEGER NOT NULL,
	json      TEXT NOT NULL,
	PRIMARY KEY (review_id, pos)
);

CREATE TABLE notices (
	id       {{serial}} PRIMARY KEY,
	ori      TEXT NOT NULL REFERENCES agencies (ori),
	sent     TEXT NOT NULL,
	due      TEXT NOT NULL,
	recorded TEXT NOT NULL
);

CREATE TABLE plans (
	id       {{serial}} PRIMARY KEY,
	ori      TEXT NOT NULL REFERENCES agencies (ori),
	received TEXT NOT NULL,
	file     TEXT NOT NULL,
	sha256   TEXT NOT NULL,
	content  {{blob}},
	recorded TEXT NOT NULL
);
