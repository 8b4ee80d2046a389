package topology_test

import (
	"testing"

	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/load"
)

func TestSplitByDocument(t *testing.T) {
	paths := []string{"../samples/backbone.yaml", "../samples/riverbend-pd.yaml", "../samples/tri-county-dispatch.yaml"}
	m, _, err := load.Files(paths)
	if err != nil {
		t.Fatal(err)
	}
	parts := topology.SplitByDocument(m)
	if len(parts) != 3 {
		t.Fatalf("%d parts for 3 documents", len(parts))
	}
	var sites, zones, devices, links, tunnels, waivers int
	for i, p := range parts {
		if len(p.Docs) != 1 || p.Docs[0] != m.Docs[i] || p.Docs[0].Path != paths[i] {
			t.Errorf("part %d has documents %v", i, p.Docs)
		}
		for _, d := range p.Devices {
			if d.Doc != p.Docs[0] {
				t.Errorf("part %d holds device %s of %s", i, d.ID, d.Doc.Path)
			}
		}
		alone, _, err := load.Read(paths[i : i+1])
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Sites) != len(alone.Sites) || len(p.Devices) != len(alone.Devices) || len(p.Links) != len(alone.Links) || len(p.Tunnels) != len(alone.Tunnels) {
			t.Errorf("part %d: %d sites, %d devices, %d links, %d tunnels; %s alone has %d, %d, %d, %d", i,
				len(p.Sites), len(p.Devices), len(p.Links), len(p.Tunnels), paths[i],
				len(alone.Sites), len(alone.Devices), len(alone.Links), len(alone.Tunnels))
		}
		sites += len(p.Sites)
		zones += len(p.Zones)
		devices += len(p.Devices)
		links += len(p.Links)
		tunnels += len(p.Tunnels)
		waivers += len(p.Waivers)
	}
	if sites != len(m.Sites) || zones != len(m.Zones) || devices != len(m.Devices) || links != len(m.Links) || tunnels != len(m.Tunnels) || waivers != len(m.Waivers) {
		t.Error("the parts do not add up to the model")
	}
	if one := topology.SplitByDocument(&topology.Model{}); len(one) != 1 {
		t.Errorf("a model without documents gives %d parts", len(one))
	}
}
