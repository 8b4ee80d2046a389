package report

import (
	"bytes"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
)

// statewide is the statewide sample, reviewed as of the sample date.
func statewide(t *testing.T) *analysis.Result {
	t.Helper()
	return sampleResult(t, sampleSets[len(sampleSets)-1]...)
}

// letterTo writes the letter to ori in both forms, with the sample
// letterhead.
func letterTo(t *testing.T, res *analysis.Result, ori string) (md, page string) {
	t.Helper()
	lh, err := ReadLetterhead("../samples/letterhead/office.yaml")
	if err != nil {
		t.Fatal(err)
	}
	opt := NoticeOptions{Due: reviewDue, Agency: ori, Letterhead: lh}
	var m, h bytes.Buffer
	if err := noticeMarkdown(&m, res, opt); err != nil {
		t.Fatal(err)
	}
	if err := noticeHTML(&h, res, opt); err != nil {
		t.Fatal(err)
	}
	return m.String(), h.String()
}

// named returns the ids that ids (made in TestLettersStatewide) finds in s.
func named(ids *regexp.Regexp, s string) []string {
	var out []string
	if ids == nil {
		return nil
	}
	for rest := s; ; {
		m := ids.FindStringSubmatchIndex(rest)
		if m == nil {
			return out
		}
		out = append(out, rest[m[2]:m[3]])
		rest = rest[m[3]:]
	}
}

var letterID = regexp.MustCompile(`\bF(\d+) \(`)

// TestLettersStatewide checks the facts of the letters to the statewide
// sample's agencies: one per agency, the CSA never among them; each names
// its agency and its head, and nothing of another agency (name, ORI, the id
// of a site, zone, device, link or tunnel); it lists only findings that
// concern it; no file path or line; citations in the v6.0 numbering.
func TestLettersStatewide(t *testing.T) {
	res := statewide(t)
	agencies := letterAgencies(res)
	var oris []string
	for _, a := range agencies {
		oris = append(oris, a.ORI)
	}
	if want := []string{"CA0420100", "CA0100000", "CA0380300", "CA027021C"}; !sameSet(oris, want) {
		t.Fatalf("letters go to %v, want %v", oris, want)
	}
	docs := map[string]*topology.Document{}
	var csa *topology.Document
	for _, d := range res.Model.Docs {
		if d.Agency.IsCSA() {
			csa = d
		} else {
			docs[d.Agency.ORI] = d
		}
	}
	if csa == nil {
		t.Fatal("the samples have no CSA file")
	}
	// idsOf matches the id of any element of an agency, as a word of its
	// own: one expression per agency, not one per id.
	idsOf := map[string]*regexp.Regexp{}
	for ori, d := range docs {
		var alts []string
		for _, id := range elementIDs(res.Model, d) {
			alts = append(alts, regexp.QuoteMeta(id))
		}
		if len(alts) == 0 {
			continue
		}
		idsOf[ori] = regexp.MustCompile(`(?:^|[^\w.:-])(` + strings.Join(alts, "|") + `)(?:$|[^\w:-]|\.\W|\.$)`)
	}
	for _, a := range agencies {
		md, page := letterTo(t, res, a.ORI)
		d := docs[a.ORI]
		for form, s := range map[string]string{"md": md, "html": page} {
			for _, want := range []string{d.Agency.Name, d.Agency.Head.Name, "ORI " + a.ORI, "Jordan Avery", "California Department of Justice", fouo} {
				if !strings.Contains(strings.ReplaceAll(s, "&#39;", "'"), want) {
					t.Errorf("%s.%s lacks %q", a.ORI, form, want)
				}
			}
			for _, bad := range []string{csa.Agency.Name, ".yaml", "v5.9.x numbering", "DRAFT"} {
				if strings.Contains(s, bad) {
					t.Errorf("%s.%s holds %q", a.ORI, form, bad)
				}
			}
			if m := regexp.MustCompile(`\w:\d+:\d+`).FindString(s); m != "" {
				t.Errorf("%s.%s holds a place %q", a.ORI, form, m)
			}
			for other, od := range docs {
				if other == a.ORI {
					continue
				}
				for _, bad := range []string{od.Agency.Name, other} {
					if strings.Contains(strings.ReplaceAll(s, "&#39;", "'"), bad) {
						t.Errorf("%s.%s names another agency: %q", a.ORI, form, bad)
					}
				}
				for _, id := range named(idsOf[other], s) {
					t.Errorf("%s.%s names %s of %s", a.ORI, form, id, other)
				}
			}
		}
		for _, m := range letterID.FindAllStringSubmatch(md, -1) {
			var n int
			for _, c := range m[1] {
				n = n*10 + int(c-'0')
			}
			if f := res.Findings[n-1]; !slices.Contains(f.Agencies, a.ORI) || f.Waived {
				t.Errorf("%s lists F%d (%s %s), which does not concern it", a.ORI, n, f.Rule, f.Subject)
			}
		}
	}
}

