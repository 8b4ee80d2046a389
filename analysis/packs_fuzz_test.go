package analysis

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netreview/netreview/topology"
)

// FuzzParsePack checks that a state's rule pack file, whatever its bytes,
// either parses into a pack whose every rule is known and whose severities
// are valid, or fails with errors that each name a place in the file; it
// never panics.
func FuzzParsePack(f *testing.F) {
	for _, name := range BuiltinPackNames() {
		data, err := builtinPacks.ReadFile("packs/" + name + ".yaml")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	seeds, _ := filepath.Glob(filepath.Join("testdata", "packs", "*.yaml"))
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	example, err := os.ReadFile(filepath.Join("..", "samples", "packs", "state-example.yaml"))
	if err == nil {
		f.Add(example)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parsePack("state.yaml", data, false)
		if err != nil {
			var el topology.ErrorList
			if !errors.As(err, &el) || len(el) == 0 {
				t.Fatalf("error is not a list of placed errors: %v", err)
			}
			for _, e := range el {
				if e.Pos.File != "state.yaml" || !strings.HasPrefix(e.Error(), "state.yaml") {
					t.Fatalf("error without its place: %q", e.Error())
				}
			}
			return
		}
		for id, rc := range p.Rules {
			if lookup(id) == nil {
				t.Fatalf("pack enables unknown rule %q", id)
			}
			if rc.Severity < Info || rc.Severity > Critical {
				t.Fatalf("rule %s has severity %v", id, rc.Severity)
			}
		}
	})
}
