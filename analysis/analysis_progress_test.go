package analysis

import (
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/internal/generate"
)

// progressYAML is a small model with a hub, two sites and a carrier.
const progressYAML = `sites: [{id: pd, security: physically-secure}, {id: branch, security: physically-secure}]
devices:
  - {id: ws, type: workstation, site: pd, zone: cji}
  - {id: ws2, type: workstation, site: branch, zone: cji}
links:
  - {id: l, a: hub, b: ws, medium: fiber, carrier: att}
  - {id: l2, a: ws, b: ws2, medium: fiber}
`

// runSteps runs every rule but the disabled ones and returns the Progress
// steps, checking that done counts them and total is their number.
func runSteps(t *testing.T, disabled ...string) []string {
	t.Helper()
	m := attributeModel(t, progressYAML)
	pack := defaultPack(Rules())
	for _, id := range disabled {
		rc := pack.Rules[id]
		rc.Enabled = false
		pack.Rules[id] = rc
	}
	var steps []string
	last, lastTotal := -1, -1
	_, err := Run(m, Config{Pack: pack, Progress: func(step string, done, total int) {
		if done != last+1 || (lastTotal >= 0 && total != lastTotal) {
			t.Errorf("step %s: done %d of %d after %d of %d", step, done, total, last, lastTotal)
		}
		last, lastTotal = done, total
		steps = append(steps, step)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) != lastTotal {
		t.Errorf("%d steps, but total said %d", len(steps), lastTotal)
	}
	return steps
}

// TestRunReportsProgress checks the steps: each pass before the first rule
// that requires it, each enabled rule, and the redundancy last.
func TestRunReportsProgress(t *testing.T) {
	steps := runSteps(t, "shared-risk")
	want := []string{"cji-graph", "cji-blocks", "exposure"}
	for _, r := range Rules() {
		switch r.ID {
		case "shared-risk":
			continue
		case "missing-boundary":
			want = append(want, "boundary-reach")
		case "no-path-to-hub":
			want = append(want, "hub-tree", "redundancy-sites")
		case "single-device":
			want = append(want, "site-cuts")
		}
		want = append(want, r.ID)
	}
	want = append(want, "redundancy")
	if strings.Join(steps, " ") != strings.Join(want, " ") {
		t.Errorf("steps:\n%v\nwant:\n%v", steps, want)
	}
}

// TestPassesRunOnlyWhenRequired checks that a computation runs only when a
// rule that runs needs it: with every redundancy rule off the site cuts are
// not searched, with the encryption rules and unanswered off there is no
// exposure search, and so on.
func TestPassesRunOnlyWhenRequired(t *testing.T) {
	redundancy := []string{"no-path-to-hub", "single-device", "single-link", "shared-risk"}
	exposure := []string{"unencrypted-exit", "weak-encryption", "fips-140-2-sunset", "unanswered"}
	tests := []struct {
		name     string
		disabled []string
		absent   []string
		present  []string
	}{
		{"all rules", nil, nil, []string{"cji-graph", "cji-blocks", "exposure", "boundary-reach", "hub-tree", "redundancy-sites", "site-cuts", "risk-cuts", "redundancy"}},
		{"no redundancy rule", redundancy, []string{"site-cuts", "risk-cuts"}, []string{"exposure", "hub-tree", "redundancy-sites", "redundancy"}},
		{"shared-risk off", []string{"shared-risk"}, []string{"risk-cuts"}, []string{"site-cuts"}},
		{"only shared-risk", []string{"no-path-to-hub", "single-device", "single-link"}, nil, []string{"site-cuts", "risk-cuts"}},
		{"no exposure rule", exposure, []string{"cji-blocks", "exposure"}, []string{"boundary-reach"}},
		{"unanswered alone needs the exposure", exposure[:3], nil, []string{"exposure"}},
		{"no missing-boundary", []string{"missing-boundary"}, []string{"boundary-reach"}, []string{"exposure"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps := runSteps(t, tt.disabled...)
			for _, s := range tt.absent {
				if slices.Contains(steps, s) {
					t.Errorf("pass %s ran: %v", s, steps)
				}
			}
			for _, s := range tt.present {
				if n := strings.Count(" "+strings.Join(steps, " ")+" ", " "+s+" "); n != 1 {
					t.Errorf("pass %s ran %d times, want once: %v", s, n, steps)
				}
			}
		})
	}
}

// TestResultOfUndeclared checks that a rule reading a pass it does not
// require is caught.
func TestResultOfUndeclared(t *testing.T) {
	s := newSession(attributeModel(t, progressYAML), func(string) {})
	p := &rulePass{in: inputs{s: s, owner: "rule test", declared: []passDef{graphsPass}}}
	if g := resultOf(p, graphsPass); g == nil {
		t.Fatal("declared pass gave nil")
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "rule test reads pass exposure without requiring it") {
			t.Errorf("recover() = %v", r)
		}
	}()
	resultOf(p, exposurePass)
}

// TestPassesDocumented checks that every pass a rule or Run needs has a
// name of its own and a doc.
func TestPassesDocumented(t *testing.T) {
	lists := [][]passDef{{redundancyPass}}
	for _, r := range Rules() {
		lists = append(lists, r.requires)
	}
	seen := map[string]bool{}
	for _, c := range closure(lists...) {
		name := c.passName()
		if name == "" || seen[name] || slices.ContainsFunc(Rules(), func(r *Rule) bool { return r.ID == name }) {
			t.Errorf("pass %q: a name must be given, once, and be no rule's id", name)
		}
		seen[name] = true
		if c.passDoc() == "" {
			t.Errorf("pass %s has no doc", name)
		}
	}
	if len(seen) != 9 {
		t.Errorf("%d passes, want the 9 the package doc lists", len(seen))
	}
}

// TestRunConcurrentSame checks that the passes and rules running side by
// side give what they give one at a time: the same findings, in the same
// order, and the same redundancy, on heavy generated models (many
// findings of every structural rule, exposed links whose paths several
// rules ask for), with one worker and with eight; the largest is built
// into graphs in pieces.
func TestRunConcurrentSame(t *testing.T) {
	seeds := int64(4)
	if testing.Short() {
		seeds = 2
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for seed := range seeds + 1 {
		agencies := 60
		if seed >= seeds-1 {
			agencies = 450 // over 4,000 devices and links: the graphs built in pieces
		}
		m := generate.Statewide(generate.Options{Agencies: agencies, Seed: seed, Profile: generate.Heavy()})
		if seed == seeds-1 {
			// Links whose end names no device are left out of the graphs:
			// the pieces leave gaps, closed up in order.
			for i, l := range m.Links {
				if i%97 == 5 {
					l.B = "no-such-device"
				}
			}
		}
		var results [2]*Result
		for i, procs := range []int{1, 8} {
			runtime.GOMAXPROCS(procs)
			res, err := Run(m, Config{Date: time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			results[i] = res
		}
		one, many := results[0], results[1]
		if len(one.Findings) == 0 {
			t.Fatalf("seed %d: no findings", seed)
		}
		if !reflect.DeepEqual(one.Findings, many.Findings) || !reflect.DeepEqual(one.Redundancy, many.Redundancy) || !reflect.DeepEqual(one.Warnings, many.Warnings) {
			t.Errorf("seed %d: the result with 8 workers differs from the one with 1", seed)
		}
	}
}

// TestAgenciesFromTheElements gives the findings of a statewide model their
// agencies from the elements' own documents: the same when the model's
// list of documents holds only the CSA's (a model made by hand), and none
// when no element's document names an agency.
func TestAgenciesFromTheElements(t *testing.T) {
	date := Config{Date: time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)}
	m := generate.Statewide(generate.Options{Agencies: 60, Seed: 1, Profile: generate.Heavy()})
	all, err := Run(m, date)
	if err != nil {
		t.Fatal(err)
	}
	named := 0
	for _, f := range all.Findings {
		if len(f.Agencies) > 0 {
			named++
		}
	}
	if named == 0 {
		t.Fatal("no finding names an agency: the test needs some that do")
	}
	m.Docs = m.Docs[:1]
	if m.Docs[0].Agency.ORI != "" && !m.Docs[0].Agency.IsCSA() {
		t.Fatal("the first document is an agency's: the test needs the CSA's")
	}
	csaOnly, err := Run(m, date)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(all.Findings, csaOnly.Findings) {
		t.Error("with the CSA's document alone in the model's list, the findings' agencies differ")
	}
	csa := m.Docs[0]
	for _, d := range m.Devices {
		d.Doc = csa
	}
	for _, s := range m.Sites {
		s.Doc = csa
	}
	for _, l := range m.Links {
		l.Doc = csa
	}
	for _, x := range m.Tunnels {
		x.Doc = csa
	}
	for _, z := range m.Zones {
		z.Doc = csa
	}
	none, err := Run(m, date)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range none.Findings {
		if f.Agencies != nil {
			t.Fatalf("%s %s: agencies %v in a model of the CSA's document alone", f.Rule, f.Subject, f.Agencies)
		}
	}
}