// TestLetterStateElements checks the rule for the state's single points
// of failure: Riverbend is not asked to fix the state's router; its letter
// says the sites' path runs through it and what the agency can do.
func TestLetterStateElements(t *testing.T) {
	md, _ := letterTo(t, statewide(t), "CA0420100")
	for _, want := range []string{
		"the state's router sac-core", "the state's link bb-sac-mpls",
		"the state maintains them, and does not ask the agency to change them",
		"a tunnel to the other state hub \\(hub-sac or hub-dr\\)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Riverbend's letter lacks %q", want)
		}
	}
	// A carrier the agency's own circuits use is its risk too, not the
	// state's alone: an item to correct, before the state's section.
	tcrc, _ := letterTo(t, statewide(t), "CA027021C")
	risk, state := strings.Index(tcrc, "carrier:att"), strings.Index(tcrc, "## Paths through the state's network")
	if risk < 0 || state < 0 || risk > state {
		t.Fatalf("Tri-County's letter: carrier:att at %d, the state's network at %d", risk, state)
	}
	if !strings.Contains(tcrc[state:], "\n### ") || strings.Contains(tcrc[state:], "\n## 6.") {
		t.Errorf("the state's items are not under their section's heading")
	}
	// One item for the annex's chain, its six findings under it.
	if !strings.Contains(md, "Site rpd-annex hangs on one path to the state network") {
		t.Error("Riverbend's letter does not group the annex's single points of failure")
	}
}

// TestComplianceLetter checks that an agency with nothing of its own to
// correct gets a letter of compliance, with no plan asked for, and that a
// single point of failure of the state's network alone does not make it
// non-compliant.
func TestComplianceLetter(t *testing.T) {
	res := statewide(t)
	const ori = "CA0380300"
	// Keep of Bayview's findings only those whose subject is the state's.
	res.Findings = slices.DeleteFunc(res.Findings, func(f analysis.Finding) bool {
		return slices.Contains(f.Agencies, ori) && !stateOwned(res.Model, f.At)
	})
	res.Findings = append(res.Findings, analysis.Finding{Rule: "single-device", Severity: analysis.Medium, Subject: "sac-core", Kind: analysis.KindDevice,
		Message: "With device sac-core down, site bvpd-hq loses every path to a state hub.", Sites: []string{"bvpd-hq"}, Agencies: []string{ori}, At: res.Model.Device("sac-core").Pos.String()})
	for _, a := range letterAgencies(res) {
		if a.ORI == ori && !a.Compliant {
			t.Errorf("%s: not compliant", ori)
		}
	}
	md, _ := letterTo(t, res, ori)
	for _, want := range []string{"Subject: Compliance with the CJIS Security Policy", "found no item that Bayview Police Department must correct", "Paths through the state's network", "the state's router sac-core"} {
		if !strings.Contains(md, want) {
			t.Errorf("compliance letter lacks %q:\n%s", want, md)
		}
	}
	for _, bad := range []string{"non-compliance", "Implementation plan", "implementation plan"} {
		if strings.Contains(md, bad) {
			t.Errorf("compliance letter holds %q:\n%s", bad, md)
		}
	}
}

