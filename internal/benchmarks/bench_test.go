// Package benchmarks holds the end-to-end scale benchmarks on generated
// statewide models: loading (JSON and YAML), analysis, and both together, at
// 3,700 agencies and, with NETREVIEW_BENCH_LARGE=1, at 37,000. See
// docs/performance.md for the figures and the commands that reproduce them.
package benchmarks

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/generate"
	"github.com/netreview/netreview/report"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/load"
)

// reviewDate fixes the date the date-dependent rules see.
var reviewDate = time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)

// Memory: -benchmem gives the bytes allocated per run; the peak resident
// memory of a whole `netreview check` is measured with /usr/bin/time -v
// (docs/performance.md), since a benchmark process also holds the generator's
// garbage.

// files caches the generated inputs across benchmarks of one run.
var files sync.Map // "agencies.ext" -> path

var dir = sync.OnceValue(func() string {
	d, err := os.MkdirTemp("", "netreview-bench")
	if err != nil {
		panic(err) // test setup only
	}
	return d
})

func TestMain(m *testing.M) {
	code := m.Run()
	os.RemoveAll(dir())
	os.Exit(code)
}

func large(b *testing.B, agencies int) {
	b.Helper()
	if agencies > 3700 && os.Getenv("NETREVIEW_BENCH_LARGE") == "" {
		b.Skip("set NETREVIEW_BENCH_LARGE=1 for the 37,000-agency model")
	}
}

// input writes the generated model of the given size once, as
// `netreview generate --seed 1 --profile clean` does, and returns its path.
func input(b *testing.B, agencies int, ext string) string {
	return inputOf(b, agencies, ext, generate.Clean(), "clean")
}

// inputOf is input for a profile of the generator.
func inputOf(b *testing.B, agencies int, ext string, p generate.Profile, name string) string {
	b.Helper()
	large(b, agencies)
	key := filepath.Join(dir(), "state"+itoa(agencies)+"-"+name+ext)
	if _, ok := files.Load(key); ok {
		return key
	}
	f, err := os.Create(key)
	if err != nil {
		b.Fatal(err)
	}
	enc := topology.EncodeYAML
	if ext == ".json" {
		enc = topology.EncodeJSONCompact
	}
	if err := enc(f, generate.Statewide(generate.Options{Agencies: agencies, Seed: 1, Profile: p})); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	files.Store(key, true)
	return key
}

func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(buf[i:])
		}
	}
}

func benchLoad(b *testing.B, agencies int, ext string, analyze bool) {
	path := input(b, agencies, ext)
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m := loadFile(b, path)
		if analyze {
			if _, err := analysis.Run(m, analysis.Config{Date: reviewDate}); err != nil {
				b.Fatalf("analysis: %v", err)
			}
		}
	}
}

// loadFile loads one input as `netreview check` does.
func loadFile(b *testing.B, path string) *topology.Model {
	m, _, err := load.Files([]string{path})
	if err != nil {
		b.Fatalf("load: %v", err)
	}
	return m
}

func benchAnalyse(b *testing.B, agencies int, p generate.Profile) {
	large(b, agencies)
	m := generate.Statewide(generate.Options{Agencies: agencies, Seed: 1, Profile: p})
	m.Reindex()
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := analysis.Run(m, analysis.Config{Date: reviewDate}); err != nil {
			b.Fatalf("analysis: %v", err)
		}
	}
}

// The model of 3,700 agencies: about 30,000 devices, 38,000 links, 4,100
// tunnels and 12,400 sites.
func BenchmarkLoadAnalyseJSON3700(b *testing.B) { benchLoad(b, 3700, ".json", true) }
func BenchmarkLoadAnalyseYAML3700(b *testing.B) { benchLoad(b, 3700, ".yaml", true) }
func BenchmarkLoadJSON3700(b *testing.B)        { benchLoad(b, 3700, ".json", false) }
func BenchmarkLoadYAML3700(b *testing.B)        { benchLoad(b, 3700, ".yaml", false) }
func BenchmarkAnalyse3700(b *testing.B)         { benchAnalyse(b, 3700, generate.Clean()) }

// The realistic model of 3,700 agencies (generate's default profile): about
// 36,600 devices, 41,700 links and 29,400 findings.
func BenchmarkAnalyseRealistic3700(b *testing.B) { benchAnalyse(b, 3700, generate.Realistic()) }

