package records

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/netreview/netreview/analysis"
)

// DateLayout is the form of every date in the record and on the command
// line: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// ParseDate parses a YYYY-MM-DD date.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date: want YYYY-MM-DD", s)
	}
	return t, nil
}

// Input is one file a review read, by content.
type Input struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Finding is one finding of a recorded review: JSON is the finding exactly
// as `check --format json` printed it; the other fields are read from it.
type Finding struct {
	Rule     string
	Subject  string
	Severity analysis.Severity
	Waived   bool
	JSON     json.RawMessage
}

// key is the finding's (rule, subject), which matches it from review to
// review.
func (f *Finding) key() analysis.Key { return analysis.Key{Rule: f.Rule, Subject: f.Subject} }

// Review is one review of one agency.
type Review struct {
	ORI    string
	Name   string // the agency's name and county as its file gave them
	County string
	Date   time.Time // the review's date (--date), midnight UTC
	Pack   string    // the rule pack's name
	// Recorded is when the review was recorded.
	Recorded time.Time
	// Inputs are the files the review read. Reviews made by one run (one
	// 'records add') share one slice, and the record keeps it once.
	Inputs   []Input
	Findings []Finding
}

// Notice is a notice of non-compliance sent to an agency.
type Notice struct {
	ORI      string
	Sent     time.Time
	Due      time.Time // the date the implementation plan is due
	Recorded time.Time
}

// Plan is an implementation plan an agency sent.
type Plan struct {
	ORI      string
	Received time.Time
	File     string // the plan's file name, or "" when none was recorded
	SHA256   string
	Content  []byte // the file, as received
	Recorded time.Time
}

// Record is the whole record in memory: reviews by agency then date (then
// the order they were recorded), notices and plans by agency then date.
type Record struct {
	Reviews []Review
	Notices []Notice
	Plans   []Plan
}

// errUnknownAgency is the error for an ORI the record has no review of.
var errUnknownAgency = errors.New("unknown agency")

// timeLayout is the form of the times (when a row was recorded) in the
// record.
const timeLayout = time.RFC3339Nano

// AddReviews records reviews, all or none. Reviews that share one Inputs
// slice and Recorded time (as FromResult makes them) are one run, whose
// inputs are kept once.
func (d *DB) AddReviews(ctx context.Context, reviews []Review) error {
	return d.tx(ctx, func(tx *sql.Tx) error { return d.insertReviews(ctx, tx, reviews) })
}

// runKey identifies the run a review belongs to: its inputs slice (by
// identity) and its recorded time.
type runKey struct {
	first    *Input
	n        int
	recorded time.Time
}

func keyOf(r *Review) runKey {
	k := runKey{n: len(r.Inputs), recorded: r.Recorded}
	if len(r.Inputs) > 0 {
		k.first = &r.Inputs[0]
	}
	return k
}

// run is a run being inserted: its id, and its findings so far by content.
type run struct {
	id       int64
	findings map[string]int // rule, subject and JSON to the finding's pos
}

func (d *DB) insertReviews(ctx context.Context, tx *sql.Tx, reviews []Review) error {
	runs := map[runKey]*run{}
	for i := range reviews {
		r := &reviews[i]
		rn, ok := runs[keyOf(r)]
		if !ok {
			id, err := d.insertRun(ctx, tx, r)
			if err != nil {
				return fmt.Errorf("record %s: inputs of the review of %s: %w", d.name, r.ORI, describe(err))
			}
			rn = &run{id: id, findings: map[string]int{}}
			runs[keyOf(r)] = rn
		}
		if err := d.insertReview(ctx, tx, rn, r); err != nil {
			return fmt.Errorf("record %s: review of %s: %w", d.name, r.ORI, describe(err))
		}
	}
	return nil
}

// insertRun records the run that made r: its time and its inputs.
func (d *DB) insertRun(ctx context.Context, tx *sql.Tx, r *Review) (int64, error) {
	var id int64
	if err := tx.QueryRowContext(ctx, "INSERT INTO runs (recorded) VALUES ("+d.dialect.bind("?")+") RETURNING id",
		r.Recorded.UTC().Format(timeLayout)).Scan(&id); err != nil {
		return 0, err
	}
	for i, in := range r.Inputs {
		if _, err := tx.ExecContext(ctx, d.dialect.bind("INSERT INTO run_inputs (run_id, pos, path, sha256, size) VALUES (?, ?, ?, ?, ?)"),
			id, i, in.Path, in.SHA256, in.Size); err != nil {
			return 0, err
		}
	}
	return id, nil
}

