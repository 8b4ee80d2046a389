package analysis

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/load"
)

// TestBuiltinPacksNameEveryRule checks that every built-in pack states every
// rule, and nothing else, and that each citation is complete.
func TestBuiltinPacksNameEveryRule(t *testing.T) {
	names := BuiltinPackNames()
	if !slices.Equal(names, []string{"cjis-5.9", "cjis-6.0"}) {
		t.Fatalf("BuiltinPackNames() = %v, want [cjis-5.9 cjis-6.0]", names)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			p, err := BuiltinPack(name)
			if err != nil {
				t.Fatal(err)
			}
			if p.Name != name || p.Title == "" || p.Extends != "" {
				t.Errorf("name %q, title %q, extends %q: want name %q, a title, no extends", p.Name, p.Title, p.Extends, name)
			}
			if want := strings.TrimPrefix(name, "cjis-"); p.Policy != want {
				t.Errorf("policy %q, want %q", p.Policy, want)
			}
			for _, r := range Rules() {
				if _, ok := p.Rules[r.ID]; !ok {
					t.Errorf("rule %s is missing", r.ID)
				}
			}
			for id, rc := range p.Rules {
				if lookup(id) == nil {
					t.Errorf("unknown rule %s", id)
				}
				for i, c := range rc.Citations {
					if c.Ref == "" || c.Title == "" || c.Summary == "" {
						t.Errorf("%s citation %d is incomplete: %+v", id, i, c)
					}
				}
			}
		})
	}
}

// TestDefaultPackIsTheRuleDefaults checks that the default pack runs every
// rule with the severity and citations the rule itself declares, which are
// the findings contract's.
func TestDefaultPackIsTheRuleDefaults(t *testing.T) {
	p, err := BuiltinPack(DefaultPackName)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules() {
		rc := p.Rules[r.ID]
		if !rc.Enabled {
			t.Errorf("%s is disabled in %s", r.ID, DefaultPackName)
		}
		if rc.Severity != r.Severity {
			t.Errorf("%s: severity %v in %s, the rule's default is %v", r.ID, rc.Severity, DefaultPackName, r.Severity)
		}
		if got := rc.refs(); !slices.Equal(got, r.Policy) && len(got)+len(r.Policy) > 0 {
			t.Errorf("%s: %s cites %q, the rule's Policy is %q", r.ID, DefaultPackName, got, r.Policy)
		}
	}
}

// TestPackVersionsDiffer pins down how cjis-5.9 differs from cjis-6.0 in
// data: fips-140-2-sunset does not run under 5.9, every rule keeps its
// severity, and 5.9 cites the v5.9.x sections only where there is one.
func TestPackVersionsDiffer(t *testing.T) {
	v60, err := BuiltinPack("cjis-6.0")
	if err != nil {
		t.Fatal(err)
	}
	v59, err := BuiltinPack("cjis-5.9")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules() {
		a, b := v60.Rules[r.ID], v59.Rules[r.ID]
		if a.Severity != b.Severity {
			t.Errorf("%s: severity %v under 6.0, %v under 5.9", r.ID, a.Severity, b.Severity)
		}
		if wantOn := r.ID != "fips-140-2-sunset"; b.Enabled != wantOn {
			t.Errorf("%s: enabled under 5.9 = %v, want %v", r.ID, b.Enabled, wantOn)
		}
		isCJIS := func(ref string) bool { return strings.HasPrefix(ref, "CJIS Security Policy 5.") }
		switch {
		case slices.ContainsFunc(a.refs(), isCJIS):
			if !slices.ContainsFunc(b.refs(), isCJIS) || slices.IndexFunc(b.refs(), func(s string) bool { return !isCJIS(s) }) >= 0 {
				t.Errorf("%s: 5.9 cites %q; want the v5.9.x sections only", r.ID, b.refs())
			}
		case !slices.Equal(a.refs(), b.refs()):
			t.Errorf("%s has no v5.9.x section: 5.9 cites %q, want what 6.0 cites, %q", r.ID, b.refs(), a.refs())
		}
		if len(a.Citations) > 0 && len(b.Citations) == 0 {
			t.Errorf("%s: cites nothing under 5.9", r.ID)
		}
	}
}

