package report

import (
	"fmt"
	"strings"

	"github.com/netreview/netreview/report/internal/rootcause"
)

// causeView is one root cause as the reports present it: one item to fix,
// with the findings it explains.
type causeView struct {
	Kind     rootcause.Kind
	Title    string // "Site rpd-annex hangs on one path"
	Text     string // what the cause is and what one change fixes it
	Sites    []string
	Elements []string
	Findings []findingView
}

// newCauses finds the root causes among v's findings.
func (v *review) newCauses() []causeView {
	var out []causeView
	for _, g := range rootcause.Find(v.res.Model, v.res.Findings) {
		c := causeView{Kind: g.Kind, Sites: g.Sites, Elements: g.Elements}
		for _, i := range g.Members {
			c.Findings = append(c.Findings, v.Findings[i])
		}
		n := len(c.Findings)
		switch g.Kind {
		case rootcause.Chain:
			c.Title = fmt.Sprintf("%s on one path", sitesHang(g.Sites))
			c.Text = fmt.Sprintf("Each of %s is a single point of failure of %s: with any one of them down, %s no way to a state hub. They are one chain; a second path to a state hub that avoids all of them resolves these %d findings.",
				strings.Join(g.Elements, ", "), sitesWord(g.Sites), haveWord(g.Sites), n)
		case rootcause.Path:
			c.Title = fmt.Sprintf("Unprotected links on one path: %s", strings.Join(g.Elements, ", "))
			c.Text = fmt.Sprintf("Criminal justice information between %s and %s crosses %s without adequate encryption. Encrypting that traffic end to end (one tunnel with FIPS-validated encryption of at least 128 bits, over these links) resolves these %d findings; so does encrypting each link.",
				g.From, g.To, strings.Join(g.Elements, ", "), n)
		}
		out = append(out, c)
	}
	return out
}

// sitesHang is "Site a hangs" or "Sites a and b hang".
func sitesHang(sites []string) string {
	if len(sites) == 1 {
		return "Site " + sites[0] + " hangs"
	}
	return "Sites " + strings.Join(sites, ", ") + " hang"
}

// sitesWord is "site a" or "sites a and b".
func sitesWord(sites []string) string {
	if len(sites) == 1 {
		return "site " + sites[0]
	}
	return "sites " + strings.Join(sites, ", ")
}

func haveWord(sites []string) string {
	if len(sites) == 1 {
		return "it has"
	}
	return "they have"
}
