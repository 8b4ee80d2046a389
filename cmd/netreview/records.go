package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/records"
	"github.com/netreview/netreview/report"
)

// recordFlags are the flags of the commands that read or write the record.
type recordFlags struct {
	db string
}

func (f *recordFlags) register(cmd *cobra.Command, persistent bool) {
	fl := cmd.Flags()
	if persistent {
		fl = cmd.PersistentFlags()
	}
	fl.StringVar(&f.db, "db", "", "the record: an SQLite `FILE` or a postgres:// URL (default $NETREVIEW_DB, else "+records.DefaultPath+")")
	completeFiles(cmd, "db", "db", "sqlite")
}

// dsn is the record named by --db, else $NETREVIEW_DB, else netreview.db.
func (f *recordFlags) dsn() string {
	if f.db != "" {
		return f.db
	}
	if env := os.Getenv("NETREVIEW_DB"); env != "" {
		return env
	}
	return records.DefaultPath
}

// open opens the record; create is for the commands that add to it. Any
// failure ends the command with status 2.
func (f *recordFlags) open(cmd *cobra.Command, create bool) (*records.DB, error) {
	db, err := records.Open(cmd.Context(), f.dsn(), records.Options{Create: create})
	if err != nil {
		return nil, &exitError{code: exitInput, err: err}
	}
	return db, nil
}

// update opens the record, runs fn on it and closes it; an error from fn
// ends the command with status 2.
func (f *recordFlags) update(cmd *cobra.Command, create bool, fn func(*records.DB) error) error {
	db, err := f.open(cmd, create)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := fn(db); err != nil {
		return inputError(err)
	}
	return nil
}

// load opens the record and reads it, then closes it.
func (f *recordFlags) load(cmd *cobra.Command, opt records.LoadOptions) (*records.Record, error) {
	db, err := f.open(cmd, false)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rec, err := db.Load(cmd.Context(), opt)
	if err != nil {
		return nil, &exitError{code: exitInput, err: err}
	}
	return rec, nil
}

// inputError ends a command with status 2.
func inputError(err error) error { return &exitError{code: exitInput, err: err} }

// flagDate parses a date flag; "" gives today.
func flagDate(name, value string) (time.Time, error) {
	if value == "" {
		now := time.Now()
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	d, err := records.ParseDate(value)
	if err != nil {
		return time.Time{}, inputError(fmt.Errorf("--%s: %w", name, err))
	}
	return d, nil
}

// statusFlags are the flags that say how agencies' states are derived.
type statusFlags struct {
	date, threshold string
}

func (f *statusFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.date, "date", "", "the status as of this day, `YYYY-MM-DD` (default today): later reviews, notices and plans are left out")
	fl.StringVar(&f.threshold, "threshold", "high", "an agency meets policy when its latest review has no unwaived finding at or above this `severity`")
	completeValues(cmd, "threshold", severityValues()[:5]...)
	completeNothing(cmd, "date")
}

func (f *statusFlags) options() (records.StatusOptions, error) {
	asOf, err := flagDate("date", f.date)
	if err != nil {
		return records.StatusOptions{}, err
	}
	th, err := analysis.ParseSeverity(f.threshold)
	if err != nil {
		return records.StatusOptions{}, inputError(fmt.Errorf("--threshold: %w", err))
	}
	return records.StatusOptions{AsOf: asOf, Threshold: th}, nil
}