// TestBuiltinPackIsACopy checks that changing a returned pack does not change
// the next one.
func TestBuiltinPackIsACopy(t *testing.T) {
	p, err := BuiltinPack(DefaultPackName)
	if err != nil {
		t.Fatal(err)
	}
	rc := p.Rules["single-link"]
	rc.Enabled = false
	rc.Citations[0].Ref = "changed"
	p.Rules["single-link"] = rc
	q, err := BuiltinPack(DefaultPackName)
	if err != nil {
		t.Fatal(err)
	}
	if rc := q.Rules["single-link"]; !rc.Enabled || rc.Citations[0].Ref == "changed" {
		t.Errorf("a change to one BuiltinPack result shows in the next: %+v", rc)
	}
}

func TestBuiltinPackUnknown(t *testing.T) {
	_, err := BuiltinPack("cjis-6")
	want := `unknown policy pack "cjis-6" (did you mean "cjis-6.0"?); built in: cjis-5.9, cjis-6.0`
	if err == nil || err.Error() != want {
		t.Errorf("BuiltinPack(cjis-6) error = %v, want %s", err, want)
	}
}

// TestBadPacks checks that each bad pack in testdata/packs is refused with
// every problem at its place.
func TestBadPacks(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"bad-extends.yaml", []string{
			`2:10: extends: unknown policy pack "cjis-6.1" (did you mean "cjis-6.0"?); built in: cjis-5.9, cjis-6.0`,
			`3:9: policy is "7.0", want 5.9 or 6.0`,
		}},
		{"bad-severity.yaml", []string{
			`5:15: unknown severity "severe" (want critical, high, medium, low or info)`,
			`7:15: severity is a list, want a string`,
		}},
		{"builtin-name.yaml", []string{
			`1:7: name "cjis-6.0" is a built-in pack's; give the state's pack a name of its own (and extends: cjis-6.0 to start from it)`,
			`3:9: policy "6.0" differs from that of cjis-5.9, which it extends ("5.9"); leave policy out`,
		}},
		{"duplicate.yaml", []string{
			`6:5: severity is given twice in rule single-link (first at testdata/packs/duplicate.yaml:5:5)`,
			`7:3: rule single-link is given twice (first at testdata/packs/duplicate.yaml:4:3)`,
		}},
		{"empty.yaml", []string{
			`1:1: empty rule pack: want a mapping with name, extends or policy, and rules`,
		}},
		{"missing-name.yaml", []string{
			`1:1: the rule pack has no name`,
		}},
		{"not-a-mapping.yaml", []string{
			`1:1: the rule pack is a list, want a mapping`,
		}},
		{"standalone-incomplete.yaml", []string{
			`1:1: the rule pack has neither extends (a built-in pack: cjis-5.9, cjis-6.0) nor policy (5.9 or 6.0)`,
			`3:3: rule unencrypted-exit gives no severity (a pack that extends none states each rule's severity)`,
			`5:3: rule single-link gives no severity`,
		}},
		{"syntax.yaml", []string{
			`6:4: syntax error: value is not allowed in this context`,
		}},
		{"unknown-field.yaml", []string{
			`3:1: unknown field "polcy" in the rule pack (did you mean "policy"?)`,
			`6:5: unknown field "severty" in rule single-link (did you mean "severity"?)`,
			`9:9: unknown field "titel" in rule single-link add-citations[0] (did you mean "title"?)`,
		}},
		{"unknown-rule.yaml", []string{
			`4:3: unknown rule "single-lnk" (did you mean "single-link"?)`,
			`6:3: unknown rule "no-such-rule"`,
		}},
		{"wrong-types.yaml", []string{
			`1:7: name is a list, want a string`,
			`5:14: enabled is "yes please", want true or false`,
			`6:16: rule single-link citations is "State IT Policy 4.2", want a list of citations (ref, title, summary)`,
			`9:9: rule shared-risk add-citations[0] has no ref (the reference findings print, such as "CJIS Security Policy 5.10.1.1")`,
			`10:19: rule no-path-to-hub is "high", want a mapping`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.ToSlash(filepath.Join("testdata", "packs", tt.file))
			p, err := ReadPackFile(path)
			if err == nil {
				t.Fatalf("ReadPackFile(%s) = %+v, want an error", path, p)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, path+":"+w)
			}
			if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, want) {
				t.Errorf("errors:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}

func TestReadPackFileMissing(t *testing.T) {
	_, err := ReadPackFile(filepath.Join("testdata", "packs", "no-such-pack.yaml"))
	if err == nil || !strings.Contains(err.Error(), "no-such-pack.yaml") {
		t.Errorf("error = %v, want one that names the file", err)
	}
}

// TestParsePack checks what good packs decode to.
func TestParsePack(t *testing.T) {
	tests := []struct {
		name, src string
		check     func(t *testing.T, p *Pack)
	}{
		{
			name: "extends with nothing else keeps the base",
			src:  "name: s\nextends: cjis-5.9\n",
			check: func(t *testing.T, p *Pack) {
				base, _ := BuiltinPack("cjis-5.9")
				if p.Policy != "5.9" || p.Extends != "cjis-5.9" || len(p.Rules) != len(base.Rules) {
					t.Errorf("policy %q extends %q, %d rules", p.Policy, p.Extends, len(p.Rules))
				}
				if p.Rules["fips-140-2-sunset"].Enabled {
					t.Error("fips-140-2-sunset runs; cjis-5.9 disables it")
				}
			},
		},
		{
			name: "null rules with extends",
			src:  "name: s\nextends: cjis-6.0\nrules:\n",
			check: func(t *testing.T, p *Pack) {
				if len(p.Rules) != len(Rules()) {
					t.Errorf("%d rules, want %d", len(p.Rules), len(Rules()))
				}
			},
		},
		{
			name: "an override changes only what it states",
			src: `name: s
extends: cjis-6.0
rules:
  single-link: {severity: HIGH}
  unanswered: {enabled: false}
  shared-risk:
  weak-wireless:
    citations: [{ref: State W-1}]
  no-monitoring:
    add-citations: [{ref: State M-1, title: Monitoring, summary: Logs go to the state.}]
`,
			check: func(t *testing.T, p *Pack) {
				base, _ := BuiltinPack("cjis-6.0")
				if rc := p.Rules["single-link"]; rc.Severity != High || !rc.Enabled || !slices.Equal(rc.refs(), base.Rules["single-link"].refs()) {
					t.Errorf("single-link = %+v", rc)
				}
				if rc := p.Rules["unanswered"]; rc.Enabled || rc.Severity != Info {
					t.Errorf("unanswered = %+v", rc)
				}
				if rc := p.Rules["shared-risk"]; !rc.Enabled || rc.Severity != Medium || len(rc.Citations) != 1 {
					t.Errorf("shared-risk = %+v", rc)
				}
				if got := p.Rules["weak-wireless"].refs(); !slices.Equal(got, []string{"State W-1"}) {
					t.Errorf("weak-wireless cites %q", got)
				}
				want := append(base.Rules["no-monitoring"].refs(), "State M-1")
				if got := p.Rules["no-monitoring"].refs(); !slices.Equal(got, want) {
					t.Errorf("no-monitoring cites %q, want %q", got, want)
				}
				if got := base.Rules["no-monitoring"].refs(); slices.Contains(got, "State M-1") {
					t.Error("add-citations changed the base pack")
				}
			},
		},
		{
			name: "standalone pack runs only what it lists",
			src: `name: s
title: Two rules
policy: 5.9
rules:
  unencrypted-exit:
    severity: critical
    citations: [{ref: State E-1}]
  single-link:
    enabled: false
    severity: low
`,
			check: func(t *testing.T, p *Pack) {
				if p.Policy != "5.9" || p.Title != "Two rules" || p.Extends != "" || len(p.Rules) != 2 {
					t.Errorf("policy %q title %q extends %q rules %d", p.Policy, p.Title, p.Extends, len(p.Rules))
				}
				if rc := p.Rules["unencrypted-exit"]; !rc.Enabled || rc.Severity != Critical || !slices.Equal(rc.refs(), []string{"State E-1"}) {
					t.Errorf("unencrypted-exit = %+v", rc)
				}
				if rc := p.Rules["single-link"]; rc.Enabled || rc.Severity != Low {
					t.Errorf("single-link = %+v", rc)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parsePack("s.yaml", []byte(tt.src), false)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, p)
		})
	}
}

// TestStateExamplePack checks that samples/packs/state-example.yaml loads
// and changes exactly what it says it changes.
func TestStateExamplePack(t *testing.T) {
	p, err := ReadPackFile(filepath.Join("..", "samples", "packs", "state-example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	base, err := BuiltinPack("cjis-6.0")
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "state-example" || p.Extends != "cjis-6.0" || p.Policy != "6.0" {
		t.Errorf("name %q extends %q policy %q", p.Name, p.Extends, p.Policy)
	}
	net2 := "State CJIS Policy NET-2 (example)"
	want := map[string]RuleConfig{}
	for id, rc := range base.Rules {
		want[id] = rc
	}
	for _, id := range []string{"single-link", "single-device"} {
		rc := want[id]
		rc.Severity = High
		rc.Citations = append(slices.Clone(rc.Citations), Citation{Ref: net2})
		want[id] = rc
	}
	rc := want["unpatched"]
	rc.Enabled = false
	want["unpatched"] = rc
	rc = want["weak-wireless"]
	rc.Citations = []Citation{{Ref: "State CJIS Policy WL-1 (example)"}}
	want["weak-wireless"] = rc
	for _, r := range Rules() {
		got, w := p.Rules[r.ID], want[r.ID]
		if got.Enabled != w.Enabled || got.Severity != w.Severity || !slices.Equal(got.refs(), w.refs()) {
			t.Errorf("%s = {%v %v %q}, want {%v %v %q}", r.ID, got.Enabled, got.Severity, got.refs(), w.Enabled, w.Severity, w.refs())
		}
	}
}

// TestPackDifferencesOnSamples reviews every sample together under both
// packs, as of a day after the FIPS 140-2 sunset, and checks that what
// cjis-6.0 finds and cjis-5.9 does not is exactly what docs/rules.md says:
// the advanced-authentication findings for workstations and mobile devices
// inside physically secure locations, and the fips-140-2-sunset findings.
// cjis-5.9 finds nothing that cjis-6.0 does not.
func TestPackDifferencesOnSamples(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "samples", "*.yaml"))
	if err != nil || len(paths) < 2 {
		t.Fatalf("samples: %v %v", paths, err)
	}
	m, _, err := load.Files(paths)
	if err != nil {
		t.Fatal(err)
	}
	date := time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)
	findings := map[string]map[Key]bool{}
	for _, name := range []string{"cjis-6.0", "cjis-5.9"} {
		p, err := BuiltinPack(name)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(m, Config{Pack: p, Date: date})
		if err != nil {
			t.Fatal(err)
		}
		findings[name] = map[Key]bool{}
		for _, f := range res.Findings {
			findings[name][f.key()] = true
		}
	}
	var want, got, extra []Key
	perRule := map[string]int{}
	for k := range findings["cjis-6.0"] {
		documented := k.Rule == "fips-140-2-sunset"
		if k.Rule == "advanced-authentication" {
			d := m.Device(k.Subject)
			documented = d != nil && (d.Type == topology.Workstation || d.Type == topology.MobileDevice) && m.InSecureLocation(d)
		}
		if documented {
			want = append(want, k)
			perRule[k.Rule]++
		}
		if !findings["cjis-5.9"][k] {
			got = append(got, k)
		}
	}
	for k := range findings["cjis-5.9"] {
		if !findings["cjis-6.0"][k] {
			extra = append(extra, k)
		}
	}
	if perRule["fips-140-2-sunset"] == 0 || perRule["advanced-authentication"] == 0 {
		t.Fatalf("the samples do not exercise both documented differences: %v", perRule)
	}
	cmp := func(a, b Key) int { return strings.Compare(a.Rule+" "+a.Subject, b.Rule+" "+b.Subject) }
	slices.SortFunc(want, cmp)
	slices.SortFunc(got, cmp)
	if !slices.Equal(got, want) {
		t.Errorf("found under cjis-6.0 and not cjis-5.9:\n  %v\ndocumented:\n  %v", got, want)
	}
	if len(extra) > 0 {
		t.Errorf("found under cjis-5.9 and not cjis-6.0: %v", extra)
	}
}

// TestRulesAreCopies: what Rules and FindRule hand out are copies, so that
// a caller that changes one changes neither the next caller's rules nor the
// defaults a review runs with.
func TestRulesAreCopies(t *testing.T) {
	i := slices.IndexFunc(Rules(), func(r *Rule) bool { return len(r.Policy) > 0 })
	if i < 0 {
		t.Fatal("no rule cites a policy")
	}
	id, sev, policy := Rules()[i].ID, Rules()[i].Severity, slices.Clone(Rules()[i].Policy)
	for _, r := range []*Rule{Rules()[i], must(FindRule(id))} {
		r.Severity, r.Policy[0] = r.Severity+1, "changed"
	}
	for _, r := range []*Rule{Rules()[i], must(FindRule(id)), allRules()[i]} {
		if r.Severity != sev || !slices.Equal(r.Policy, policy) {
			t.Errorf("%s after a caller changed it: %v %q, want %v %q", id, r.Severity, r.Policy, sev, policy)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
