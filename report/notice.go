package report

import (
	"bufio"
	"bytes"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/report/internal/rootcause"
	"github.com/netreview/netreview/topology"
)

// A letter goes to one agency under review: a notice of non-compliance
// when some unwaived finding of severity low or above concerns it, else a
// letter of compliance. It holds only the findings whose
// Agencies list the agency, words each in plain language with the places
// named by site (never a file path or line), cites the policy as the pack
// in force numbers it, and groups the findings that share one cause into
// one item. The state's own elements (the CSA's file) are never the
// agency's to fix: a single point of failure of the state's network is
// told as the path the agency's sites depend on, with what the agency can
// do about it.

// NoticeOptions controls the letters to agencies.
type NoticeOptions struct {
	// Due is the date by which the agency must send its implementation
	// plan. Required, and after the review date.
	Due time.Time
	// Letterhead is the sender; nil leaves placeholders for the reviewer to
	// fill in, and marks the letter DRAFT.
	Letterhead *Letterhead
	// Agency is the ORI of the agency the letter goes to. It may be empty
	// when one agency is under review.
	Agency string
}

// noticeThreshold is the least severity of a finding the notice lists as
// non-compliant.
const noticeThreshold = analysis.Low

// LetterAgency is an agency under review, as a letter is addressed to it.
type LetterAgency struct {
	ORI, Name string
	// Compliant is whether its letter is a letter of compliance: no
	// unwaived finding of severity low or above is the agency's to correct.
	Compliant bool
}

// Letters is the letters of one review to its agencies. What every letter
// reads of the review (its findings, the root causes' graph, whose each
// element is) is worked out once for all of them: a state's review writes
// thousands of letters, and worked out for each it took hours. Its methods
// may be called from several goroutines at once.
type Letters struct {
	res    *analysis.Result
	review func() *review
	causes *rootcause.Finder
	owners func() *elementOwners
	under  func() []topology.Agency // agenciesUnder
	hubs   func() []string          // stateHubs
}

// NewLetters returns the letters of res.
func NewLetters(res *analysis.Result) *Letters {
	return &Letters{
		res:    res,
		review: sync.OnceValue(func() *review { return newReview(res) }),
		causes: rootcause.NewFinder(res.Model),
		owners: sync.OnceValue(func() *elementOwners { return newElementOwners(res.Model) }),
		under:  sync.OnceValue(func() []topology.Agency { return agenciesUnder(res.Model) }),
		hubs:   sync.OnceValue(func() []string { return stateHubs(res.Model) }),
	}
}

// Agencies lists the agencies under review, in the order of
// their files: every document's agency that is not the CSA (role: csa),
// each ORI once. An agency without an ORI cannot be told apart from
// another in the findings, and is left out. Compliant tells which letters
// are letters of compliance.
func (ls *Letters) Agencies() []LetterAgency {
	var out []LetterAgency
	for _, a := range ls.under() {
		l := ls.letter(a, NoticeOptions{})
		out = append(out, LetterAgency{ORI: a.ORI, Name: a.Name, Compliant: len(l.Items) == 0})
	}
	return out
}

// letterItem is one item of a letter: a root cause with its findings, or
// the findings of one rule.
type letterItem struct {
	N        int
	Heading  string // plain words, with the policy it falls under
	Text     string // for a root cause: what it is and what one change fixes
	Found    []letterFinding
	Require  []analysis.Citation
	Remedy   string
	StateOwn []string // the state's elements among a chain's, if any
	Sub      bool     // listed under "Paths through the state's network"
}

// letterFinding is one finding as a letter words it.
type letterFinding struct {
	ID, Severity, Text, Where string
}

// letterModel is everything a letter says, for the Markdown and HTML forms.
type letterModel struct {
	Draft       bool
	Sender      []string // letterhead lines
	Date        string
	To          []string // address block
	Subject     string
	Salutation  string
	Opening     string
	Compliant   bool
	Items       []letterItem
	State       []letterItem // single points of failure of the state's network
	Questions   []letterFinding
	Request     string
	Closing     []string // signature block
	CC          string
	Agency      string
	ReportNote  string
	agencySites map[string]bool
	owners      *elementOwners // whose each element is
	ori         string         // the agency the letter goes to
}

