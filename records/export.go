package records

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// exportVersion is the version of the export's JSON form, its
// "netreview-records" field.
const exportVersion = 1

// exported is the JSON form of the whole record.
type exported struct {
	Version int              `json:"netreview-records"`
	Runs    []exportedRun    `json:"runs"`
	Reviews []exportedReview `json:"reviews"`
	Notices []exportedNotice `json:"notices"`
	Plans   []exportedPlan   `json:"plans"`
}

// exportedRun is one 'records add': when, and the files it read.
type exportedRun struct {
	Recorded string  `json:"recorded"`
	Inputs   []Input `json:"inputs"`
	// Findings are the run's findings, each once, as `check --format json`
	// printed them; a review lists its own by index.
	Findings []json.RawMessage `json:"findings"`
}

type exportedReview struct {
	Run      int    `json:"run"` // index into runs
	ORI      string `json:"ori"`
	Name     string `json:"name"`
	County   string `json:"county"`
	Date     string `json:"date"`
	Pack     string `json:"pack"`
	Recorded string `json:"recorded"`
	Findings []int  `json:"findings"` // indexes into the run's findings
}

type exportedNotice struct {
	ORI      string `json:"ori"`
	Sent     string `json:"sent"`
	Due      string `json:"due"`
	Recorded string `json:"recorded"`
}

type exportedPlan struct {
	ORI      string `json:"ori"`
	Received string `json:"received"`
	File     string `json:"file"`
	SHA256   string `json:"sha256"`
	Content  []byte `json:"content"` // base64
	Recorded string `json:"recorded"`
}

