package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/words"
	"github.com/netreview/netreview/topology"
)

// The review reports (workbook, HTML, Markdown, notice) share one view of a
// result, built here, so that every form numbers, counts and words the
// findings the same way.

// unansweredRule is the rule whose findings are questions to the agency.
const unansweredRule = "unanswered"

// review is the view of a result that the review reports render.
type review struct {
	res       *analysis.Result
	Agencies  []agencyView // the agencies under review
	Proposals []proposalView
	// Context names the state's own side (role: csa) loaded with them:
	// reviewed as context, not under review.
	Context   []string
	Inputs    []string
	Pack      string
	Policy    string
	Date      string
	Summary   Summary
	ByRule    []ruleCount
	Findings  []findingView
	Questions []questionView
	Sites     []redundancyView
	// RootCauses group the findings that share one cause (see
	// report/internal/rootcause).
	RootCauses []causeView
}

type agencyView struct {
	Name, ORI, County string
}

type proposalView struct {
	Title, Kind, Submitted, Vendor string
}

// ruleCount counts one rule's unwaived findings by severity, and its waived
// ones.
type ruleCount struct {
	Rule   string
	Counts SeverityCounts
	Waived int
}

// Total is the rule's number of findings, waived or not.
func (c ruleCount) Total() int {
	s := c.Counts
	return s.Critical + s.High + s.Medium + s.Low + s.Info + c.Waived
}

// findingView is one finding with its number and the rule's requirement
// and fix.
type findingView struct {
	analysis.Finding
	N            int    // 1-based index in res.Findings
	ID           string // "F1"
	Requirements []analysis.Citation
	Fix          string
	Questions    []string
	WaiverText   string
	// SameFixAs is the id of the finding just before this one when it is
	// of the same rule, so that a report words the remedy once.
	SameFixAs string
}

// questionView is an unanswered finding phrased as questions to the agency.
type questionView struct {
	ID, Subject, Kind, At string
	Questions             []string
}

// redundancyView is one site's redundancy to the state hubs.
type redundancyView struct {
	Site, Name string
	Paths      int
	Status     string
}