// agenciesUnder is the agencies under review in m: every document's that
// is not the CSA's and has an ORI, the first of each ORI, in the order of
// the documents.
func agenciesUnder(m *topology.Model) []topology.Agency {
	var under []topology.Agency
	seen := map[string]bool{}
	for _, d := range m.Docs {
		if !d.Agency.IsCSA() && d.Agency.ORI != "" && !seen[d.Agency.ORI] {
			seen[d.Agency.ORI] = true
			under = append(under, d.Agency)
		}
	}
	return under
}

// agencyFor picks, of the agencies under review, the one the letter goes
// to.
func agencyFor(under []topology.Agency, ori string) (topology.Agency, error) {
	var oris []string
	for _, a := range under {
		if ori == "" || a.ORI == ori {
			if ori != "" || len(under) == 1 {
				return a, nil
			}
		}
		oris = append(oris, a.ORI)
	}
	switch {
	case len(under) == 0:
		return topology.Agency{}, fmt.Errorf("notice: no agency under review: every file is the CSA's (role: csa) or names no ORI")
	case ori == "":
		return topology.Agency{}, fmt.Errorf("notice: %d agencies under review (%s): write one letter each into a folder (-o letters/) or pick one with --agency ORI", len(under), strings.Join(oris, ", "))
	}
	return topology.Agency{}, fmt.Errorf("notice: agency %s is not under review: the agencies are %s", ori, strings.Join(oris, ", "))
}

func (ls *Letters) notice(opt NoticeOptions) (*letterModel, error) {
	res := ls.res
	if opt.Due.IsZero() {
		return nil, fmt.Errorf("notice: no due date for the implementation plan")
	}
	if !opt.Due.After(res.Date) {
		return nil, fmt.Errorf("notice: the plan's due date %s is not after the review date %s",
			opt.Due.Format("2006-01-02"), res.Date.Format("2006-01-02"))
	}
	a, err := agencyFor(ls.under(), opt.Agency)
	if err != nil {
		return nil, err
	}
	return ls.letter(a, opt), nil
}

// redundancyRules are the rules whose subject is a single point of
// failure on the way to the state hubs.
var redundancyRules = []string{"single-device", "single-link", "shared-risk"}

// letter is the letter to agency a.
func (ls *Letters) letter(a topology.Agency, opt NoticeOptions) *letterModel {
	v := ls.review()
	res := v.res
	l := &letterModel{Draft: opt.Letterhead == nil, Date: longDate(res.Date), Agency: a.Name, agencySites: map[string]bool{}}
	for _, s := range res.Model.Sites {
		if s.Doc != nil && s.Doc.Agency.ORI == a.ORI && !s.Doc.Agency.IsCSA() {
			l.agencySites[s.ID] = true
		}
	}
	l.owners, l.ori = ls.owners(), a.ORI
	// The agency's findings, their sites narrowed to the agency's own.
	var mine []findingView
	var own []analysis.Finding
	for _, f := range v.Findings {
		if f.Waived || !slices.Contains(f.Agencies, a.ORI) {
			continue
		}
		if f.Rule == unansweredRule {
			for _, q := range f.Questions {
				l.Questions = append(l.Questions, letterFinding{ID: f.ID, Text: l.scrub(q)})
			}
			continue
		}
		if f.Severity < noticeThreshold {
			continue
		}
		f.Sites = slices.DeleteFunc(slices.Clone(f.Sites), func(s string) bool { return !l.agencySites[s] })
		mine = append(mine, f)
		own = append(own, f.Finding)
	}
	// Root causes among them, then the rest by rule.
	grouped := make([]bool, len(mine))
	for _, g := range ls.causes.Find(own) {
		it := letterItem{Heading: causeHeading(g)}
		var state []string
		for _, i := range g.Members {
			grouped[i] = true
			lf := l.finding(res, mine[i])
			if g.Kind == rootcause.Chain {
				lf.Where = "" // the heading names the sites
			}
			it.Found = append(it.Found, lf)
			if stateSubject(res.Model, mine[i]) {
				state = append(state, mine[i].Subject)
			}
		}
		first := mine[g.Members[0]]
		it.Require, it.Heading = letterCitations(first.Requirements, v.Policy, it.Heading)
		it.Text, it.Remedy = causeText(g, state, ls.hubs())
		it.Text = l.scrub(it.Text)
		it.StateOwn = state
		if len(state) == len(g.Members) && g.Kind == rootcause.Chain {
			l.State = append(l.State, it)
		} else {
			l.Items = append(l.Items, it)
		}
	}
	byRule := map[string]int{}
	for i, f := range mine {
		if grouped[i] {
			continue
		}
		state := slices.Contains(redundancyRules, f.Rule) && stateSubject(res.Model, f)
		list := &l.Items
		if state {
			list = &l.State
		}
		key := f.Rule
		if state {
			key = "state " + f.Rule
		}
		k, ok := byRule[key]
		if !ok {
			it := letterItem{Remedy: f.Fix}
			it.Require, it.Heading = letterCitations(f.Requirements, v.Policy, ruleHeading(f.Rule))
			if state {
				it.Remedy = stateRemedy(f.Subject, ls.hubs())
				it.StateOwn = []string{f.Subject}
			}
			k = len(*list)
			byRule[key] = k
			*list = append(*list, it)
		}
		(*list)[k].Found = append((*list)[k].Found, l.finding(res, f))
	}
	for i := range l.Items {
		l.Items[i].N = i + 1
	}
	for i := range l.State {
		l.State[i].N = len(l.Items) + i + 1
		l.State[i].Sub = true
	}
	l.Compliant = len(l.Items) == 0
	l.sender(opt.Letterhead)
	l.address(a)
	l.words(v, a, opt)
	return l
}

