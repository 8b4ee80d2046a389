// Package analysis holds the rules that netreview checks a proposal against
// and the computations they share.
//
// A Rule is a value with an id, a default severity, its documentation and
// policy citations, the passes it requires, and a run function that reports
// findings through its pass, in the manner of golang.org/x/tools/go/analysis.
// Run applies a rule pack's rules to a validated model.
//
// # Passes
//
// What several rules share is computed by a pass (an unexported
// computation value): the CJI graph (graphsPass), its blocks (blocksPass),
// the exposure search (exposurePass), the boundary reach (reachPass), the
// block-cut tree rooted at the state hubs (hubTreePass), the redundancy
// sites (sitesPass), their single points of failure (siteCutsPass), the
// shared-risk cuts (riskCutsPass) and each site's redundancy
// (redundancyPass). A pass has a name, a doc, the passes it requires and a
// run function; it runs at most once per Run, after those it requires, and
// only when a rule that runs requires it (Result.Redundancy requires
// redundancyPass). Each pass reports its name to Config.Progress before it
// runs. A rule or pass reads a result with resultOf(pass, exposurePass),
// typed by the pass, and may read only the passes it lists in requires.
// The graph algorithms themselves live in analysis/internal/graph.
//
// # Adding a rule
//
// Write rule_NAME.go with the Rule value (id, severity, summary, doc, fix,
// example, policy citations, requires, run) and its run function, which
// reads pass.Model and the results of the passes it requires and calls
// pass.Report; add the rule to Rules in the order of the findings contract
// and to both packs (packs/*.yaml); write its table tests beside it; and
// regenerate docs/rules.md from the rules with
// go test ./analysis -run TestRulesDoc -update. A rule that reads only the
// model requires nothing; one that reads a graph fact lists the pass that
// computes it (requires: []passDef{exposurePass}).
//
// # Adding a pass
//
// Declare a computation[T] value beside the code it runs, with a name (a
// Progress step), a doc, the passes it requires and a run function that
// reads them with resultOf and returns its result; list it in the requires
// of the rules that read it.
package analysis

import (
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/netreview/netreview/internal/parallel"
	"github.com/netreview/netreview/topology"
)

// Rule is one check.
type Rule struct {
	// ID is the rule's stable id, as the findings contract names it.
	ID string
	// Severity is the default severity; a pack may change it.
	Severity Severity
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
	Policy   []string
	run      func(pass *rulePass) error // reports the findings on pass.Model through pass.Report
	requires []passDef                  // the passes whose results run reads
	// long says that the rule asks something of every element of the
	// model, so that it takes longer than the others: of the rules ready
	// to run at once it is started first, and does not run alone at the
	// end (see taskGraph).
	long bool
}

// rulePass is what a rule sees while it runs: the model, the results of the
// passes it requires, the settings in force, and a way to report findings.
type rulePass struct {
	Model *topology.Model
	Rule  *Rule
	// Config is the rule's settings in the pack in force.
	Config RuleConfig
	// Pack is the pack in force.
	Pack *Pack
	// Date is the day the review is made as of.
	Date time.Time

	in     inputs
	refs   []string // Config.refs(), shared by the rule's findings
	report func(Finding)
	asked  []ruleOn // what enabled has answered, for the next time
}

// ruleOn is whether a rule is enabled in the pack in force.
type ruleOn struct {
	r  *Rule
	on bool
}

func (p *rulePass) inputs() *inputs { return &p.in }

// Report records a finding. The rule sets Subject, Kind, Message, Pos and,
// where it has them, Path and Sites; Report fills in the rule id, the
// severity and citations of the pack in force (one slice for all the
// rule's findings), and At from Pos.
func (p *rulePass) Report(f Finding) {
	f.Rule = p.Rule.ID
	f.Severity = p.Config.Severity
	if p.refs == nil {
		p.refs = p.Config.refs()
	}
	f.Policy = p.refs
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
	// Progress, when not nil, is called as the analysis goes: with each
	// pass's name (such as "cji-graph" or "site-cuts") before the pass runs,
	// and with each enabled rule's id before the rule runs; done counts the
	// steps already finished of total. The passes and rules run side by side
	// (up to GOMAXPROCS at once), but the steps are reported in the same
	// order whatever order they start in, each once it and those before it
	// have started; Progress may be called from another goroutine than
	// Run's, never from two at once.
	Progress func(step string, done, total int)
}

