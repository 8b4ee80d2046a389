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
		if err := topology.EncodeJSONCompact(&a, m); err != nil {
			t.Fatal(err)
		}
		if err := topology.EncodeJSONCompact(&b, Statewide(Options{Agencies: tt.agencies, Seed: tt.seed})); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("agencies=%d: output differs between runs with one seed", tt.agencies)
		}
		var c bytes.Buffer
		if err := topology.EncodeJSONCompact(&c, Statewide(Options{Agencies: tt.agencies, Seed: tt.seed + 1})); err != nil {
			t.Fatal(err)
		}
		if tt.agencies > 1 && bytes.Equal(a.Bytes(), c.Bytes()) {
			t.Errorf("agencies=%d: seeds %d and %d give the same model", tt.agencies, tt.seed, tt.seed+1)
		}
	}
}

func TestProgress(t *testing.T) {
	var calls [][2]int
	Statewide(Options{Agencies: 250, Seed: 1, Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
	want := [][2]int{{100, 250}, {200, 250}, {250, 250}}
	if len(calls) != len(want) {
		t.Fatalf("progress calls %v, want %v", calls, want)
	}
	for i := range want {
		if calls[i] != want[i] {
			t.Errorf("progress calls %v, want %v", calls, want)
		}
	}
}

// TestStatewideSize holds the 3,700-agency model to the proportions the
// scale targets are stated for: about 30,000 devices, 4,000 tunnels and
// 12,000 sites. Redundant headquarters and complete attributes make that
// about 38,000 links and 10 MB of compact JSON (docs/performance.md).
func TestStatewideSize(t *testing.T) {
	if testing.Short() {
		t.Skip("large model")
	}
	m := Statewide(Options{Agencies: 3700, Seed: 1})
	var buf bytes.Buffer
	if err := topology.EncodeJSONCompact(&buf, m); err != nil {
		t.Fatal(err)
	}
	t.Logf("devices=%d links=%d tunnels=%d sites=%d json=%d bytes", len(m.Devices), len(m.Links), len(m.Tunnels), len(m.Sites), buf.Len())
	for _, c := range []struct {
		name     string
		n        int
		min, max int
	}{
		{"devices", len(m.Devices), 27000, 33000},
		{"links", len(m.Links), 33000, 42000},
		{"tunnels", len(m.Tunnels), 3500, 4500},
		{"sites", len(m.Sites), 11000, 13000},
		{"JSON bytes", buf.Len(), 8_000_000, 12_000_000},
	} {
		if c.n < c.min || c.n > c.max {
			t.Errorf("%s = %d, want %d to %d", c.name, c.n, c.min, c.max)
		}
	}
}

// TestStatewideIsIndexed: the model is ready to use without a loader.
func TestStatewideIsIndexed(t *testing.T) {
	m := Statewide(Options{Agencies: 3, Seed: 1})
	if m.Device("state-hub1") == nil || m.Site("a00002-hq") == nil || m.Link("state-l-dci") == nil {
		t.Error("the generated model's look-ups by id are empty")
	}
	if err := topology.Validate(m); err != nil {
		t.Errorf("the generated model is invalid: %v", err)
	}
}
