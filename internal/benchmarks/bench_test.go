// Package benchmarks holds end-to-end scale benchmarks on generated models.
package benchmarks

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/generate"
	"github.com/netreview/netreview/topology/load"
)

func write(b *testing.B, agencies int, ext string) string {
	b.Helper()
	if agencies > 3700 && os.Getenv("NETREVIEW_BENCH_LARGE") == "" {
		b.Skip("set NETREVIEW_BENCH_LARGE=1 for the large model")
	}
	path := filepath.Join(b.TempDir(), "state"+ext)
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	enc := topology.EncodeYAML
	if ext == ".json" {
		enc = topology.EncodeJSON
	}
	if err := enc(f, generate.Statewide(generate.Options{Agencies: agencies, Seed: 1})); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

func reportHeap(b *testing.B) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapSys)/(1<<20), "heapsys-MB")
}

func benchLoad(b *testing.B, agencies int, ext string, analyse bool) {
	path := write(b, agencies, ext)
	b.ResetTimer()
	for b.Loop() {
		m, _, err := load.Files([]string{path})
		if err != nil {
			b.Skipf("load: %v", err)
		}
		if analyse {
			if _, err := analysis.Run(m, analysis.Config{}); err != nil {
				b.Skipf("analysis: %v", err)
			}
		}
	}
	reportHeap(b)
}

func BenchmarkLoadAnalyseJSON3700(b *testing.B)  { benchLoad(b, 3700, ".json", true) }
func BenchmarkLoadAnalyseYAML3700(b *testing.B)  { benchLoad(b, 3700, ".yaml", true) }
func BenchmarkLoadAnalyseJSON37000(b *testing.B) { benchLoad(b, 37000, ".json", true) }
func BenchmarkLoadAnalyseYAML37000(b *testing.B) { benchLoad(b, 37000, ".yaml", true) }
func BenchmarkLoadJSON3700(b *testing.B)         { benchLoad(b, 3700, ".json", false) }
func BenchmarkLoadYAML3700(b *testing.B)         { benchLoad(b, 3700, ".yaml", false) }

func BenchmarkAnalyse3700(b *testing.B) {
	m := generate.Statewide(generate.Options{Agencies: 3700, Seed: 1})
	m.Reindex()
	b.ResetTimer()
	for b.Loop() {
		if _, err := analysis.Run(m, analysis.Config{}); err != nil {
			b.Skipf("analysis: %v", err)
		}
	}
	reportHeap(b)
}
