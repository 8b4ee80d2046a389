-- The record: agencies by ORI, their reviews (findings, and the inputs of
-- the run that made them), the notices of non-compliance sent to them and
-- the implementation plans they sent back. {{serial}} and {{blob}} are the dialect's auto-numbered key and
-- byte-string types. Dates are text, YYYY-MM-DD; times are RFC 3339, UTC.
CREATE TABLE agencies (
	ori   TEXT PRIMARY KEY,
	added TEXT NOT NULL
);

-- A run is one 'records add': the files it read, once for all the
-- agencies it reviewed (a statewide add reads every agency's file).
CREATE TABLE runs (
	id       {{serial}} PRIMARY KEY,
	recorded TEXT NOT NULL
);

CREATE TABLE run_inputs (
	run_id BIGINT NOT NULL REFERENCES runs (id),
	pos    INTEGER NOT NULL,
	path   TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	size   BIGINT NOT NULL,
	PRIMARY KEY (run_id, pos)
);

CREATE TABLE reviews (
	id       {{serial}} PRIMARY KEY,
	run_id   BIGINT NOT NULL REFERENCES runs (id),
	ori      TEXT NOT NULL REFERENCES agencies (ori),
	name     TEXT NOT NULL,
	county   TEXT NOT NULL,
	date     TEXT NOT NULL,
	pack     TEXT NOT NULL,
	recorded TEXT NOT NULL
);
CREATE INDEX reviews_by_agency ON reviews (ori, date);

-- A run's findings, each once, as 'check --format json' printed it; a
-- finding that concerns many agencies (a carrier link that cuts hundreds of
-- sites) is one row, and review_findings gives each review its own.
CREATE TABLE findings (
	run_id   BIGINT NOT NULL REFERENCES runs (id),
	pos      INTEGER NOT NULL,
	rule     TEXT NOT NULL,
	subject  TEXT NOT NULL,
	severity TEXT NOT NULL,
	waived   INTEGER NOT NULL,
	json     TEXT NOT NULL,
	PRIMARY KEY (run_id, pos)
);

CREATE TABLE review_findings (
	review_id BIGINT NOT NULL REFERENCES reviews (id),
	pos       INTEGER NOT NULL,
	run_id    BIGINT NOT NULL,
	finding   INTEGER NOT NULL,
	PRIMARY KEY (review_id, pos),
	FOREIGN KEY (run_id, finding) REFERENCES findings (run_id, pos)
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