func TestLetterAgencyChoice(t *testing.T) {
	res := statewide(t)
	tests := []struct{ ori, want string }{
		{"", "4 agencies under review (CA0420100, CA0100000, CA0380300, CA027021C): write one letter each into a folder (-o letters/) or pick one with --agency ORI"},
		{"CA0349400", "agency CA0349400 is not under review"},
		{"CA9999999", "agency CA9999999 is not under review"},
	}
	for _, tt := range tests {
		err := noticeMarkdown(io.Discard, res, NoticeOptions{Due: reviewDue, Agency: tt.ori})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("agency %q: %v, want %q", tt.ori, err, tt.want)
		}
	}
	one := sampleResult(t, "backbone.yaml", "cedar-county-so.yaml")
	if err := noticeMarkdown(io.Discard, one, NoticeOptions{Due: reviewDue}); err != nil {
		t.Errorf("one agency under review, no --agency: %v", err)
	}
	if err := noticeMarkdown(io.Discard, sampleResult(t, "backbone.yaml"), NoticeOptions{Due: reviewDue}); err == nil || !strings.Contains(err.Error(), "no agency under review") {
		t.Errorf("the backbone alone: %v", err)
	}
}

func TestLetterCitations(t *testing.T) {
	cs := []analysis.Citation{{Ref: "CJIS Security Policy 5.10.1.2.1", Title: "Encryption (v5.9.x numbering)"}, {Ref: "NIST SP 800-53 SC-8"}, {Ref: "NIST SP 800-53 SC-13"}}
	tests := []struct {
		cs      []analysis.Citation
		policy  string
		heading string
		refs    []string
	}{
		{cs, "6.0", "H (CJIS Security Policy v6.0 SC-8, SC-13)", []string{"NIST SP 800-53 SC-8", "NIST SP 800-53 SC-13"}},
		{cs[:1], "5.9", "H (CJIS Security Policy 5.10.1.2.1)", []string{"CJIS Security Policy 5.10.1.2.1"}},
		{cs, "5.9", "H (CJIS Security Policy 5.10.1.2.1)", []string{"CJIS Security Policy 5.10.1.2.1"}},
		{cs[1:2], "6.0", "H (recommended practice, NIST SP 800-53 SC-8)", []string{"NIST SP 800-53 SC-8"}},
		{[]analysis.Citation{{Ref: "State policy 4.2"}}, "6.0", "H (State policy 4.2)", []string{"State policy 4.2"}},
		{nil, "6.0", "H", nil},
	}
	for _, tt := range tests {
		use, h := letterCitations(tt.cs, tt.policy, "H")
		var refs []string
		for _, c := range use {
			refs = append(refs, c.Ref)
		}
		if h != tt.heading || !slices.Equal(refs, tt.refs) {
			t.Errorf("letterCitations(%v, %s) = %v, %q; want %v, %q", tt.cs, tt.policy, refs, h, tt.refs, tt.heading)
		}
	}
}

// elementIDs lists the ids of the elements d defines.
func elementIDs(m *topology.Model, d *topology.Document) []string {
	var ids []string
	eachElement(m, func(id, _ string, of *topology.Document) {
		if of == d {
			ids = append(ids, id)
		}
	})
	return ids
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

// TestWorkbookRootCause checks the Findings sheet's Root cause column on
// the Riverbend sample: the annex's single points of failure name their
// chain.
func TestWorkbookRootCause(t *testing.T) {
	f := openWorkbook(t, sampleResult(t, "backbone.yaml", "riverbend-pd.yaml"))
	rows, err := f.GetRows(findingsSheet)
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(findingsHeader, "Root cause")
	found := false
	for _, r := range rows[1:] {
		if len(r) > col && r[1] == "single-link" && r[3] == "annex-fiber" {
			found = true
			if r[col] != "Site rpd-annex hangs on one path" {
				t.Errorf("annex-fiber's root cause = %q", r[col])
			}
		}
	}
	if !found {
		t.Error("no single-link finding for annex-fiber")
	}
}

// TestLettersShared checks that one Letters writes every agency's letter,
// in both forms and in any order, as a Letters of its own for each would:
// what the letters share is read, never changed, by a letter.
func TestLettersShared(t *testing.T) {
	res := statewide(t)
	ls := NewLetters(res)
	agencies := ls.Agencies()
	if len(agencies) < 2 {
		t.Fatalf("%d agencies under review, want several", len(agencies))
	}
	backward := slices.Clone(agencies)
	slices.Reverse(backward)
	for _, order := range [][]LetterAgency{agencies, backward} {
		for _, a := range order {
			opt := NoticeOptions{Due: reviewDue, Agency: a.ORI}
			for _, form := range []struct {
				shared func(io.Writer, NoticeOptions) error
				own    func(io.Writer, *analysis.Result, NoticeOptions) error
			}{{ls.Markdown, noticeMarkdown}, {ls.HTML, noticeHTML}} {
				var got, want bytes.Buffer
				if err := form.shared(&got, opt); err != nil {
					t.Fatal(err)
				}
				if err := form.own(&want, res, opt); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Errorf("%s: the shared letter differs from its own", a.ORI)
				}
			}
		}
	}
	if !slices.Equal(letterAgencies(res), agencies) {
		t.Error("the agencies differ from a Letters of their own")
	}
}