func (d *DB) insertReview(ctx context.Context, tx *sql.Tx, rn *run, r *Review) error {
	if _, err := tx.ExecContext(ctx, d.dialect.bind("INSERT INTO agencies (ori, added) VALUES (?, ?) ON CONFLICT (ori) DO NOTHING"),
		r.ORI, r.Recorded.UTC().Format(timeLayout)); err != nil {
		return err
	}
	var id int64
	if err := tx.QueryRowContext(ctx, d.dialect.bind("INSERT INTO reviews (run_id, ori, name, county, date, pack, recorded) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
		rn.id, r.ORI, r.Name, r.County, r.Date.Format(DateLayout), r.Pack, r.Recorded.UTC().Format(timeLayout)).Scan(&id); err != nil {
		return err
	}
	for i, f := range r.Findings {
		key := f.Rule + "\x00" + f.Subject + "\x00" + string(f.JSON)
		pos, ok := rn.findings[key]
		if !ok {
			pos = len(rn.findings)
			rn.findings[key] = pos
			if _, err := tx.ExecContext(ctx, d.dialect.bind("INSERT INTO findings (run_id, pos, rule, subject, severity, waived, json) VALUES (?, ?, ?, ?, ?, ?, ?)"),
				rn.id, pos, f.Rule, f.Subject, f.Severity.String(), boolInt(f.Waived), string(f.JSON)); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, d.dialect.bind("INSERT INTO review_findings (review_id, pos, run_id, finding) VALUES (?, ?, ?, ?)"),
			id, i, rn.id, pos); err != nil {
			return err
		}
	}
	return nil
}

// AddNotice records a notice sent to an agency the record has reviewed.
func (d *DB) AddNotice(ctx context.Context, n Notice) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.known(ctx, tx, n.ORI); err != nil {
			return err
		}
		return d.insertNotice(ctx, tx, n)
	})
}

func (d *DB) insertNotice(ctx context.Context, tx *sql.Tx, n Notice) error {
	_, err := tx.ExecContext(ctx, d.dialect.bind("INSERT INTO notices (ori, sent, due, recorded) VALUES (?, ?, ?, ?)"),
		n.ORI, n.Sent.Format(DateLayout), n.Due.Format(DateLayout), n.Recorded.UTC().Format(timeLayout))
	if err != nil {
		return fmt.Errorf("record %s: notice to %s: %w", d.name, n.ORI, describe(err))
	}
	return nil
}

// AddPlan records an implementation plan from an agency the record has
// reviewed.
func (d *DB) AddPlan(ctx context.Context, p Plan) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.known(ctx, tx, p.ORI); err != nil {
			return err
		}
		return d.insertPlan(ctx, tx, p)
	})
}

func (d *DB) insertPlan(ctx context.Context, tx *sql.Tx, p Plan) error {
	_, err := tx.ExecContext(ctx, d.dialect.bind("INSERT INTO plans (ori, received, file, sha256, content, recorded) VALUES (?, ?, ?, ?, ?, ?)"),
		p.ORI, p.Received.Format(DateLayout), p.File, p.SHA256, p.Content, p.Recorded.UTC().Format(timeLayout))
	if err != nil {
		return fmt.Errorf("record %s: plan from %s: %w", d.name, p.ORI, describe(err))
	}
	return nil
}

