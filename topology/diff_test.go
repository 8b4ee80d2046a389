package topology

import (
	"os"
	"reflect"
	"testing"
)

func diffModel(mut func(m *Model)) *Model {
	m := &Model{
		Sites: []*Site{{ID: "hq", Name: "HQ", Security: "physically-secure"}, {ID: "annex", Name: "Annex"}},
		Devices: []*Device{
			{ID: "hq-core", Type: "switch", Site: "hq"},
			{ID: "annex-sw", Type: "switch", Site: "annex", Risks: []string{"flood"}},
		},
		Links:   []*Link{{ID: "hq-annex", A: "hq-core", B: "annex-sw", Medium: "fiber", Encryption: &Encryption{Protocol: "none"}}},
		Tunnels: []*Tunnel{{ID: "t1", A: "hq-core", B: "annex-sw", Encryption: &Encryption{Protocol: "ipsec"}, Over: []string{"hq-annex"}}},
	}
	if mut != nil {
		mut(m)
	}
	m.Reindex()
	return m
}

func TestDiff(t *testing.T) {
	empty := ElementIDs{Sites: []string{}, Devices: []string{}, Links: []string{}, Tunnels: []string{}}
	tests := []struct {
		name  string
		after *Model
		want  Changes
	}{
		{"no change", diffModel(nil), Changes{Added: empty, Removed: empty, Changed: []Change{}}},
		{"changed attribute", diffModel(func(m *Model) { m.Links[0].Encryption.Protocol = "macsec" }),
			Changes{Added: empty, Removed: empty, Changed: []Change{{Kind: "link", ID: "hq-annex", Field: "encryption.protocol", Before: "none", After: "macsec"}}}},
		{"renamed device", diffModel(func(m *Model) { m.Devices[1].ID = "annex-sw2" }),
			Changes{
				Added:   ElementIDs{Sites: []string{}, Devices: []string{"annex-sw2"}, Links: []string{}, Tunnels: []string{}},
				Removed: ElementIDs{Sites: []string{}, Devices: []string{"annex-sw"}, Links: []string{}, Tunnels: []string{}},
				Changed: []Change{},
			}},
		{"list compared whole", diffModel(func(m *Model) { m.Devices[1].Risks = []string{"flood", "fire"} }),
			Changes{Added: empty, Removed: empty, Changed: []Change{{Kind: "device", ID: "annex-sw", Field: "risks", Before: "flood", After: "flood, fire"}}}},
		{"field added", diffModel(func(m *Model) { m.Sites[1].Address = "1 Main St" }),
			Changes{Added: empty, Removed: empty, Changed: []Change{{Kind: "site", ID: "annex", Field: "address", Before: "", After: "1 Main St"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(diffModel(nil), tt.after)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Diff:\n got %+v\nwant %+v", got, tt.want)
			}
			if got.Empty() != (tt.name == "no change") {
				t.Errorf("Empty() = %v", got.Empty())
			}
		})
	}
}

func TestDiffSamples(t *testing.T) {
	load := func(p string) *Model {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Decode(p, data)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	b := load("../samples/diff/pine-hollow-current.yaml")
	a := load("../samples/diff/pine-hollow-proposed.yaml")
	if Diff(b, a).Empty() {
		t.Error("the sample pair shows no change")
	}
	if !Diff(b, b).Empty() {
		t.Error("a model differs from itself")
	}
}
