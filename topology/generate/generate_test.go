package generate

import (
	"bytes"
	"testing"

	"github.com/netreview/netreview/topology"
)

func TestStatewide(t *testing.T) {
	tests := []struct {
		agencies int
		seed     int64
	}{{1, 1}, {37, 2}, {370, 3}}
	for _, tt := range tests {
		m := Statewide(Options{Agencies: tt.agencies, Seed: tt.seed})
		if err := topology.Validate(m); err != nil {
			t.Errorf("agencies=%d: Validate: %v", tt.agencies, err)
		}
		var a, b bytes.Buffer
		if err := topology.EncodeJSON(&a, m); err != nil {
			t.Fatal(err)
		}
		if err := topology.EncodeJSON(&b, Statewide(Options{Agencies: tt.agencies, Seed: tt.seed})); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("agencies=%d: output differs between runs with one seed", tt.agencies)
		}
	}
}

func TestStatewideSize(t *testing.T) {
	if testing.Short() {
		t.Skip("large model")
	}
	m := Statewide(Options{Agencies: 3700, Seed: 1})
	t.Logf("devices=%d links=%d tunnels=%d sites=%d", len(m.Devices), len(m.Links), len(m.Tunnels), len(m.Sites))
	for _, c := range []struct {
		name   string
		n, min int
	}{{"devices", len(m.Devices), 20000}, {"links", len(m.Links), 20000}, {"tunnels", len(m.Tunnels), 3000}, {"sites", len(m.Sites), 8000}} {
		if c.n < c.min {
			t.Errorf("%s = %d, want at least %d", c.name, c.n, c.min)
		}
	}
}