// stateOwned reports whether the element written at place at is the
// state's (its file's agency has role: csa). A file may hold several
// documents (a statewide YAML file, a document an agency), and then the
// file does not tell: stateSubject asks the subject's own document first
// (subjectDoc), and the place only of a subject the model has not.
func stateOwned(m *topology.Model, at string) bool {
	d := documentOf(m, at)
	return d != nil && d.Agency.IsCSA()
}

// subjectDoc returns the document of the element a finding of the kind is
// about, and whether the model has such an element.
func subjectDoc(m *topology.Model, kind analysis.Kind, id string) (*topology.Document, bool) {
	switch kind {
	case analysis.KindDevice:
		if d := m.Device(id); d != nil {
			return d.Doc, true
		}
	case analysis.KindLink:
		if l := m.Link(id); l != nil {
			return l.Doc, true
		}
	case analysis.KindTunnel:
		if t := m.Tunnel(id); t != nil {
			return t.Doc, true
		}
	case analysis.KindSite:
		if s := m.Site(id); s != nil {
			return s.Doc, true
		}
	case analysis.KindZone:
		if z := m.Zone(id); z != nil {
			return z.Doc, true
		}
	}
	return nil, false
}

// stateSubject reports whether a finding's subject is the state's: an
// element of the CSA's document, or a shared risk that only the state's
// devices and links carry (a carrier the agency also uses is a risk of its
// own too).
func stateSubject(m *topology.Model, f findingView) bool {
	if f.Kind != analysis.KindRisk {
		if d, ok := subjectDoc(m, f.Kind, f.Subject); ok {
			return d != nil && d.Agency.IsCSA()
		}
		return stateOwned(m, f.At)
	}
	carried := false
	for _, d := range m.Devices {
		if slices.Contains(m.DeviceRisks(d), f.Subject) {
			if d.Doc == nil || !d.Doc.Agency.IsCSA() {
				return false
			}
			carried = true
		}
	}
	for _, l := range m.Links {
		if slices.Contains(m.LinkRisks(l), f.Subject) {
			if l.Doc == nil || !l.Doc.Agency.IsCSA() {
				return false
			}
			carried = true
		}
	}
	return carried
}

// stateHubs lists the state hubs' ids.
func stateHubs(m *topology.Model) []string {
	var out []string
	for _, d := range m.Devices {
		if d.Type == topology.StateHub {
			out = append(out, d.ID)
		}
	}
	return out
}

// finding words one finding for a letter: a single point of failure by
// the agency's own sites it cuts off (the model's message names every
// agency's), anything else by its message.
func (l *letterModel) finding(res *analysis.Result, f findingView) letterFinding {
	text := f.Message
	if slices.Contains(redundancyRules, f.Rule) && len(f.Sites) > 0 {
		what := "With " + elementWord(res.Model, f.Subject) + " down"
		if f.Rule == "shared-risk" {
			what = "With every element that carries the shared risk " + f.Subject + " down (a carrier, a conduit, a building that fails as one)"
		}
		text = what + ", " + sitesWord(f.Sites) + " " + map[bool]string{true: "loses", false: "lose"}[len(f.Sites) == 1] + " every path to the state network."
	}
	return letterFinding{ID: f.ID, Severity: f.Severity.String(), Text: l.scrub(text), Where: l.where(res, f)}
}

