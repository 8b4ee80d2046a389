package layout

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var benchDOT = flag.String("dot", "", "comma-separated DOT files for BenchmarkLayout, beside render/testdata's")

// BenchmarkLayout lays out DOT in this process, its WebAssembly module
// loaded and its Graphviz context started: the layout itself, without the
// helper's start. Each file is a sub-benchmark, with the engine of its
// layout attribute; cpu-ms/op is the process's CPU time (user and system,
// every thread), steadier than the wall time on a shared machine. The
// diagrams of docs/performance.md:
//
//	go test -run '^$' -bench Layout -count 6 ./internal/layout -args -dot agency.dot,counties.dot
func BenchmarkLayout(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "render", "testdata", "*.dot"))
	if *benchDOT != "" {
		files = append(files, strings.Split(*benchDOT, ",")...)
	}
	l := New()
	defer l.Close()
	for _, f := range files {
		dot, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		engine := "dot"
		if m := layoutAttr.FindSubmatch(dot); m != nil {
			engine = string(m[1])
		}
		b.Run(strings.TrimSuffix(filepath.Base(f), ".dot"), func(b *testing.B) {
			ctx := context.Background()
			if _, err := l.Layout(ctx, dot, engine, "svg"); err != nil { // the context, started
				b.Fatal(err)
			}
			cpu, _ := processCPU()
			for b.Loop() {
				if _, err := l.Layout(ctx, dot, engine, "svg"); err != nil {
					b.Fatal(err)
				}
			}
			end, _ := processCPU()
			b.ReportMetric(float64(end-cpu)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}

// layoutAttr finds a graph's layout engine in netreview's DOT.
var layoutAttr = regexp.MustCompile(`\blayout="(dot|sfdp|neato|fdp)"`)
