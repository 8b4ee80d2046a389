// Package analysis holds the rules that netreview checks a proposal against
// and the graph algorithms they share.
//
// A Rule is a value with an id, a default severity, its documentation and
// policy citations, and a run function that reports findings through a Pass,
// in the manner of golang.org/x/tools/go/analysis. Each rule lives in a file
// of its own, named after it (rule_single_link.go), with its tests beside it.
// Run applies a rule pack's rules to a validated model.
package analysis

import (
	"fmt"
	"time"

	"github.com/netreview/netreview/topology"
)

// Rule is one check.
type Rule struct {
	// ID is the rule's stable id, as the findings contract names it.
	ID string
	// Severity is the default severity; a pack may change it.
	Severity Severity
	// Subject is the kind of thing the rule's findings are about.
	Subject Kind
	// Summary is one line: what fires the rule.
	Summary string
	// Doc explains the rule for `netreview rules RULE`: what it checks, why,
	// and how to fix it.
	Doc string
	// Fix says how to fix what the rule finds, in one or two sentences
	// addressed to the agency, as the notice letter prints it.
	Fix string
	// Example is a short YAML fragment of the proposal format that fires
	// the rule.
	Example string
	// Policy are the default citations, as printed in findings.
	Policy []string
	// Run reports the rule's findings on pass.Model through pass.Report.
	Run func(pass *Pass) error
}

// Pass is what a rule sees while it runs: the model, the graphs built from
// it, the settings in force, and a way to report findings.
type Pass struct {
	Model  *topology.Model
	Graphs *Graphs
	Rule   *Rule
	// Config is the rule's settings in the pack in force.
	Config RuleConfig
	// Pack is the pack in force.
	Pack *Pack
	// Date is the day the review is made as of.
	Date time.Time

	report func(Finding)
}

// Report records a finding. The rule sets Subject, Kind, Message, Pos and,
// where it has them, Path and Sites; Report fills in the rule id, the
// severity and citations of the pack in force, and At from Pos.
func (p *Pass) Report(f Finding) {
	f.Rule = p.Rule.ID
	f.Severity = p.Config.Severity
	f.Policy = p.Config.Refs()
	if f.At == "" {
		f.At = f.Pos.String()
	}
	p.report(f)
}

// Config is how Run runs: the pack, and the date the review is made as of.
type Config struct {
	// Pack picks the rules and their severities and citations; nil means
	// every rule with its defaults.
	Pack *Pack
	// Date is the review date; the zero value means today.
	Date time.Time
	// Progress, when not nil, is called as the analysis goes: with step
	// "graphs" before the graphs are built, then with each enabled rule's id
	// before it runs; done counts the steps already finished of total.
	Progress func(step string, done, total int)
}

// Result is what Run found.
type Result struct {
	Model    *topology.Model
	Graphs   *Graphs
	Pack     *Pack
	Date     time.Time
	Findings []Finding // sorted with SortFindings
	// Redundancy is each site's redundancy to the state hubs, by site id;
	// empty when the model has no state hub.
	Redundancy []SiteRedundancy
	// Warnings are problems that are not findings, such as a waiver that
	// matches no finding.
	Warnings []string
}

// Run runs every enabled rule of cfg.Pack over a validated model, applies the
// model's waivers, and returns the findings in contract order.
func Run(m *topology.Model, cfg Config) (*Result, error) {
	pack := cfg.Pack
	if pack == nil {
		pack = DefaultPack(Rules())
	}
	date := cfg.Date
	if date.IsZero() {
		date = time.Now()
	}
	date = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	var enabled []*Rule
	for _, r := range Rules() {
		if rc, ok := pack.Rules[r.ID]; ok && rc.Enabled {
			enabled = append(enabled, r)
		}
	}
	progress := cfg.Progress
	if progress == nil {
		progress = func(string, int, int) {}
	}
	progress("graphs", 0, len(enabled)+1)
	res := &Result{Model: m, Graphs: NewGraphs(m), Pack: pack, Date: date}
	for i, r := range enabled {
		rc := pack.Rules[r.ID]
		progress(r.ID, i+1, len(enabled)+1)
		pass := &Pass{
			Model: m, Graphs: res.Graphs, Rule: r, Config: rc, Pack: pack, Date: date,
			report: func(f Finding) { res.Findings = append(res.Findings, f) },
		}
		if err := r.Run(pass); err != nil {
			return nil, fmt.Errorf("rule %s: %w", r.ID, err)
		}
	}
	res.Redundancy = res.Graphs.Redundancy()
	res.Warnings = applyWaivers(m, res.Findings, date)
	setAgencies(m, res.Findings)
	SortFindings(res.Findings)
	return res, nil
}

// Rules returns every rule netreview knows, in the order of the findings
// contract.
func Rules() []*Rule {
	return []*Rule{
		UnencryptedExit,
		WeakEncryption,
		FIPS1402Sunset,
		MissingBoundary,
		SharedDevice,
		SharedHypervisor,
		NoPathToHub,
		SingleDevice,
		SingleLink,
		SharedRisk,
		AdvancedAuthentication,
		WeakWireless,
		PasswordPolicy,
		NoMonitoring,
		Unpatched,
		SplitTunnel,
		MobileManagement,
		CloudAgreement,
		Unanswered,
		ExpiredWaiver,
	}
}

// Lookup returns the rule with the id, or nil.
func Lookup(id string) *Rule {
	for _, r := range Rules() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
