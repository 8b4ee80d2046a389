package layout

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// phase is one step of a helper run and the time it took: wall-clock time
// and the CPU time (user and system, all threads) of the process.
type phase struct {
	name      string
	wall, cpu time.Duration
}

// stopwatch times the phases of a helper run for -trace. A nil stopwatch
// times nothing, so the code it times need not check.
type stopwatch struct {
	phases []phase
	wall   time.Time     // when the current phase began
	cpu    time.Duration // the process's CPU time then
	hasCPU bool          // whether the platform reports CPU time
}

// newStopwatch starts timing. The CPU time the process used before it
// (the Go runtime's start and the initialization of every package,
// go-graphviz's WebAssembly module among them) is the phase "start".
func newStopwatch() *stopwatch {
	cpu, ok := processCPU()
	s := &stopwatch{wall: time.Now(), cpu: cpu, hasCPU: ok}
	s.phases = append(s.phases, phase{name: "start", wall: -1, cpu: cpu})
	return s
}

// lap ends the current phase, naming it, and begins the next.
func (s *stopwatch) lap(name string) {
	if s == nil {
		return
	}
	now := time.Now()
	cpu, _ := processCPU()
	s.phases = append(s.phases, phase{name: name, wall: now.Sub(s.wall), cpu: cpu - s.cpu})
	s.wall, s.cpu = now, cpu
}

// write writes the phases and their total to w, one line each, and where
// go-graphviz keeps its compiled module.
func (s *stopwatch) write(w io.Writer) {
	if s == nil {
		return
	}
	ms := func(d time.Duration, known bool) string {
		if !known || d < 0 {
			return "      -"
		}
		return fmt.Sprintf("%7.1f", float64(d)/float64(time.Millisecond))
	}
	var wall, cpu time.Duration
	fmt.Fprintf(w, "netreview-graphviz: trace: %-24s %10s %9s\n", "phase", "wall ms", "cpu ms")
	for _, p := range s.phases {
		fmt.Fprintf(w, "netreview-graphviz: trace: %-24s %10s %9s\n", p.name, ms(p.wall, true), ms(p.cpu, s.hasCPU))
		wall += max(p.wall, 0)
		cpu += p.cpu
	}
	fmt.Fprintf(w, "netreview-graphviz: trace: %-24s %10s %9s\n", "total", ms(wall, true), ms(cpu, s.hasCPU))
	fmt.Fprintf(w, "netreview-graphviz: trace: compiled module cache: %s\n", cacheState(filepath.Join(os.TempDir(), "go-graphviz")))
}

// cacheState says whether dir, where go-graphviz keeps the WebAssembly
// module it compiled, holds a compiled module.
func cacheState(dir string) string {
	if fi, err := os.Stat(filepath.Dir(dir)); err != nil || !fi.IsDir() {
		return "off (the temporary directory is " + filepath.Dir(dir) + "): every run compiles the module, about 1 s of CPU"
	}
	entries, _ := filepath.Glob(filepath.Join(dir, "wazero-*", "*"))
	if len(entries) == 0 {
		return dir + " (empty: this run compiled the module, or could not keep it)"
	}
	return fmt.Sprintf("%s (%d compiled)", dir, len(entries))
}