// Export writes rec (loaded with LoadOptions{Full: true}) as JSON: every
// run with the inputs it read, every review with its findings as `check
// --format json` printed them, every notice and every plan with its file.
// Import reads it back.
func Export(w io.Writer, rec *Record) error {
	out := exported{Version: exportVersion, Runs: []exportedRun{}, Reviews: []exportedReview{}, Notices: []exportedNotice{}, Plans: []exportedPlan{}}
	runs := map[runKey]int{}
	findings := []map[string]int{} // by run: a finding's rule, subject and JSON to its index
	for i := range rec.Reviews {
		r := &rec.Reviews[i]
		run, ok := runs[keyOf(r)]
		if !ok {
			run = len(out.Runs)
			runs[keyOf(r)] = run
			inputs := r.Inputs
			if inputs == nil {
				inputs = []Input{}
			}
			out.Runs = append(out.Runs, exportedRun{Recorded: r.Recorded.UTC().Format(timeLayout), Inputs: inputs, Findings: []json.RawMessage{}})
			findings = append(findings, map[string]int{})
		}
		er := exportedReview{Run: run, ORI: r.ORI, Name: r.Name, County: r.County, Date: r.Date.Format(DateLayout), Pack: r.Pack,
			Recorded: r.Recorded.UTC().Format(timeLayout), Findings: make([]int, len(r.Findings))}
		for i, f := range r.Findings {
			if len(f.JSON) == 0 {
				return fmt.Errorf("export: review of %s on %s: finding %s/%s has no JSON: load the record in full", r.ORI, er.Date, f.Rule, f.Subject)
			}
			key := f.Rule + "\x00" + f.Subject + "\x00" + string(f.JSON)
			idx, ok := findings[run][key]
			if !ok {
				idx = len(out.Runs[run].Findings)
				findings[run][key] = idx
				out.Runs[run].Findings = append(out.Runs[run].Findings, f.JSON)
			}
			er.Findings[i] = idx
		}
		out.Reviews = append(out.Reviews, er)
	}
	for _, n := range rec.Notices {
		out.Notices = append(out.Notices, exportedNotice{ORI: n.ORI, Sent: n.Sent.Format(DateLayout), Due: n.Due.Format(DateLayout), Recorded: n.Recorded.UTC().Format(timeLayout)})
	}
	for _, p := range rec.Plans {
		out.Plans = append(out.Plans, exportedPlan{ORI: p.ORI, Received: p.Received.Format(DateLayout), File: p.File, SHA256: p.SHA256, Content: p.Content, Recorded: p.Recorded.UTC().Format(timeLayout)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// ReadExport reads what Export wrote. name is the file's name for errors,
// which say where in the file the problem is.
func ReadExport(r io.Reader, name string) (*Record, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var in exported
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("%s: %w", name, jsonPlace(data, err))
	}
	if in.Version != exportVersion {
		return nil, fmt.Errorf("%s: \"netreview-records\" is %d: this netreview reads version %d exports", name, in.Version, exportVersion)
	}
	rec := &Record{}
	reviewed := map[string]bool{}
	runFindings := make([][]Finding, len(in.Runs))
	for i, er := range in.Runs {
		if _, err := time.Parse(timeLayout, er.Recorded); err != nil {
			return nil, fmt.Errorf("%s: runs[%d].recorded: %q is not an RFC 3339 time", name, i, er.Recorded)
		}
		for j, raw := range er.Findings {
			f, err := parseFinding(raw)
			if err != nil {
				return nil, fmt.Errorf("%s: runs[%d].findings[%d]: %w", name, i, j, err)
			}
			runFindings[i] = append(runFindings[i], f)
		}
	}
	for i, er := range in.Reviews {
		where := fmt.Sprintf("%s: reviews[%d]", name, i)
		r := Review{ORI: er.ORI, Name: er.Name, County: er.County, Pack: er.Pack}
		if er.Run < 0 || er.Run >= len(in.Runs) {
			return nil, fmt.Errorf("%s.run: %d is not one of the %d runs", where, er.Run, len(in.Runs))
		}
		if inputs := in.Runs[er.Run].Inputs; len(inputs) > 0 {
			r.Inputs = inputs // shared by the run's reviews, as Load shares them
		}
		if err := checkORI(er.ORI, nil); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		if r.Date, err = ParseDate(er.Date); err != nil {
			return nil, fmt.Errorf("%s.date: %w", where, err)
		}
		if r.Recorded, err = time.Parse(timeLayout, er.Recorded); err != nil {
			return nil, fmt.Errorf("%s.recorded: %q is not an RFC 3339 time", where, er.Recorded)
		}
		for j, idx := range er.Findings {
			if idx < 0 || idx >= len(runFindings[er.Run]) {
				return nil, fmt.Errorf("%s.findings[%d]: %d is not one of the run's %d findings", where, j, idx, len(runFindings[er.Run]))
			}
			r.Findings = append(r.Findings, runFindings[er.Run][idx])
		}
		rec.Reviews = append(rec.Reviews, r)
		reviewed[r.ORI] = true
	}
	for i, en := range in.Notices {
		where := fmt.Sprintf("%s: notices[%d]", name, i)
		n := Notice{ORI: en.ORI}
		if err := checkORI(en.ORI, reviewed); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		if n.Sent, n.Due, n.Recorded, err = parseTimes(en.Sent, en.Due, en.Recorded); err != nil {
			return nil, fmt.Errorf("%s: a date is not YYYY-MM-DD, or recorded is not an RFC 3339 time", where)
		}
		rec.Notices = append(rec.Notices, n)
	}
	for i, ep := range in.Plans {
		where := fmt.Sprintf("%s: plans[%d]", name, i)
		p := Plan{ORI: ep.ORI, File: ep.File, SHA256: ep.SHA256}
		if len(ep.Content) > 0 {
			p.Content = ep.Content
		}
		if err := checkORI(ep.ORI, reviewed); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		if p.Received, _, p.Recorded, err = parseTimes(ep.Received, ep.Received, ep.Recorded); err != nil {
			return nil, fmt.Errorf("%s: received is not YYYY-MM-DD, or recorded is not an RFC 3339 time", where)
		}
		rec.Plans = append(rec.Plans, p)
	}
	return rec, nil
}

// checkORI checks that a row names its agency and, when reviewed is not
// nil, that the export holds a review of it (the record keeps notices and
// plans of reviewed agencies only).
func checkORI(ori string, reviewed map[string]bool) error {
	if ori == "" {
		return fmt.Errorf("no ori")
	}
	if reviewed != nil && !reviewed[ori] {
		return fmt.Errorf("%w %s: the export holds no review of it", errUnknownAgency, ori)
	}
	return nil
}

// jsonPlace adds the line and column to a JSON decoding error.
func jsonPlace(data []byte, err error) error {
	var off int64 = -1
	switch e := err.(type) {
	case *json.SyntaxError:
		off = e.Offset
	case *json.UnmarshalTypeError:
		off = e.Offset
	}
	if off < 0 {
		return err
	}
	line, col := 1, 1
	// The offset is just past the byte that is wrong.
	for _, b := range data[:min(max(int(off)-1, 0), len(data))] {
		if b == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return fmt.Errorf("%d:%d: %w", line, col, err)
}

// Import adds rec to an empty record, all or nothing: a record that already
// holds reviews is refused, so that an import never doubles one.
func (d *DB) Import(ctx context.Context, rec *Record) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM agencies").Scan(&n); err != nil {
			return fmt.Errorf("record %s: %w", d.name, describe(err))
		}
		if n > 0 {
			return fmt.Errorf("record %s already holds %d agencies: import into a new record (--db NEW.db), nothing was imported", d.name, n)
		}
		if err := d.insertReviews(ctx, tx, rec.Reviews); err != nil {
			return err
		}
		for _, n := range rec.Notices {
			if err := d.insertNotice(ctx, tx, n); err != nil {
				return err
			}
		}
		for _, p := range rec.Plans {
			if err := d.insertPlan(ctx, tx, p); err != nil {
				return err
			}
		}
		return nil
	})
}