// elementOwners is, for each id, the kinds and the agencies of the
// elements with that id that a document of an agency (not the CSA)
// defines, in the order eachElement gives them: what a letter to one
// agency names another's elements by.
type elementOwners struct {
	byID map[string][]elementOwner
	oris map[string]bool // the ORI of every such agency ("" too, for one without)
}

type elementOwner struct{ kind, ori string }

func newElementOwners(m *topology.Model) *elementOwners {
	o := &elementOwners{byID: map[string][]elementOwner{}, oris: map[string]bool{}}
	eachElement(m, func(id, kind string, d *topology.Document) {
		if d != nil && !d.Agency.IsCSA() {
			o.byID[id] = append(o.byID[id], elementOwner{kind, d.Agency.ORI})
			o.oris[d.Agency.ORI] = true
		}
	})
	return o
}

// foreign returns what a letter to agency ori calls the element id of
// another agency ("a device of another agency"; of the elements with the
// id, the last of another agency), and whether it is another's.
func (o *elementOwners) foreign(id, ori string) (string, bool) {
	owners := o.byID[id]
	for i := len(owners) - 1; i >= 0; i-- {
		if owners[i].ori != ori {
			return "a " + owners[i].kind + " of another agency", true
		}
	}
	return "", false
}

// anyForeign reports whether some element is of an agency other than ori.
func (o *elementOwners) anyForeign(ori string) bool {
	return len(o.oris) > 1 || len(o.oris) == 1 && !o.oris[ori]
}

// eachElement calls fn with every site, zone, device, link and tunnel of
// m: its id, its kind and the document that defines it.
func eachElement(m *topology.Model, fn func(id, kind string, d *topology.Document)) {
	for _, x := range m.Sites {
		fn(x.ID, "site", x.Doc)
	}
	for _, x := range m.Zones {
		fn(x.ID, "zone", x.Doc)
	}
	for _, x := range m.Devices {
		fn(x.ID, "device", x.Doc)
	}
	for _, x := range m.Links {
		fn(x.ID, "link", x.Doc)
	}
	for _, x := range m.Tunnels {
		fn(x.ID, "tunnel", x.Doc)
	}
}

