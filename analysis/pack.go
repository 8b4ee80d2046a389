package analysis

// Pack is a rule pack: for each rule, whether it runs, its severity and the
// policy it cites. Packs are data; see packs/*.yaml.
type Pack struct {
	// Name is the pack's name, such as "cjis-6.0".
	Name string
	// Title describes the pack in a line.
	Title string
	// Policy is the CJIS Security Policy version the pack applies ("5.9" or
	// "6.0"); rules whose meaning differs between versions read it.
	Policy string
	// Extends is the built-in pack a state's pack builds on, or "".
	Extends string
	// Rules holds each rule's settings by rule id. A rule missing from the
	// map does not run.
	Rules map[string]RuleConfig
}

// RuleConfig is one rule's settings in a pack.
type RuleConfig struct {
	Enabled   bool
	Severity  Severity
	Citations []Citation
}

// Citation is one policy reference a rule cites.
type Citation struct {
	// Ref is the reference as printed in findings, such as
	// "CJIS Security Policy 5.10.1.2.1" or "NIST SP 800-53 SC-8".
	Ref string
	// Title is the section's title.
	Title string
	// Summary is the requirement in a line, in our own words.
	Summary string
}

// refs returns the citations' references, as findings print them.
func (rc RuleConfig) refs() []string {
	out := make([]string, len(rc.Citations))
	for i, c := range rc.Citations {
		out[i] = c.Ref
	}
	return out
}

// defaultPack returns a pack that runs the given rules with their default
// severities and citations.
func defaultPack(rules []*Rule) *Pack {
	p := &Pack{Name: "defaults", Title: "Every rule with its defaults", Policy: "6.0", Rules: map[string]RuleConfig{}}
	for _, r := range rules {
		cs := make([]Citation, len(r.Policy))
		for i, ref := range r.Policy {
			cs[i] = Citation{Ref: ref}
		}
		p.Rules[r.ID] = RuleConfig{Enabled: true, Severity: r.Severity, Citations: cs}
	}
	return p
}