func newRecordsCmd() *cobra.Command {
	var rf recordFlags
	cmd := &cobra.Command{
		Use:   "records",
		Short: "Keep the state's review record: reviews, notices, implementation plans, status",
		Long: `records keeps the review record across the state: each agency's reviews (with
their inputs' content hashes, the date, the rule pack and every finding as
'check --format json' prints it), the notices of non-compliance sent to it
and the implementation plans it sent back.

An agency's state is derived from the record, never typed in:

  compliant      its latest review has no unwaived finding at or above the
                 threshold (--threshold, default high)
  under-review   it has, and no notice has gone out since
  notice-sent    a notice went out; its plan is not yet due
  plan-received  the agency sent a plan for the notice
  overdue        the notice's due date passed with no plan

The record is an SQLite file, ` + records.DefaultPath + ` in the current folder, or the file
or postgres:// URL that --db or $NETREVIEW_DB names (a team shares one
PostgreSQL record). It is created by the first 'records add', migrated to
this netreview's schema when opened, and safe for two reviewers at once.
A record written by a newer netreview is refused and left as it is.

Exit status: 0 when done; 2 when an input, a date, an ORI or the record is
wrong (nothing is written then).`,
		Example: `  # Review Riverbend with the state's backbone and record it
  netreview records add --date 2026-10-01 samples/backbone.yaml samples/riverbend-pd.yaml

  # A notice went out; then the agency's plan came in
  netreview records notice CA0420100 --sent 2026-10-05 --due 2026-11-05
  netreview records plan CA0420100 --received 2026-10-28 --file riverbend-plan.pdf

  # Where every agency stands, and one agency over time
  netreview records status
  netreview records history CA0420100

  # A shared record on the team's PostgreSQL server
  export NETREVIEW_DB=postgres://reviewer@db.cjis.example/netreview
  netreview records status --format json`,
	}
	rf.register(cmd, true)
	cmd.AddCommand(newRecordsAddCmd(&rf), newRecordsStatusCmd(&rf), newRecordsNoticeCmd(&rf), newRecordsPlanCmd(&rf),
		newRecordsHistoryCmd(&rf), newRecordsExportCmd(&rf), newRecordsImportCmd(&rf))
	return cmd
}

func newRecordsAddCmd(rf *recordFlags) *cobra.Command {
	var rev reviewFlags
	cmd := &cobra.Command{
		Use:   "add [flags] FILE...",
		Short: "Review the proposals and record the review of each agency in them",
		Long: `add loads every FILE together as one model and runs the rules, as check does,
then records one review for each agency under review in FILE...: each file's
agency with an ORI. The CSA's own file (role: csa) is context and is not
recorded; a file whose agency has no ORI is not recorded either, with a
warning. Each review keeps the findings that concern its agency (those
that list its ORI), as 'check --format json' prints them, the date, the
rule pack, and the content hash of every input.

Reviews are recorded all or none. Exit status: 0 when recorded, whatever the
findings; 2 when the input cannot be read or is invalid, or the record cannot
be written (then nothing is recorded).`,
		Example: `  netreview records add samples/backbone.yaml samples/riverbend-pd.yaml
  netreview records add --date 2026-12-01 --db /srv/cjis/netreview.db backbone.yaml agencies/*.yaml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			res, err := rev.review(cmd, args)
			if err != nil {
				return err
			}
			inputs, err := records.HashInputs(args)
			if err != nil {
				return inputError(err)
			}
			reviews, warnings, err := records.FromResult(res, inputs, time.Now())
			for _, w := range warnings {
				fmt.Fprintln(cmd.ErrOrStderr(), "warning:", w)
			}
			if err != nil {
				return inputError(err)
			}
			if err := rf.update(cmd, true, func(db *records.DB) error { return db.AddReviews(cmd.Context(), reviews) }); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			for _, r := range reviews {
				fmt.Fprintf(out, "recorded %s %s, review of %s: %s\n", r.ORI, r.Name, r.Date.Format(records.DateLayout), r.Summary())
			}
			return nil
		},
	}
	rev.register(cmd)
	return cmd
}

func newRecordsStatusCmd(rf *recordFlags) *cobra.Command {
	var sf statusFlags
	var format string
	cmd := &cobra.Command{
		Use:   "status [flags]",
		Short: "One row per agency: last review, open findings by severity, notice, plan, state",
		Long: `status prints one row per agency in the record, the most urgent first
(overdue, longest overdue first; then notice-sent, plan-received,
under-review, compliant): its last review, its open (unwaived) findings by
severity, the notice's due date, the plan's date, and its state with the day
it began.

--format json prints {"agencies": [{"ori", "name", "county", "state",
"last_review", "open": {"critical", "high", "medium", "low", "info"},
"notice_due", "plan_received"}]}, a date that does not apply being null.`,
		Example: `  netreview records status
  netreview records status --date 2027-01-31 --format markdown > status.md
  netreview records status --format json | jq '.agencies[] | select(.state == "overdue")'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opt, err := sf.options()
			if err != nil {
				return err
			}
			var write func(io.Writer, []records.AgencyStatus) error
			switch format {
			case "text":
				write = func(w io.Writer, a []records.AgencyStatus) error { return records.StatusText(w, a, opt) }
			case "json":
				write = records.StatusJSON
			case "markdown", "md":
				write = func(w io.Writer, a []records.AgencyStatus) error { return records.StatusMarkdown(w, a, opt) }
			default:
				return inputError(fmt.Errorf("--format %q: want text, json or markdown", format))
			}
			rec, err := rf.load(cmd, records.LoadOptions{})
			if err != nil {
				return err
			}
			return write(cmd.OutOrStdout(), rec.Status(opt))
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `format`: text, json or markdown")
	completeValues(cmd, "format", "text", "json", "markdown")
	return cmd
}

func newRecordsNoticeCmd(rf *recordFlags) *cobra.Command {
	var sent, due string
	cmd := &cobra.Command{
		Use:   "notice ORI --due DATE [--sent DATE]",
		Short: "Record that a notice of non-compliance went out to an agency",
		Long: `notice records a notice of non-compliance sent to the agency ORI on --sent
(default today), asking for an implementation plan by --due. From the day
after --due, an agency with no plan received is overdue. The agency must
have a recorded review ('netreview report --notice' drafts the letter).`,
		Example: `  netreview records notice CA0420100 --sent 2026-10-05 --due 2026-11-05`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if due == "" {
				return inputError(fmt.Errorf("--due YYYY-MM-DD is required: the date the implementation plan is due"))
			}
			s, err := flagDate("sent", sent)
			if err != nil {
				return err
			}
			d, err := flagDate("due", due)
			if err != nil {
				return err
			}
			if !d.After(s) {
				return inputError(fmt.Errorf("--due %s must be after --sent %s", due, s.Format(records.DateLayout)))
			}
			n := records.Notice{ORI: args[0], Sent: s, Due: d, Recorded: time.Now()}
			if err := rf.update(cmd, false, func(db *records.DB) error { return db.AddNotice(cmd.Context(), n) }); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "recorded a notice to %s sent %s, plan due %s\n", args[0], s.Format(records.DateLayout), d.Format(records.DateLayout))
			return nil
		},
	}
	cmd.Flags().StringVar(&sent, "sent", "", "the day the notice went out, `YYYY-MM-DD` (default today)")
	cmd.Flags().StringVar(&due, "due", "", "the day the implementation plan is due, `YYYY-MM-DD`")
	completeNothing(cmd, "sent", "due")
	return cmd
}

