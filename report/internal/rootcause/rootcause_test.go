package rootcause

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/netreview/netreview/internal/generate"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/load"
)

// line is a model of a chain: site s's device s-ws hangs on sw, l1, rtr,
// l2 to the hub; site t's device t-ws on t-link to rtr.
func line() *topology.Model {
	m := &topology.Model{
		Sites: []*topology.Site{{ID: "s"}, {ID: "t"}, {ID: "dc"}},
		Devices: []*topology.Device{
			{ID: "s-ws", Site: "s"}, {ID: "sw", Site: "s"}, {ID: "rtr", Site: "t"}, {ID: "t-ws", Site: "t"}, {ID: "hub", Site: "dc"},
		},
		Links: []*topology.Link{
			{ID: "s-ws-link", A: "s-ws", B: "sw"}, {ID: "l1", A: "sw", B: "rtr"}, {ID: "l2", A: "rtr", B: "hub"}, {ID: "t-link", A: "t-ws", B: "rtr"},
		},
	}
	m.Reindex()
	return m
}

func TestFind(t *testing.T) {
	spof := func(rule, subject string, sites ...string) analysis.Finding {
		return analysis.Finding{Rule: rule, Subject: subject, Sites: sites}
	}
	clear := func(rule, subject string, path ...string) analysis.Finding {
		return analysis.Finding{Rule: rule, Subject: subject, Path: path, Sites: []string{"s"}}
	}
	waived := spof("single-device", "sw", "s")
	waived.Waived = true
	tests := []struct {
		name string
		fs   []analysis.Finding
		want []Group
	}{
		{"none", nil, nil},
		{"one finding is no group", []analysis.Finding{spof("single-device", "rtr", "s")}, nil},
		{"a chain from the site outwards", []analysis.Finding{
			spof("single-device", "rtr", "s"), spof("single-device", "sw", "s"),
			spof("single-link", "l2", "t", "s"), spof("single-link", "l1", "s"),
		}, []Group{{Kind: Chain, Sites: []string{"s"}, Elements: []string{"sw", "l1", "rtr"}, Members: []int{0, 1, 3}}}},
		{"other sites, other chain", []analysis.Finding{
			spof("single-link", "l2", "s", "t"), spof("single-device", "rtr", "t", "s"), spof("single-device", "sw", "s"),
		}, []Group{{Kind: Chain, Sites: []string{"s", "t"}, Elements: []string{"rtr", "l2"}, Members: []int{0, 1}}}},
		{"waived findings stay out", []analysis.Finding{spof("single-link", "l1", "s"), waived}, nil},
		{"other rules do not chain", []analysis.Finding{spof("single-link", "l1", "s"), spof("shared-risk", "carrier:x", "s")}, nil},
		{"cleartext along one path", []analysis.Finding{
			clear("unencrypted-exit", "l1", "s-ws", "s-ws-link", "sw", "l1", "rtr", "l2", "hub"),
			clear("weak-encryption", "l2", "rtr", "l2", "hub"),
			clear("unencrypted-exit", "t-link", "t-ws", "t-link", "rtr", "l9", "x"),
		}, []Group{{Kind: Path, Sites: []string{"s"}, Elements: []string{"l1", "l2"}, From: "s-ws", To: "hub", Members: []int{0, 1}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(line(), tt.fs)
			if !equalGroups(got, tt.want) {
				t.Errorf("Find = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func equalGroups(a, b []Group) bool {
	return slices.EqualFunc(a, b, func(x, y Group) bool {
		return x.Kind == y.Kind && slices.Equal(x.Sites, y.Sites) && slices.Equal(x.Elements, y.Elements) && slices.Equal(x.Members, y.Members) && x.From == y.From && x.To == y.To
	})
}

func TestOf(t *testing.T) {
	got := Of([]Group{{Members: []int{1, 3}}, {Members: []int{0}}}, 5)
	if want := []int{1, 0, -1, 0, -1}; !slices.Equal(got, want) {
		t.Errorf("Of = %v, want %v", got, want)
	}
}

// TestRiverbendAnnex checks the example on the samples: the annex
// on the city's fiber is one chain and one cleartext path.
func TestRiverbendAnnex(t *testing.T) {
	m, _, err := load.Files([]string{"../../../samples/backbone.yaml", "../../../samples/riverbend-pd.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.Run(m, analysis.Config{Date: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var chain, path *Group
	for _, g := range Find(m, res.Findings) {
		switch {
		case g.Kind == Chain && slices.Equal(g.Sites, []string{"rpd-annex"}):
			chain = &g
		case g.Kind == Path && slices.Contains(g.Elements, "annex-fiber"):
			path = &g
		}
	}
	if chain == nil || !slices.Equal(chain.Elements[:3], []string{"annex-sw", "annex-fiber", "city-core-sw"}) || len(chain.Members) != 6 {
		t.Errorf("annex chain = %+v", chain)
	}
	if path == nil || !slices.Equal(path.Elements, []string{"rpd-fw-city", "annex-fiber", "annex-ws-link"}) {
		t.Errorf("annex cleartext path = %+v", path)
	}
}

// BenchmarkFindRealistic3700 groups the findings of a realistic
// 3,700-agency model (about 29,000 findings, thousands of chains), what the
// statewide HTML report does: a chain's search must stay near its sites.
func BenchmarkFindRealistic3700(b *testing.B) {
	m := generate.Statewide(generate.Options{Agencies: 3700, Seed: 1, Profile: generate.Realistic()})
	res, err := analysis.Run(m, analysis.Config{Date: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(Find(res.Model, res.Findings)) == 0 {
			b.Fatal("no root causes")
		}
	}
}

// causesByPairs is sharedCauses by its definition: every pair of
// candidates, one's subject on the other's path.
func causesByPairs(fs []analysis.Finding, cand []int) sets {
	s := newSets(len(cand))
	for a := range cand {
		for b := range cand {
			if a != b && slices.Contains(fs[cand[b]].Path, fs[cand[a]].Subject) {
				s.union(a, b)
			}
		}
	}
	return s
}

// TestPathsAgreeWithPairs holds the path causes to those of every pair
// asked, on random findings: paths over a few devices and links, subjects
// repeated (a link both weak and cleartext), waived findings and findings
// of other rules, which no path cause holds.
func TestPathsAgreeWithPairs(t *testing.T) {
	rules := []string{"unencrypted-exit", "weak-encryption", "single-link"}
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 7))
		elems := 2 + r.IntN(12)
		var fs []analysis.Finding
		for range r.IntN(30) {
			var path []string
			for range r.IntN(6) {
				path = append(path, fmt.Sprint("e", r.IntN(elems)))
			}
			fs = append(fs, analysis.Finding{
				Rule:    rules[r.IntN(len(rules))],
				Subject: fmt.Sprint("e", r.IntN(elems)),
				Path:    path,
				Sites:   []string{fmt.Sprint("s", r.IntN(4))},
				Waived:  r.IntN(8) == 0,
			})
		}
		cand := pathCandidates(fs)
		if got, want := paths(fs), pathGroups(fs, cand, causesByPairs(fs, cand)); !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: paths %+v, want %+v", seed, got, want)
		}
	}
}