// known returns an error wrapping errUnknownAgency when the record has no
// review of ori.
func (d *DB) known(ctx context.Context, q querier, ori string) error {
	var n int
	if err := q.QueryRowContext(ctx, d.dialect.bind("SELECT COUNT(*) FROM agencies WHERE ori = ?"), ori).Scan(&n); err != nil {
		return fmt.Errorf("record %s: %w", d.name, describe(err))
	}
	if n == 0 {
		return fmt.Errorf("record %s: %w %s: no review of it is recorded ('netreview records add' records one; 'netreview records status' lists the agencies)", d.name, errUnknownAgency, ori)
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// LoadOptions says how much of the record Load reads.
type LoadOptions struct {
	// Full reads each finding's JSON and each plan's file too, as an export
	// needs; without it, findings carry their rule, subject, severity and
	// waiver only, which is all the status and history need.
	Full bool
	// ORI, when set, reads that agency's part of the record only.
	ORI string
}

// Load reads the record.
func (d *DB) Load(ctx context.Context, opt LoadOptions) (*Record, error) {
	rec := &Record{}
	err := d.loadInto(ctx, rec, opt)
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", d.name, describe(err))
	}
	return rec, nil
}

func (d *DB) loadInto(ctx context.Context, rec *Record, opt LoadOptions) error {
	ids := map[int64]int{} // review id to its index in rec.Reviews
	where, reviewsWhere, runsWhere, args := "", "", "", []any(nil)
	if opt.ORI != "" {
		where = " WHERE ori = ?"
		reviewsWhere = " WHERE review_id IN (SELECT id FROM reviews WHERE ori = ?)"
		runsWhere = " WHERE run_id IN (SELECT run_id FROM reviews WHERE ori = ?)"
		args = []any{opt.ORI}
	}
	inputs := map[int64][]Input{} // by run
	err := d.each(ctx, "SELECT run_id, path, sha256, size FROM run_inputs"+runsWhere+" ORDER BY run_id, pos", args, func(rows *sql.Rows) error {
		var run int64
		var in Input
		if err := rows.Scan(&run, &in.Path, &in.SHA256, &in.Size); err != nil {
			return err
		}
		inputs[run] = append(inputs[run], in)
		return nil
	})
	if err != nil {
		return err
	}
	err = d.each(ctx, "SELECT id, run_id, ori, name, county, date, pack, recorded FROM reviews"+where+" ORDER BY ori, date, id", args, func(rows *sql.Rows) error {
		var r Review
		var id, run int64
		var date, recorded string
		if err := rows.Scan(&id, &run, &r.ORI, &r.Name, &r.County, &date, &r.Pack, &recorded); err != nil {
			return err
		}
		r.Inputs = inputs[run]
		var err error
		if r.Date, err = time.Parse(DateLayout, date); err != nil {
			return fmt.Errorf("review %d: date %w", id, err)
		}
		if r.Recorded, err = time.Parse(timeLayout, recorded); err != nil {
			return fmt.Errorf("review %d: recorded %w", id, err)
		}
		ids[id] = len(rec.Reviews)
		rec.Reviews = append(rec.Reviews, r)
		return nil
	})
	if err != nil {
		return err
	}
	cols := "run_id, rule, subject, severity, waived, ''"
	if opt.Full {
		cols = "run_id, rule, subject, severity, waived, json"
	}
	findings := map[int64][]Finding{} // by run, in pos order
	err = d.each(ctx, "SELECT "+cols+" FROM findings"+runsWhere+" ORDER BY run_id, pos", args, func(rows *sql.Rows) error {
		var run int64
		var f Finding
		var sev, js string
		var waived int
		if err := rows.Scan(&run, &f.Rule, &f.Subject, &sev, &waived, &js); err != nil {
			return err
		}
		var err error
		if f.Severity, err = analysis.ParseSeverity(sev); err != nil {
			return fmt.Errorf("run %d: finding %s/%s: %w", run, f.Rule, f.Subject, err)
		}
		f.Waived = waived != 0
		if js != "" {
			f.JSON = json.RawMessage(js)
		}
		findings[run] = append(findings[run], f)
		return nil
	})
	if err != nil {
		return err
	}
	err = d.each(ctx, "SELECT review_id, run_id, finding FROM review_findings"+reviewsWhere+" ORDER BY review_id, pos", args, func(rows *sql.Rows) error {
		var id, run int64
		var pos int
		if err := rows.Scan(&id, &run, &pos); err != nil {
			return err
		}
		fs := findings[run]
		if pos < 0 || pos >= len(fs) {
			return fmt.Errorf("review %d: finding %d of run %d is missing", id, pos, run)
		}
		r := &rec.Reviews[ids[id]]
		r.Findings = append(r.Findings, fs[pos])
		return nil
	})
	if err != nil {
		return err
	}
	err = d.each(ctx, "SELECT ori, sent, due, recorded FROM notices"+where+" ORDER BY ori, sent, id", args, func(rows *sql.Rows) error {
		var n Notice
		var sent, due, recorded string
		if err := rows.Scan(&n.ORI, &sent, &due, &recorded); err != nil {
			return err
		}
		var err error
		if n.Sent, n.Due, n.Recorded, err = parseTimes(sent, due, recorded); err != nil {
			return fmt.Errorf("notice to %s: %w", n.ORI, err)
		}
		rec.Notices = append(rec.Notices, n)
		return nil
	})
	if err != nil {
		return err
	}
	content := "NULL"
	if opt.Full {
		content = "content"
	}
	return d.each(ctx, "SELECT ori, received, file, sha256, "+content+", recorded FROM plans"+where+" ORDER BY ori, received, id", args, func(rows *sql.Rows) error {
		var p Plan
		var received, recorded string
		if err := rows.Scan(&p.ORI, &received, &p.File, &p.SHA256, &p.Content, &recorded); err != nil {
			return err
		}
		var err error
		if p.Received, _, p.Recorded, err = parseTimes(received, received, recorded); err != nil {
			return fmt.Errorf("plan from %s: %w", p.ORI, err)
		}
		rec.Plans = append(rec.Plans, p)
		return nil
	})
}

// parseTimes parses two dates and a time as the record stores them.
func parseTimes(date1, date2, recorded string) (d1, d2, rec time.Time, err error) {
	if d1, err = time.Parse(DateLayout, date1); err != nil {
		return
	}
	if d2, err = time.Parse(DateLayout, date2); err != nil {
		return
	}
	rec, err = time.Parse(timeLayout, recorded)
	return
}

// each runs query with args and calls fn for each row.
func (d *DB) each(ctx context.Context, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := d.db.QueryContext(ctx, d.dialect.bind(query), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