// idToken is a word that may be an element's id.
var idToken = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._:-]*[A-Za-z0-9]|[A-Za-z0-9]`)

// scrub replaces in text the ids of other agencies' elements by what they
// are: a letter to one agency tells nothing of another's network.
func (l *letterModel) scrub(text string) string {
	if !l.owners.anyForeign(l.ori) {
		return text
	}
	return idToken.ReplaceAllStringFunc(text, func(w string) string {
		if what, ok := l.owners.foreign(w, l.ori); ok {
			return what
		}
		return w
	})
}

// elementWord names a device or link for a letter: "device sac-core",
// "link bb-sac-mpls", with "the state's" before the state's own.
func elementWord(m *topology.Model, id string) string {
	kind := "link"
	var doc *topology.Document
	if d := m.Device(id); d != nil {
		kind, doc = string(d.Type), d.Doc
		if kind == "" {
			kind = "device"
		}
	} else if k := m.Link(id); k != nil {
		doc = k.Doc
	}
	if doc != nil && doc.Agency.IsCSA() {
		return "the state's " + strings.ReplaceAll(kind, "-", " ") + " " + id
	}
	return strings.ReplaceAll(kind, "-", " ") + " " + id
}

// where names the places of a finding for a letter: its sites, by name.
func (l *letterModel) where(res *analysis.Result, f findingView) string {
	var names []string
	for _, id := range f.Sites {
		if !l.agencySites[id] {
			continue
		}
		n := "site " + id
		if s := res.Model.Site(id); s != nil && s.Name != "" {
			n = s.Name + " (" + id + ")"
		}
		names = append(names, n)
	}
	return strings.Join(names, "; ")
}

// causeHeading is a root cause's heading in a letter.
func causeHeading(g rootcause.Group) string {
	if g.Kind == rootcause.Chain {
		return sitesHang(g.Sites) + " on one path to the state network"
	}
	return "Criminal justice information crosses links without adequate encryption on one path"
}

// causeText says what a root cause is, and the remedy that resolves all of
// its findings. state lists the state's elements among a chain's.
func causeText(g rootcause.Group, state, hubs []string) (text, remedy string) {
	if g.Kind == rootcause.Path {
		return fmt.Sprintf("Between %s and %s, criminal justice information crosses %s without adequate encryption.", g.From, g.To, strings.Join(g.Elements, ", ")),
			"Encrypt that traffic end to end, with one tunnel over these links (FIPS 140-3 validated module, keys of at least 128 bits), or encrypt each link; then record the encryption in the proposal."
	}
	text = fmt.Sprintf("Each of %s is a single point of failure: with any one of them down, %s no way to the state network.", strings.Join(g.Elements, ", "), haveWord(g.Sites))
	remedy = "Add a second, independent path from the site to a state hub that avoids these elements: a second circuit, router or switch, or a tunnel over another carrier."
	if len(state) > 0 {
		text += fmt.Sprintf(" Of these, %s %s the state's network: the state maintains %s, and does not ask the agency to change %s.",
			strings.Join(state, ", "), map[bool]string{true: "is part of", false: "are part of"}[len(state) == 1], map[bool]string{true: "it", false: "them"}[len(state) == 1], map[bool]string{true: "it", false: "them"}[len(state) == 1])
		remedy = "Add a second, independent path from the site to the state network: a second circuit or a tunnel to the other state hub" + hubsPhrase(hubs) + ", over a carrier the first path does not use."
	}
	return text, remedy
}

// stateRemedy is what an agency can do about a single point of failure of
// the state's own network.
func stateRemedy(subject string, hubs []string) string {
	return "The state maintains " + subject + "; the agency need not change it. The site's only path runs through it: a second circuit, or a tunnel to the other state hub" + hubsPhrase(hubs) + " over another carrier, gives it a way around."
}

func hubsPhrase(hubs []string) string {
	if len(hubs) < 2 {
		return ""
	}
	return " (" + strings.Join(hubs, " or ") + ")"
}

// ruleHeadings word each rule for an agency's chief, as the item's heading.
var ruleHeadings = map[string]string{
	"unencrypted-exit":        "Criminal justice information crosses a link without encryption",
	"weak-encryption":         "Encryption that does not meet the policy",
	"fips-140-2-sunset":       "Encryption modules validated under FIPS 140-2 only",
	"missing-boundary":        "No firewall between criminal justice information and an untrusted network",
	"shared-device":           "A device shared between the criminal justice network and another network",
	"shared-hypervisor":       "Criminal justice and untrusted virtual machines on one host",
	"no-path-to-hub":          "A site with no connection to the state network",
	"single-device":           "A single device on the only path to the state network",
	"single-link":             "A single circuit or cable on the only path to the state network",
	"shared-risk":             "Paths to the state network that fail together",
	"advanced-authentication": "Logon without multi-factor authentication",
	"weak-wireless":           "Wireless security that does not meet the policy",
	"password-policy":         "Passwords that do not follow the policy",
	"no-monitoring":           "A network boundary without intrusion monitoring",
	"unpatched":               "Devices not patched under management",
	"split-tunnel":            "Remote devices that allow split tunneling",
	"mobile-management":       "Mobile devices without mobile device management",
	"cloud-agreement":         "A cloud provider without the CJIS Security Addendum",
	"expired-waiver":          "A waiver that has expired",
}

// ruleHeading is a rule's heading in a letter: ruleHeadings, else the
// rule's summary, else its id.
func ruleHeading(id string) string {
	if h, ok := ruleHeadings[id]; ok {
		return h
	}
	if r, err := analysis.FindRule(id); err == nil {
		return strings.TrimSuffix(r.Summary, ".")
	}
	return id
}

// letterCitations picks the citations a letter gives, numbered as the
// pack in force numbers them, and adds them to heading. The CJIS Security
// Policy v6.0 numbers its requirements by NIST SP 800-53 control, so under
// a v6.0 pack a rule that cites both the v5.9.x section and the controls
// is cited by the controls ("CJIS Security Policy v6.0 SC-8, SC-13"); under
// v5.9 by the section. A rule that cites only NIST controls (the
// redundancy rules) is recommended practice, and says so.
func letterCitations(cs []analysis.Citation, policy, heading string) ([]analysis.Citation, string) {
	var cjis, nist, other []analysis.Citation
	for _, c := range cs {
		switch {
		case strings.HasPrefix(c.Ref, "CJIS Security Policy "):
			cjis = append(cjis, c)
		case strings.HasPrefix(c.Ref, "NIST SP 800-53 "):
			nist = append(nist, c)
		default:
			other = append(other, c)
		}
	}
	controls := func(cs []analysis.Citation) string {
		var ids []string
		for _, c := range cs {
			ids = append(ids, strings.TrimPrefix(c.Ref, "NIST SP 800-53 "))
		}
		return strings.Join(ids, ", ")
	}
	refs := func(cs []analysis.Citation) string {
		var rs []string
		for _, c := range cs {
			rs = append(rs, c.Ref)
		}
		return strings.Join(rs, "; ")
	}
	var use []analysis.Citation
	var cite string
	switch {
	case len(cjis) == 0 && len(nist) > 0:
		use, cite = append(nist, other...), "recommended practice, NIST SP 800-53 "+controls(nist)
	case strings.HasPrefix(policy, "6") && len(nist) > 0:
		use, cite = append(nist, other...), "CJIS Security Policy v"+policy+" "+controls(nist)
	case len(cjis) > 0:
		use = append(cjis, other...)
		cite = refs(use)
	default:
		use, cite = other, refs(other)
	}
	if cite != "" {
		heading += " (" + cite + ")"
	}
	return use, heading
}

// sender fills the letterhead and the signature block.
func (l *letterModel) sender(lh *Letterhead) {
	if lh == nil {
		l.Closing = []string{"________________________", "[Reviewer name]", "[Title], CJIS Systems Agency", "[Telephone] · [E-mail]"}
		return
	}
	for _, s := range []string{lh.Organization, lh.Office} {
		if s != "" {
			l.Sender = append(l.Sender, s)
		}
	}
	l.Sender = append(l.Sender, lh.Address...)
	if c := joinNonEmpty(" · ", lh.Phone, lh.Email); c != "" {
		l.Sender = append(l.Sender, c)
	}
	name, title := lh.Signatory.Name, lh.Signatory.Title
	if name == "" {
		name = "[Name]"
	}
	l.Closing = []string{"________________________", name}
	if title != "" {
		l.Closing = append(l.Closing, title)
	}
	if lh.Office != "" {
		l.Closing = append(l.Closing, lh.Office)
	}
}

// address fills the address block, the salutation and the copy line.
func (l *letterModel) address(a topology.Agency) {
	if a.Head.Name != "" {
		l.To = append(l.To, a.Head.Name)
	}
	if a.Head.Title != "" {
		l.To = append(l.To, a.Head.Title)
	}
	l.To = append(l.To, a.Name)
	if a.Address != "" {
		l.To = append(l.To, a.Address)
	} else if a.County != "" {
		l.To = append(l.To, countyName(a.County))
	}
	l.To = append(l.To, "ORI "+a.ORI)
	switch {
	case a.Head.Name != "":
		l.Salutation = "Dear " + a.Head.Name + ":"
	case a.Head.Title != "":
		l.Salutation = "Dear " + a.Head.Title + ":"
	default:
		l.Salutation = "To the head of " + a.Name + ":"
	}
	if a.LASO.Name != "" {
		l.CC = "cc: " + joinNonEmpty(", ", a.LASO.Name+", Local Agency Security Officer", a.LASO.Email, a.LASO.Phone)
	}
}

// words fills the subject, the opening and the request.
func (l *letterModel) words(v *review, a topology.Agency, opt NoticeOptions) {
	var titles []string
	for _, d := range v.res.Model.Docs {
		if d.Agency.ORI == a.ORI && !d.Agency.IsCSA() && d.Proposal != nil && d.Proposal.Title != "" && !slices.Contains(titles, d.Proposal.Title) {
			titles = append(titles, d.Proposal.Title)
		}
	}
	title := strings.Join(titles, "; ")
	what := "the agency's network design"
	if title != "" {
		what = "the network design proposal “" + title + "”"
	}
	policy := "the CJIS Security Policy"
	if v.Policy != "" {
		policy += " version " + v.Policy
	}
	l.ReportNote = fmt.Sprintf("Findings are numbered F1, F2, … as in the state's review report of %s.", l.Date)
	if l.Compliant {
		l.Subject = "Compliance with the CJIS Security Policy"
		l.Opening = fmt.Sprintf("The state has reviewed %s against %s. As of %s, the review found no item that %s must correct. Thank you for a design that protects criminal justice information as the policy requires.", what, policy, l.Date, a.Name)
	} else {
		l.Subject = "Notice of non-compliance with the CJIS Security Policy"
		l.Opening = fmt.Sprintf("The state has reviewed %s against %s. As of %s, the review found the items below not compliant. Each says what the review found, where, the policy it falls under, and what must change.", what, policy, l.Date)
	}
	if title != "" {
		l.Subject += ": " + title
	}
	switch {
	case !l.Compliant:
		answers := ""
		if len(l.Questions) > 0 {
			answers = " Please include your answers to the questions above."
		}
		l.Request = fmt.Sprintf("Please send an implementation plan by %s that addresses each item above: the change to be made, who will make it, and the date it will be complete; or, for an item the agency cannot correct, a request for a waiver with its compensating controls.%s Connections to the state network that remain non-compliant after that date may be restricted under the CJIS Security Policy.", longDate(opt.Due), answers)
	case len(l.Questions) > 0:
		l.Request = fmt.Sprintf("The review could not assess everything: please answer the questions below by %s.", longDate(opt.Due))
	}
}

func joinNonEmpty(sep string, parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), sep)
}

// documentOf returns the document a place (file:line:column or
// file#Sheet!Cell) is in, or nil.
func documentOf(m *topology.Model, at string) *topology.Document {
	var best *topology.Document
	for _, d := range m.Docs {
		if d.Path == "" || !strings.HasPrefix(at, d.Path) {
			continue
		}
		if rest := at[len(d.Path):]; rest != "" && rest[0] != ':' && rest[0] != '#' {
			continue
		}
		if best == nil || len(d.Path) > len(best.Path) {
			best = d
		}
	}
	return best
}

func longDate(t time.Time) string { return t.Format("January 2, 2006") }

// Markdown writes the letter to the agency opt.Agency (see
// NoticeOptions), in Markdown: the letterhead, the date, the address block,
// the subject, each item to correct with what was found, where, the policy
// and what must change, the single points of failure of the state's
// network that the agency's sites depend on, the questions, the request for
// an implementation plan by opt.Due (none in a letter of compliance), and
// the signature block. "FOR OFFICIAL USE ONLY" heads and ends it.
func (ls *Letters) Markdown(w io.Writer, opt NoticeOptions) error {
	l, err := ls.notice(opt)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	lines := func(ls []string) {
		for _, s := range ls {
			p("%s  \n", mdEscape(s))
		}
		p("\n")
	}
	p("**%s**\n\n", fouo)
	if l.Draft {
		p("**DRAFT**\n\n")
	}
	if len(l.Sender) > 0 {
		lines(l.Sender)
	}
	p("%s\n\n", l.Date)
	lines(l.To)
	p("**Subject: %s**\n\n", mdEscape(l.Subject))
	p("%s\n\n%s\n\n", mdEscape(l.Salutation), mdEscape(l.Opening))
	writeItems := func(items []letterItem) {
		for _, it := range items {
			level := "##"
			if it.Sub {
				level = "###"
			}
			p("%s %d. %s\n\n", level, it.N, mdEscape(it.Heading))
			if it.Text != "" {
				p("%s\n\n", mdEscape(it.Text))
			}
			p("What the review found:\n\n")
			for _, f := range it.Found {
				p("- %s (%s): %s", f.ID, f.Severity, mdEscape(f.Text))
				if f.Where != "" {
					p(" Where: %s.", mdEscape(f.Where))
				}
				p("\n")
			}
			p("\n")
			for _, c := range it.Require {
				p("Requirement: %s\n\n", mdEscape(citationText(c)))
			}
			if it.Remedy != "" {
				p("What must change: %s\n\n", mdEscape(it.Remedy))
			}
		}
	}
	writeItems(l.Items)
	if len(l.State) > 0 {
		p("## Paths through the state's network\n\n")
		p("The review also found that some of the agency's sites depend on one element of the state's own network. The state maintains these elements; they are listed so that the agency can plan a second path. They are not items to correct.\n\n")
		writeItems(l.State)
	}
	if len(l.Questions) > 0 {
		p("## Questions\n\n")
		p("The review could not assess the following, because the proposal does not say. Please answer each:\n\n")
		for i, q := range l.Questions {
			p("%d. %s\n", i+1, mdEscape(q.Text))
		}
		p("\n")
	}
	if l.Request != "" {
		if !l.Compliant {
			p("## Implementation plan\n\n")
		}
		p("%s\n\n", mdEscape(l.Request))
	}
	p("%s\n\n", mdEscape(l.ReportNote))
	p("Sincerely,\n\n")
	for i, s := range l.Closing {
		if i == 0 {
			p("\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_  \n")
			continue
		}
		p("%s  \n", mdEscape(s))
	}
	if l.CC != "" {
		p("\n%s\n", mdEscape(l.CC))
	}
	p("\n**%s**\n", fouo)
	return bw.Flush()
}

// HTML writes the letter of Markdown as a self-contained HTML
// page that prints as a letter on US Letter paper, "FOR OFFICIAL USE ONLY"
// at the head and foot of every page.
func (ls *Letters) HTML(w io.Writer, opt NoticeOptions) error {
	l, err := ls.notice(opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := noticeTemplate.Execute(&buf, l); err != nil {
		return fmt.Errorf("notice: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

var noticeTemplate = template.Must(template.New("notice").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Subject}}</title>
<style>
@page { size: letter; margin: .8in .9in .8in;
  @top-center { content: "FOR OFFICIAL USE ONLY"; font: 700 9pt sans-serif; }
  @bottom-left { content: "FOR OFFICIAL USE ONLY"; font: 700 8pt sans-serif; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; } }
body { font: 11.5pt/1.45 Georgia, "DejaVu Serif", serif; max-width: 46rem; margin: 2rem auto; padding: 0 1.5rem; color: #111; }
.marking { text-align: center; font: 700 9pt sans-serif; letter-spacing: .08em; }
.draft { color: #a00; font-weight: bold; letter-spacing: .2em; }
.letterhead { text-align: center; border-bottom: 1px solid #444; padding-bottom: .6rem; margin-bottom: 1.2rem; }
.letterhead p { margin: 0; }
.letterhead .org { font-size: 1.15em; font-weight: bold; }
.block p, .signature p { margin: 0; }
.block { margin: 1.2rem 0; }
h2 { font-size: 1.02em; margin: 1.4rem 0 .3rem; }
h3 { font-size: 1em; font-style: italic; margin: 1.1rem 0 .3rem; }
ul { margin: .2rem 0 .5rem; padding-left: 1.2rem; }
.label { font-style: italic; }
.signature { margin-top: 2.5rem; }
.cc { margin-top: 1.5rem; font-size: .95em; }
@media print { body { margin: 0; max-width: none; padding: 0; } .draft { color: #000; } .marking { display: none; } h2, h3 { break-after: avoid; } li { break-inside: avoid; } .signature { break-inside: avoid; } }
</style>
</head>
<body>
<p class="marking">FOR OFFICIAL USE ONLY</p>
{{if .Draft}}<p class="draft">DRAFT</p>{{end}}
{{with .Sender}}<div class="letterhead">{{range $i, $l := .}}<p{{if not $i}} class="org"{{end}}>{{$l}}</p>{{end}}</div>{{end}}
<p>{{.Date}}</p>
<div class="block">{{range .To}}<p>{{.}}</p>{{end}}</div>
<p><strong>Subject: {{.Subject}}</strong></p>
<p>{{.Salutation}}</p>
<p>{{.Opening}}</p>
{{define "items"}}{{range .}}{{if .Sub}}<h3>{{.N}}. {{.Heading}}</h3>{{else}}<h2>{{.N}}. {{.Heading}}</h2>{{end}}
{{with .Text}}<p>{{.}}</p>{{end}}
<p class="label">What the review found:</p>
<ul>{{range .Found}}<li>{{.ID}} ({{.Severity}}): {{.Text}}{{with .Where}} Where: {{.}}.{{end}}</li>{{end}}</ul>
{{range .Require}}<p><span class="label">Requirement:</span> <strong>{{.Ref}}</strong>{{with .Title}}, {{.}}{{end}}{{with .Summary}}: {{.}}{{end}}</p>
{{end}}{{with .Remedy}}<p><span class="label">What must change:</span> {{.}}</p>{{end}}
{{end}}{{end}}{{template "items" .Items}}
{{if .State}}<h2>Paths through the state's network</h2>
<p>The review also found that some of the agency's sites depend on one element of the state's own network. The state maintains these elements; they are listed so that the agency can plan a second path. They are not items to correct.</p>
{{template "items" .State}}{{end}}
{{if .Questions}}<h2>Questions</h2>
<p>The review could not assess the following, because the proposal does not say. Please answer each:</p>
<ol>{{range .Questions}}<li>{{.Text}}</li>{{end}}</ol>{{end}}
{{with .Request}}{{if not $.Compliant}}<h2>Implementation plan</h2>{{end}}<p>{{.}}</p>{{end}}
<p>{{.ReportNote}}</p>
<div class="signature"><p>Sincerely,</p><br>{{range .Closing}}<p>{{.}}</p>{{end}}</div>
{{with .CC}}<p class="cc">{{.}}</p>{{end}}
<p class="marking">FOR OFFICIAL USE ONLY</p>
</body>
</html>
`))