// TestForeignElements holds elementOwners to its definition: for each
// letter's agency, the ids of the elements (sites, zones, devices, links,
// tunnels, in that order) of another agency, not the CSA, mapped to what
// they are, a later element of an id over an earlier one; on the samples
// with an id of two agencies' elements, and on a model where the one
// agency owning elements is not the letter's.
func TestForeignElements(t *testing.T) {
	res := statewide(t)
	m := res.Model
	// An id of two agencies' elements: a zone of one, then a device of
	// another (eachElement gives zones before devices).
	last := m.Devices[len(m.Devices)-1]
	var other *topology.Document
	for _, d := range m.Docs {
		if !d.Agency.IsCSA() && d.Agency.ORI != last.Doc.Agency.ORI {
			other = d
		}
	}
	m.Zones = append(m.Zones, &topology.Zone{ID: last.ID, Doc: other})
	foreignAgrees(t, m, NewLetters(res).Agencies())
	// One agency under review with no element of its own, another's
	// elements: every element is foreign to the first.
	lone := &topology.Document{Agency: topology.Agency{Name: "Lone PD", ORI: "CA0000001"}}
	owner := &topology.Document{Agency: topology.Agency{Name: "Owner PD", ORI: "CA0000002"}}
	small := &topology.Model{Docs: []*topology.Document{lone, owner}, Sites: []*topology.Site{{ID: "hq", Doc: owner}}}
	foreignAgrees(t, small, []LetterAgency{{ORI: lone.Agency.ORI}, {ORI: owner.Agency.ORI}})
}

// foreignAgrees checks newElementOwners(m) against the map each letter to
// the agencies built before.
func foreignAgrees(t *testing.T, m *topology.Model, agencies []LetterAgency) {
	t.Helper()
	owners := newElementOwners(m)
	for _, a := range agencies {
		want := map[string]string{}
		eachElement(m, func(id, kind string, d *topology.Document) {
			if d != nil && !d.Agency.IsCSA() && d.Agency.ORI != a.ORI {
				want[id] = "a " + kind + " of another agency"
			}
		})
		if got := owners.anyForeign(a.ORI); got != (len(want) > 0) {
			t.Errorf("%s: anyForeign %v, want %v", a.ORI, got, len(want) > 0)
		}
		eachElement(m, func(id, _ string, _ *topology.Document) {
			got, ok := owners.foreign(id, a.ORI)
			if w, wok := want[id]; ok != wok || got != w {
				t.Errorf("%s: %s is %q, %v; want %q, %v", a.ORI, id, got, ok, w, wok)
			}
		})
	}
}

// TestStateSubjectInOneFile: in a file of several documents (a statewide
// YAML file, the CSA's document first), an agency's router is the
// agency's, not the state's, though its place is in the CSA's file too.
func TestStateSubjectInOneFile(t *testing.T) {
	csa := &topology.Document{Path: "state.yaml", Agency: topology.Agency{Name: "State", ORI: "CA0000000", Role: "csa"}}
	pd := &topology.Document{Path: "state.yaml", Agency: topology.Agency{Name: "Pine PD", ORI: "CA0000001"}}
	m := &topology.Model{Docs: []*topology.Document{csa, pd}, Devices: []*topology.Device{
		{ID: "hub", Doc: csa, Pos: topology.Pos{File: "state.yaml", Line: 5, Col: 5}},
		{ID: "pd-rtr", Doc: pd, Pos: topology.Pos{File: "state.yaml", Line: 40, Col: 5}},
	}}
	m.Reindex()
	for _, d := range m.Devices {
		f := findingView{Finding: analysis.Finding{Rule: "single-device", Kind: analysis.KindDevice, Subject: d.ID, At: d.Pos.String()}}
		if got, want := stateSubject(m, f), d.Doc == csa; got != want {
			t.Errorf("%s: the state's %v, want %v", d.ID, got, want)
		}
	}
}