// The heavy model of 3,700 agencies (generate's heavy profile, the size of
// issue 16's statewide model): about 37,100 devices, 41,400 links and
// 41,900 findings.
func BenchmarkAnalyseHeavy3700(b *testing.B) { benchAnalyse(b, 3700, generate.Heavy()) }

// Ten times that, under NETREVIEW_BENCH_LARGE=1.
func BenchmarkLoadAnalyseJSON37000(b *testing.B) { benchLoad(b, 37000, ".json", true) }
func BenchmarkLoadAnalyseYAML37000(b *testing.B) { benchLoad(b, 37000, ".yaml", true) }
func BenchmarkLoadJSON37000(b *testing.B)        { benchLoad(b, 37000, ".json", false) }
func BenchmarkAnalyse37000(b *testing.B)         { benchAnalyse(b, 37000, generate.Clean()) }
func BenchmarkAnalyseRealistic37000(b *testing.B) {
	benchAnalyse(b, 37000, generate.Realistic())
}
func BenchmarkAnalyseHeavy37000(b *testing.B) { benchAnalyse(b, 37000, generate.Heavy()) }

// benchDecode decodes the generated JSON file as the given path: ".json"
// takes the JSON parser, ".yaml" takes yaml/v3 (which reads JSON as YAML),
// the way every JSON file was decoded before the JSON parser.
func benchDecode(b *testing.B, as string) {
	data, err := os.ReadFile(input(b, 3700, ".json"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := topology.Decode("state"+as, data); err != nil {
			b.Fatal(err)
		}
	}
}

// Decoding alone (no merge, no validation), the JSON text of the 3,700-agency
// model through each parser.
func BenchmarkDecodeJSON3700(b *testing.B)       { benchDecode(b, ".json") }
func BenchmarkDecodeJSONAsYAML3700(b *testing.B) { benchDecode(b, ".yaml") }

// BenchmarkCheckJSON3700 is what `netreview check state.json` does: load,
// analyze and print the text report (to io.Discard).
func BenchmarkCheckJSON3700(b *testing.B) {
	path := input(b, 3700, ".json")
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := analysis.Run(loadFile(b, path), analysis.Config{Date: reviewDate})
		if err != nil {
			b.Fatalf("analysis: %v", err)
		}
		if err := report.Text(io.Discard, res, report.TextOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchCheck is what `netreview check --format FORMAT state.json` does on
// the model of a profile: load, analyze, and write the findings (to a
// discarding writer), for each output form.
func benchCheck(b *testing.B, agencies int, profile string, write func(io.Writer, *analysis.Result) error) {
	p, err := generate.ParseProfile(profile)
	if err != nil {
		b.Fatal(err)
	}
	path := inputOf(b, agencies, ".json", p, profile)
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := analysis.Run(loadFile(b, path), analysis.Config{Date: reviewDate})
		if err != nil {
			b.Fatalf("analysis: %v", err)
		}
		if err := write(io.Discard, res); err != nil {
			b.Fatal(err)
		}
	}
}

// text is report.Text with the options of `check --format text` to a file.
func text(w io.Writer, r *analysis.Result) error { return report.Text(w, r, report.TextOptions{}) }

func BenchmarkCheckRealisticJSON3700(b *testing.B) { benchCheck(b, 3700, "realistic", report.JSON) }
func BenchmarkCheckRealisticText3700(b *testing.B) { benchCheck(b, 3700, "realistic", text) }
func BenchmarkCheckRealisticMarkdown3700(b *testing.B) {
	benchCheck(b, 3700, "realistic", report.Markdown)
}
func BenchmarkCheckRealisticJSON37000(b *testing.B) { benchCheck(b, 37000, "realistic", report.JSON) }

// The same on the heavy model, the 42,000 and 420,000 findings.
func BenchmarkCheckHeavyJSON3700(b *testing.B)      { benchCheck(b, 3700, "heavy", report.JSON) }
func BenchmarkCheckHeavyText3700(b *testing.B)      { benchCheck(b, 3700, "heavy", text) }
func BenchmarkCheckHeavyMarkdown3700(b *testing.B)  { benchCheck(b, 3700, "heavy", report.Markdown) }
func BenchmarkCheckHeavyJSON37000(b *testing.B)     { benchCheck(b, 37000, "heavy", report.JSON) }
func BenchmarkCheckHeavyText37000(b *testing.B)     { benchCheck(b, 37000, "heavy", text) }
func BenchmarkCheckHeavyMarkdown37000(b *testing.B) { benchCheck(b, 37000, "heavy", report.Markdown) }