func newReview(res *analysis.Result) *review {
	v := &review{res: res, Inputs: res.Model.Inputs(), Date: res.Date.Format("2006-01-02"), Summary: Summarize(res)}
	if res.Pack != nil {
		v.Pack, v.Policy = res.Pack.Name, res.Pack.Policy
	}
	for _, d := range underReview(res.Model) {
		v.addDocument(d)
	}
	for _, d := range res.Model.Docs {
		if d.Agency.IsCSA() && d.Agency.Name != "" && !contains(v.Context, d.Agency.Name) {
			v.Context = append(v.Context, d.Agency.Name)
		}
	}
	counts := map[string]*ruleCount{}
	var order []string
	for i, f := range res.Findings {
		fv := findingView{Finding: f, N: i + 1, ID: fmt.Sprintf("F%d", i+1), Fix: ruleFix(f.Rule), Questions: findingQuestions(f)}
		if res.Pack != nil {
			fv.Requirements = res.Pack.Rules[f.Rule].Citations
		}
		if len(fv.Requirements) == 0 {
			for _, ref := range f.Policy {
				fv.Requirements = append(fv.Requirements, analysis.Citation{Ref: ref})
			}
		}
		if f.Waived {
			fv.WaiverText = waiverReason(f)
		}
		if i > 0 && res.Findings[i-1].Rule == f.Rule && fv.Fix != "" {
			fv.SameFixAs = v.Findings[i-1].ID
		}
		v.Findings = append(v.Findings, fv)
		c := counts[f.Rule]
		if c == nil {
			c = &ruleCount{Rule: f.Rule}
			counts[f.Rule] = c
			order = append(order, f.Rule)
		}
		if f.Waived {
			c.Waived++
		} else {
			c.Counts.add(f.Severity)
		}
		if f.Rule == unansweredRule && !f.Waived {
			v.Questions = append(v.Questions, questionView{ID: fv.ID, Subject: f.Subject, Kind: string(f.Kind), At: f.At, Questions: fv.Questions})
		}
	}
	// Rules in the contract's order, then any others by name.
	seen := map[string]bool{}
	for _, r := range analysis.Rules() {
		if c := counts[r.ID]; c != nil {
			v.ByRule = append(v.ByRule, *c)
			seen[r.ID] = true
		}
	}
	var rest []string
	for _, id := range order {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	for _, id := range rest {
		v.ByRule = append(v.ByRule, *counts[id])
	}
	v.RootCauses = v.newCauses()
	for _, s := range res.Redundancy {
		rv := redundancyView{Site: s.Site, Paths: s.Paths, Status: redundancyStatus(s.Paths)}
		if site := res.Model.Site(s.Site); site != nil {
			rv.Name = site.Name
		}
		v.Sites = append(v.Sites, rv)
	}
	return v
}

// underReview returns the documents under review: every document whose
// agency is not the CSA (role: csa), or, when the CSA's are all there is
// (the state reviewing its own backbone), every document.
func underReview(m *topology.Model) []*topology.Document {
	var out []*topology.Document
	for _, d := range m.Docs {
		if !d.Agency.IsCSA() {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		return m.Docs
	}
	return out
}

// addDocument adds the document's agency and proposal to the view's.
func (v *review) addDocument(d *topology.Document) {
	a := agencyView{d.Agency.Name, d.Agency.ORI, d.Agency.County}
	if a.Name != "" && !containsAgency(v.Agencies, a) {
		v.Agencies = append(v.Agencies, a)
	}
	if p := d.Proposal; p != nil {
		pv := proposalView{Title: p.Title, Kind: string(p.Kind), Vendor: p.Vendor}
		if !p.Submitted.IsZero() {
			pv.Submitted = p.Submitted.Format("2006-01-02")
		}
		v.Proposals = append(v.Proposals, pv)
	}
}

// AgencyNames returns the agencies' names joined for a header.
// A statewide review has thousands of agencies and files: the header names
// the first few and counts the rest (see words.List).
func (v *review) AgencyNames() string {
	names := make([]string, len(v.Agencies))
	for i, a := range v.Agencies {
		names[i] = a.Name
	}
	return words.List(names, ", ", "agency", "agencies")
}

// ListedAgencies returns the agencies a header names.
func (v *review) ListedAgencies() []agencyView {
	return v.Agencies[:min(len(v.Agencies), words.Listed)]
}

// MoreAgencies is "" or how many agencies the header leaves out: "3,695
// more agencies".
func (v *review) MoreAgencies() string { return words.More(len(v.Agencies), "agency", "agencies") }

// ListedInputs returns the inputs a header names.
func (v *review) ListedInputs() []string { return v.Inputs[:min(len(v.Inputs), words.Listed)] }

// MoreInputs is "" or how many inputs the header leaves out.
func (v *review) MoreInputs() string { return words.More(len(v.Inputs), "file", "files") }

// ProposalTitles returns the proposals' titles joined for a header.
func (v *review) ProposalTitles() string {
	var ts []string
	for _, p := range v.Proposals {
		if p.Title != "" && !contains(ts, p.Title) {
			ts = append(ts, p.Title)
		}
	}
	return strings.Join(ts, "; ")
}

// redundancyStatus words a site's number of independent ways to the hubs.
func redundancyStatus(paths int) string {
	switch {
	case paths <= 0:
		return "cut off"
	case paths == 1:
		return "single point of failure"
	default:
		return "redundant"
	}
}

// ruleFix is what must change to resolve a finding of the rule: the rule's
// Fix, else the "Fix it by ..." sentence of its documentation, else "".
func ruleFix(id string) string {
	r, err := analysis.FindRule(id)
	if err != nil {
		return ""
	}
	if r.Fix != "" {
		return r.Fix
	}
	i := strings.Index(r.Doc, "Fix it by ")
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(r.Doc[i:])
}

// findingQuestions are the questions a finding asks the agency: its
// Questions, else its message.
func findingQuestions(f analysis.Finding) []string {
	if len(f.Questions) > 0 {
		return f.Questions
	}
	return []string{f.Message}
}

func containsAgency(as []agencyView, a agencyView) bool {
	for _, b := range as {
		if b == a {
			return true
		}
	}
	return false
}
