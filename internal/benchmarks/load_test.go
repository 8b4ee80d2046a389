package benchmarks

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	yaml "go.yaml.in/yaml/v3"

	"github.com/netreview/netreview/internal/generate"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/load"
)

// The loading benchmarks of issue 16: the realistic model (generate's
// default profile) as JSON, YAML and split into a file per agency, and the
// bare yaml/v3 parse of the same YAML text into a yaml.Node, the floor that
// loading YAML is measured against (within 1.3x of it).

// benchLoadOf is benchLoad without the analysis, for a profile.
func benchLoadOf(b *testing.B, agencies int, ext string, p generate.Profile, name string) {
	path := inputOf(b, agencies, ext, p, name)
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		loadFile(b, path)
	}
}

// benchNodeParse is yaml.Unmarshal of the input's text into a yaml.Node: no
// decoding into the model, no validation.
func benchNodeParse(b *testing.B, agencies int, p generate.Profile, name string) {
	data, err := os.ReadFile(inputOf(b, agencies, ".yaml", p, name))
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			b.Fatal(err)
		}
	}
}

// splitInput writes the model as `netreview generate --split` does (the
// backbone in state.ext, an agency a file) once, and returns the paths in
// the order `netreview check folder/*.ext` gives them.
func splitInput(b *testing.B, agencies int, ext string) []string {
	b.Helper()
	large(b, agencies)
	folder := filepath.Join(dir(), "split"+itoa(agencies)+ext[1:])
	if paths, ok := files.Load(folder); ok {
		return paths.([]string)
	}
	if err := os.MkdirAll(folder, 0o755); err != nil {
		b.Fatal(err)
	}
	enc := topology.EncodeYAML
	if ext == ".json" {
		enc = topology.EncodeJSONCompact
	}
	m := generate.Statewide(generate.Options{Agencies: agencies, Seed: 1, Profile: generate.Realistic()})
	for i, part := range topology.SplitByDocument(m) {
		name := "state"
		if i > 0 {
			name = part.Docs[0].Agency.ORI
		}
		f, err := os.Create(filepath.Join(folder, name+ext))
		if err != nil {
			b.Fatal(err)
		}
		if err := enc(f, part); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
	paths, err := filepath.Glob(filepath.Join(folder, "*"+ext))
	if err != nil {
		b.Fatal(err)
	}
	files.Store(folder, paths)
	return paths
}

func benchLoadSplit(b *testing.B, agencies int, ext string) {
	paths := splitInput(b, agencies, ext)
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := load.Files(paths); err != nil {
			b.Fatalf("load: %v", err)
		}
	}
}

// realistic is the realistic profile (generate's default) and its name.
var realistic = struct {
	p    generate.Profile
	name string
}{generate.Realistic(), "realistic"}

// The bare node parse of the clean YAML that BenchmarkLoadYAML3700 loads.
func BenchmarkParseYAMLNode3700(b *testing.B) { benchNodeParse(b, 3700, generate.Clean(), "clean") }

// The realistic model of 3,700 agencies: JSON, YAML and its bare node
// parse, and the split form (3,701 files).
func BenchmarkLoadRealisticJSON3700(b *testing.B) {
	benchLoadOf(b, 3700, ".json", realistic.p, realistic.name)
}
func BenchmarkLoadRealisticYAML3700(b *testing.B) {
	benchLoadOf(b, 3700, ".yaml", realistic.p, realistic.name)
}
func BenchmarkParseYAMLNodeRealistic3700(b *testing.B) {
	benchNodeParse(b, 3700, realistic.p, realistic.name)
}
func BenchmarkLoadSplitJSON3700(b *testing.B) { benchLoadSplit(b, 3700, ".json") }
func BenchmarkLoadSplitYAML3700(b *testing.B) { benchLoadSplit(b, 3700, ".yaml") }

// Ten times that, under NETREVIEW_BENCH_LARGE=1.
func BenchmarkLoadRealisticJSON37000(b *testing.B) {
	benchLoadOf(b, 37000, ".json", realistic.p, realistic.name)
}
func BenchmarkLoadRealisticYAML37000(b *testing.B) {
	benchLoadOf(b, 37000, ".yaml", realistic.p, realistic.name)
}
func BenchmarkParseYAMLNodeRealistic37000(b *testing.B) {
	benchNodeParse(b, 37000, realistic.p, realistic.name)
}