// Result is what Run found.
type Result struct {
	Model    *topology.Model
	Pack     *Pack
	Date     time.Time
	Findings []Finding // by severity (most severe first), rule, subject
	// Redundancy is each site's redundancy to the state hubs, by site id;
	// empty when the model has no state hub.
	Redundancy []SiteRedundancy
	// Warnings are problems that are not findings, such as a waiver that
	// matches no finding.
	Warnings []string
}

// Run runs every enabled rule of cfg.Pack over a validated model, applies the
// model's waivers, and returns the findings in contract order. The passes
// that do not require one another, and the rules, run concurrently, each
// rule collecting its own findings; the result is the same as one at a time.
func Run(m *topology.Model, cfg Config) (*Result, error) {
	pack := cfg.Pack
	if pack == nil {
		pack = defaultPack(allRules())
	}
	date := cfg.Date
	if date.IsZero() {
		date = time.Now()
	}
	date = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	var enabled []*Rule
	for _, r := range allRules() {
		if rc, ok := pack.Rules[r.ID]; ok && rc.Enabled {
			enabled = append(enabled, r)
		}
	}
	order := steps(enabled)
	prog := &progressInOrder{report: cfg.Progress, order: order, started: make(map[string]bool, len(order))}
	s := newSession(m, prog.start)
	res := &Result{Model: m, Pack: pack, Date: date}
	found := make([]findingList, len(enabled))
	errs := make([]error, len(enabled))
	waivers := waiverDocs(m)
	// Asked by the first rule to end, while the others run.
	named := sync.OnceValue(func() bool { return namesAgencies(m) })
	runRule := func(k int) {
		r := enabled[k]
		for _, c := range r.requires {
			s.result(c)
		}
		prog.start(r.ID)
		pass := &rulePass{
			Model: m, Rule: r, Config: pack.Rules[r.ID], Pack: pack, Date: date,
			in:     inputs{Model: m, s: s, owner: "rule " + r.ID, declared: r.requires},
			report: found[k].add,
		}
		found[k].beginRule(r.ID, pass.Config.Severity)
		errs[k] = r.run(pass)
		found[k].endRule()
		// Agencies are each finding's own: given here, as each rule ends,
		// they are found side by side with the other rules' work. A model
		// no document of which names an agency (the state's own, in one
		// document) leaves every finding's nil, without a look-up.
		if named() {
			a := agencySetter{m: m, waivers: waivers}
			for _, c := range found[k].chunks {
				a.set(c)
			}
		}
	}
	parallel.RunGraph(taskGraph(enabled, s, runRule))
	for k, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("rule %s: %w", enabled[k].ID, err)
		}
	}
	res.Redundancy = s.result(redundancyPass).([]SiteRedundancy)
	// Waivers, like agencies, are each finding's own, whatever the order.
	lists := make([]*findingList, len(found))
	for k := range found {
		lists[k] = &found[k]
	}
	res.Findings = sortedFindings(lists...)
	res.Warnings = applyWaivers(m, res.Findings, date)
	return res, nil
}

// Rules returns a copy of every rule netreview knows, in the order of the
// findings contract: changing one changes no review.
func Rules() []*Rule {
	all := allRules()
	for i, r := range all {
		all[i] = r.clone()
	}
	return all
}

// clone is a copy of r that shares none of its lists.
func (r *Rule) clone() *Rule {
	c := *r
	c.Policy = slices.Clone(r.Policy)
	return &c
}

// allRules returns the rules themselves, in the order of the findings
// contract.
func allRules() []*Rule {
	return []*Rule{
		unencryptedExit,
		weakEncryption,
		fips1402Sunset,
		missingBoundary,
		sharedDevice,
		sharedHypervisor,
		noPathToHub,
		singleDevice,
		singleLink,
		sharedRisk,
		advancedAuthentication,
		weakWireless,
		passwordPolicy,
		noMonitoring,
		unpatched,
		splitTunnel,
		mobileManagement,
		cloudAgreement,
		unanswered,
		expiredWaiver,
	}
}

// lookup returns the rule with the id, or nil.
func lookup(id string) *Rule {
	for _, r := range allRules() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
