package analysis

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/netreview/netreview/topology"
)

// Severity is how much a finding matters.
type Severity int

// Severities, least first. The zero value is Info.
const (
	Info Severity = iota
	Low
	Medium
	High
	Critical
)

// Severities returns every severity, most severe first: the order findings
// are reported in.
func Severities() []Severity { return []Severity{Critical, High, Medium, Low, Info} }

var severityNames = [...]string{"info", "low", "medium", "high", "critical"}

// String returns the severity's name as the findings contract spells it.
func (s Severity) String() string {
	if s < Info || s > Critical {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity parses a severity name (critical, high, medium, low, info).
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(name, n) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium, low or info)", name)
}

// MarshalText encodes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Kind is the kind of thing a finding is about.
type Kind string

// Subject kinds.
const (
	KindSite   Kind = "site"
	KindZone   Kind = "zone"
	KindDevice Kind = "device"
	KindLink   Kind = "link"
	KindTunnel Kind = "tunnel"
	KindRisk   Kind = "risk"
	KindWaiver Kind = "waiver"
)

// Finding is one problem found in a model. Its JSON form is the findings
// contract's; Waiver is an addition that appears only on waived findings.
// Findings may share their slices (a rule's findings one Policy, an
// agency's findings one Agencies): treat them as read-only.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Subject  string   `json:"subject"`
	Kind     Kind     `json:"kind"`
	Message  string   `json:"message"`
	Policy   []string `json:"policy"`
	// Path alternates device ids and link or tunnel ids, from a device to a
	// device; empty for rules that have none.
	Path []string `json:"path,omitempty"`
	// Sites are the sites the finding concerns: for the redundancy rules,
	// every site cut off.
	Sites []string `json:"sites"`
	// Agencies are the ORIs of the agencies (not the CSA) that own the
	// subject or one of Sites, sorted: whom the finding concerns.
	Agencies []string      `json:"agencies"`
	At       string        `json:"at"`
	Waived   bool          `json:"waived"`
	Waiver   *WaiverDetail `json:"waiver,omitempty"`
	// Questions are, for the unanswered rule, the questions to ask the
	// agency about the subject, one sentence each; Message joins them. They
	// are not part of the JSON contract: the message carries them there.
	Questions []string `json:"-"`

	// Pos is the place At was formatted from.
	Pos topology.Pos `json:"-"`
}

// WaiverDetail is the waiver that accepted a finding.
type WaiverDetail struct {
	Reason     string `json:"reason"`
	ApprovedBy string `json:"approved-by,omitempty"`
	Expires    string `json:"expires,omitempty"` // YYYY-MM-DD
	At         string `json:"at"`
}

// MarshalJSON writes nil slices of Policy, Sites and Agencies as [] rather
// than null.
func (f Finding) MarshalJSON() ([]byte, error) {
	type plain Finding
	if f.Policy == nil {
		f.Policy = []string{}
	}
	if f.Sites == nil {
		f.Sites = []string{}
	}
	if f.Agencies == nil {
		f.Agencies = []string{}
	}
	return json.Marshal(plain(f))
}

// Key is the pair that identifies a finding from run to run.
type Key struct{ Rule, Subject string }

// key returns the finding's (rule, subject).
func (f *Finding) key() Key { return Key{f.Rule, f.Subject} }
