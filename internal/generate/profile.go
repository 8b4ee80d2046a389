package generate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Profile sets how often the generated agencies fall short of a fully
// redundant, fully answered design, beyond the one typical flaw that about
// 8% of agencies carry in every profile. Each rate is a share from 0 to 1.
// The zero Profile is Clean.
type Profile struct {
	// SingleHomed is the share of agencies whose headquarters reaches the
	// state on one router and one circuit, with no backup path.
	SingleHomed float64
	// SingleSwitch is the share of headquarters whose endpoints hang on one
	// LAN switch.
	SingleSwitch float64
	// SubstationRouter is the share of substations that reach the state
	// through one router and one circuit of their own.
	SubstationRouter float64
	// Unanswered is the share of endpoints, routers and switches for which
	// the agency left a question open (password policy or patching).
	Unanswered float64
	// Cleartext is the share of agencies' MPLS circuits (headquarters'
	// primary and substations') that carry no encryption, trusting the
	// carrier's private network: an unencrypted-exit finding each.
	Cleartext float64
}

// Clean is the profile of a state whose agencies build to best practice:
// only the typical flaw of about 8% of agencies.
func Clean() Profile { return Profile{} }

// Realistic is the profile of a real state, where most small agencies have
// one router and one circuit: most headquarters single-homed, most
// substations behind one router, and many questions left open. It gives
// about eight findings an agency. The CLI's generate uses it by default.
func Realistic() Profile {
	return Profile{SingleHomed: 0.75, SingleSwitch: 0.6, SubstationRouter: 0.95, Unanswered: 0.7}
}

// Heavy is the profile of a state fuller of findings than Realistic, the
// size of the statewide model of issue 16 (about 42,000 findings for 3,700
// agencies, eleven an agency): nearly every agency single-homed, every
// substation behind one router, a question open on every endpoint, router
// and switch, and three in five MPLS circuits in cleartext. The benchmarks
// measure it.
func Heavy() Profile {
	return Profile{SingleHomed: 0.95, SingleSwitch: 0.7, SubstationRouter: 1, Unanswered: 1, Cleartext: 0.6}
}

// profileRates names the rates of a Profile, for ParseProfile and String.
var profileRates = []struct {
	name string
	rate func(*Profile) *float64
}{
	{"single-homed", func(p *Profile) *float64 { return &p.SingleHomed }},
	{"single-switch", func(p *Profile) *float64 { return &p.SingleSwitch }},
	{"substation-router", func(p *Profile) *float64 { return &p.SubstationRouter }},
	{"unanswered", func(p *Profile) *float64 { return &p.Unanswered }},
	{"cleartext", func(p *Profile) *float64 { return &p.Cleartext }},
}

// ProfileNames lists the named profiles ParseProfile takes.
func ProfileNames() []string { return []string{"realistic", "clean", "heavy"} }

// RateNames lists the rates a profile can override, in order.
func RateNames() []string {
	out := make([]string, len(profileRates))
	for i, r := range profileRates {
		out[i] = r.name
	}
	return out
}

// ParseProfile reads a profile: a name ("realistic", "clean", "heavy"), optionally
// followed by overrides, or overrides alone on the realistic profile, as in
// "clean,single-homed=0.3" or "unanswered=0".
func ParseProfile(s string) (Profile, error) {
	p := Realistic()
	for i, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		name, val, isRate := strings.Cut(part, "=")
		if !isRate {
			switch {
			case i > 0:
				return Profile{}, fmt.Errorf("profile %q: a profile name (%s) may only come first", s, strings.Join(ProfileNames(), ", "))
			case part == "realistic":
				p = Realistic()
			case part == "clean":
				p = Clean()
			case part == "heavy":
				p = Heavy()
			default:
				return Profile{}, fmt.Errorf("unknown profile %q (want %s, or rates such as single-homed=0.5)", part, strings.Join(ProfileNames(), ", "))
			}
			continue
		}
		j := slices.IndexFunc(profileRates, func(r struct {
			name string
			rate func(*Profile) *float64
		}) bool {
			return r.name == strings.TrimSpace(name)
		})
		if j < 0 {
			return Profile{}, fmt.Errorf("unknown rate %q in profile %q (want %s)", name, s, strings.Join(RateNames(), ", "))
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil || f < 0 || f > 1 {
			return Profile{}, fmt.Errorf("rate %s=%s in profile %q must be a number from 0 to 1", name, val, s)
		}
		*profileRates[j].rate(&p) = f
	}
	return p, nil
}

// String writes the profile as ParseProfile reads it.
func (p Profile) String() string {
	var parts []string
	for _, r := range profileRates {
		parts = append(parts, r.name+"="+strconv.FormatFloat(*r.rate(&p), 'g', -1, 64))
	}
	return strings.Join(parts, ",")
}