func newRecordsPlanCmd(rf *recordFlags) *cobra.Command {
	var received, file string
	cmd := &cobra.Command{
		Use:   "plan ORI [--received DATE] [--file PLAN]",
		Short: "Record that an implementation plan came in from an agency",
		Long: `plan records an implementation plan received from the agency ORI on
--received (default today). With --file, the plan's file (a PDF, a letter, a
workbook) is kept in the record with its content hash, and comes back out
with 'records export'. The agency must have a recorded review.`,
		Example: `  netreview records plan CA0420100 --received 2026-10-28 --file riverbend-plan.pdf`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := flagDate("received", received)
			if err != nil {
				return err
			}
			p := records.Plan{ORI: args[0], Received: r, Recorded: time.Now()}
			if file != "" {
				b, err := os.ReadFile(file)
				if err != nil {
					return inputError(fmt.Errorf("--file: %w", err))
				}
				p.File, p.Content, p.SHA256 = filepath.Base(file), b, records.HashBytes(b)
			}
			if err := rf.update(cmd, false, func(db *records.DB) error { return db.AddPlan(cmd.Context(), p) }); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "recorded a plan from %s received %s\n", args[0], r.Format(records.DateLayout))
			return nil
		},
	}
	cmd.Flags().StringVar(&received, "received", "", "the day the plan came in, `YYYY-MM-DD` (default today)")
	cmd.Flags().StringVar(&file, "file", "", "keep the plan's `FILE` in the record")
	completeNothing(cmd, "received")
	_ = cmd.RegisterFlagCompletionFunc("file", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveDefault // any file
	})
	return cmd
}

