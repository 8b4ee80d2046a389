package topology_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/netreview/netreview/internal/generate"
	"github.com/netreview/netreview/topology"
)

// statewideJSON is a generated model of the given size as compact JSON,
// with errors of every kind validation finds scattered through its devices
// and links (so through every piece that validate checks side by side):
// unknown values, references to nothing, repeated ids, a link to itself.
func statewideJSON(t testing.TB, agencies int, seed uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := topology.EncodeJSONCompact(&buf, generate.Statewide(generate.Options{Agencies: agencies, Seed: 1})); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	r := rand.New(rand.NewPCG(seed, 2))
	flaws := []struct{ old, new string }{
		{`"type":"router"`, `"type":"rooter"`},
		{`"site":"`, `"site":"x`},
		{`"a":"`, `"a":"nowhere-`},
		{`"b":"`, `"b":"nowhere-`},
		{`"medium":"`, `"medium":"copper-`},
		{`"zones":["`, `"zones":["cj-`},
		{`"security":"`, `"security":"very-`},
	}
	for range 60 {
		f := flaws[r.IntN(len(flaws))]
		at := r.IntN(len(text))
		i := strings.Index(text[at:], f.old)
		if i < 0 {
			continue
		}
		text = text[:at+i] + f.new + text[at+i+len(f.old):]
	}
	// A repeated device id: the first device's id given to a later one.
	first := strings.Index(text, `"devices":[{"id":"`) + len(`"devices":[{"id":"`)
	id := text[first : first+strings.IndexByte(text[first:], '"')]
	later := strings.LastIndex(text, `{"id":"`+id[:3])
	if j := strings.Index(text[later+7:], `"`); later > first && j > 0 {
		text = text[:later+7] + id + text[later+7+j:]
	}
	return []byte(text)
}

// errorsOn decodes and validates data with procs processors and returns
// what was found, every error with its place.
func errorsOn(t *testing.T, procs int, path string, data []byte) string {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	m, err := topology.Decode(path, data)
	if err != nil {
		return "decode:\n" + err.Error()
	}
	m = topology.Merge(m)
	verr := topology.Validate(m)
	return fmt.Sprintf("%d devices, %d links\n%v\nvalues:\n%v", len(m.Devices), len(m.Links), verr, topology.ValidateValues(m))
}

// TestValidateSideBySideSame holds validation in parts, side by side, to
// the same errors, in the same order, as one pass (one processor).
func TestValidateSideBySideSame(t *testing.T) {
	agencies, seeds, procsList := 700, uint64(3), []int{2, 3, 8} // about 7,000 devices and 8,000 links: several pieces each
	if testing.Short() {
		agencies, seeds, procsList = 450, 1, []int{2, 8} // two pieces each
	}
	for seed := range seeds {
		data := statewideJSON(t, agencies, seed)
		want := errorsOn(t, 1, "state.json", data)
		if strings.Count(want, "\n") < 30 {
			t.Fatalf("seed %d: too few errors to compare:\n%s", seed, want)
		}
		for _, procs := range procsList {
			if got := errorsOn(t, procs, "state.json", data); got != want {
				t.Errorf("seed %d, %d processors: the errors differ from one processor's:\n%s\nwant:\n%s", seed, procs, got, want)
			}
		}
	}
}