func newRecordsHistoryCmd(rf *recordFlags) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "history ORI",
		Short: "The agency's reviews over time: findings introduced, resolved, waived between them",
		Long: `history prints the agency's reviews in date order, each with the findings it
introduced, resolved, waived and reopened (a waiver lapsed) against the
review before it, matched by (rule, subject) as diff matches them, and the
notices and plans between them. --format json gives each finding as
'check --format json' printed it.`,
		Example: `  netreview records history CA0450600
  netreview records history --format json CA0450600`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var write func(io.Writer, *records.History) error
			switch format {
			case "text":
				write = records.HistoryText
			case "json":
				write = records.HistoryJSON
			default:
				return inputError(fmt.Errorf("--format %q: want text or json", format))
			}
			rec, err := rf.load(cmd, records.LoadOptions{Full: format == "json", ORI: args[0]})
			if err != nil {
				return err
			}
			h, err := rec.History(args[0])
			if err != nil {
				return inputError(err)
			}
			return write(cmd.OutOrStdout(), h)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `format`: text or json")
	completeValues(cmd, "format", "text", "json")
	return cmd
}

func newRecordsExportCmd(rf *recordFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "export FILE.json",
		Short: "Write the whole record as JSON (- for standard output)",
		Long: `export writes the whole record as one JSON document: every review with its
inputs and its findings as 'check --format json' printed them, every notice,
every plan with its file. 'records import' reads it back, into a new record
(moving from an SQLite file to a team's PostgreSQL server, or keeping a copy).`,
		Example: `  netreview records export record-2026-12-31.json
  netreview records export --db postgres://reviewer@db.cjis.example/netreview - | gzip > backup.json.gz`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rec, err := rf.load(cmd, records.LoadOptions{Full: true})
			if err != nil {
				return err
			}
			if args[0] == "-" {
				return records.Export(cmd.OutOrStdout(), rec)
			}
			if err := writeFileAtomic(args[0], func(w io.Writer) error { return records.Export(w, rec) }); err != nil {
				return inputError(err)
			}
			return nil
		},
	}
}

func newRecordsImportCmd(rf *recordFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.json",
		Short: "Read a record that export wrote into a new, empty record",
		Long: `import reads what 'records export' wrote into the record --db names, which
must hold no agency yet (so that nothing is recorded twice). It is all or
nothing: an error anywhere in FILE imports nothing.`,
		Example: `  netreview records import --db postgres://reviewer@db.cjis.example/netreview record.json`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return inputError(err)
			}
			defer f.Close()
			rec, err := records.ReadExport(f, args[0])
			if err != nil {
				return inputError(err)
			}
			var name string
			err = rf.update(cmd, true, func(db *records.DB) error {
				name = db.Name()
				return db.Import(cmd.Context(), rec)
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "imported %d reviews, %d notices and %d plans into %s\n", len(rec.Reviews), len(rec.Notices), len(rec.Plans), name)
			return nil
		},
	}
}

// writeStatusReport writes the committee's status report from the record;
// OUT's extension picks the form.
func writeStatusReport(cmd *cobra.Command, rf *recordFlags, sf *statusFlags, out string, notice bool) error {
	if notice {
		return inputError(fmt.Errorf("--status and --notice: the status report is for the committee, the notice for one agency; give one"))
	}
	var write func(io.Writer, *records.Committee) error
	switch ext := strings.ToLower(filepath.Ext(out)); ext {
	case ".xlsx":
		write = report.StatusWorkbook
	case ".html", ".htm":
		write = report.StatusHTML
	case ".md", ".markdown":
		write = report.StatusMarkdown
	case ".pptx", ".pdf":
		write = statusDeck(cmd.Context(), ext == ".pdf")
	default:
		return inputError(fmt.Errorf("-o %s: unknown status report form %q: want .xlsx, .html, .md, .pptx or .pdf", out, ext))
	}
	opt, err := sf.options()
	if err != nil {
		return err
	}
	rec, err := rf.load(cmd, records.LoadOptions{})
	if err != nil {
		return err
	}
	c := rec.Committee(opt)
	if err := writeFileAtomic(out, func(w io.Writer) error { return write(w, c) }); err != nil {
		return inputError(err)
	}
	return nil
}
