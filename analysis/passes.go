package analysis

import (
	"fmt"
	"sync"

	"github.com/netreview/netreview/topology"
)

// A computation is a pass whose result several rules share, in the manner
// of an analyzer of golang.org/x/tools/go/analysis that has a result: the
// CJI graph, the exposure search, the redundancy sites and their cuts, the
// boundary reach. It has a name (the Progress step that reports it), a doc,
// the passes it requires, and a run function that reads the model and the
// results of those passes and returns its own, of type T.
//
// A computation runs at most once per Run, and only when a rule that runs
// requires it (directly or through another pass), or Run itself needs it
// for Result.Redundancy.
type computation[T any] struct {
	name     string
	doc      string
	requires []passDef
	run      func(in *inputs) T
}

// passDef is a computation of any result type, as Requires lists name them.
type passDef interface {
	passName() string
	passDoc() string
	passRequires() []passDef
	runAny(in *inputs) any
}

func (c *computation[T]) passName() string        { return c.name }
func (c *computation[T]) passDoc() string         { return c.doc }
func (c *computation[T]) passRequires() []passDef { return c.requires }
func (c *computation[T]) runAny(in *inputs) any   { return c.run(in) }

// inputs is what a rule or a pass reads: the model, and the results of the
// passes it declares in its requires, from the session that holds them.
type inputs struct {
	Model    *topology.Model
	s        *session
	owner    string    // the rule or pass, for the message of a misuse
	declared []passDef // what it may read
}

// reader is a rule's Pass or a pass's inputs.
type reader interface{ inputs() *inputs }

func (in *inputs) inputs() *inputs { return in }

// resultOf returns the result of computation c, which the rule or pass
// reading it must list in its requires.
func resultOf[T any](r reader, c *computation[T]) T {
	in := r.inputs()
	for _, d := range in.declared {
		if d == passDef(c) {
			return in.s.result(c).(T)
		}
	}
	panic(fmt.Sprintf("analysis: %s reads pass %s without requiring it", in.owner, c.name))
}

// session runs the passes of one Run, each at most once, and keeps their
// results. Rules and passes may ask for results from several goroutines at
// once: a pass runs in the first that asks, and the others wait for it.
type session struct {
	model    *topology.Model
	mu       sync.Mutex
	results  map[passDef]*passResult
	progress func(step string) // called before each pass runs
}

// passResult is a pass's result, computed once.
type passResult struct {
	once sync.Once
	v    any
}

func newSession(m *topology.Model, progress func(step string)) *session {
	return &session{model: m, results: map[passDef]*passResult{}, progress: progress}
}

// result runs c, after the passes it requires, unless it has run.
func (s *session) result(c passDef) any {
	s.mu.Lock()
	r := s.results[c]
	if r == nil {
		r = &passResult{}
		s.results[c] = r
	}
	s.mu.Unlock()
	r.once.Do(func() {
		reqs := c.passRequires()
		for _, q := range reqs {
			s.result(q)
		}
		s.progress(c.passName())
		r.v = c.runAny(&inputs{Model: s.model, s: s, owner: "pass " + c.passName(), declared: reqs})
	})
	return r.v
}

// closure returns the passes the requires lists name, with the passes they
// require in turn, each once, every pass after those it requires.
func closure(lists ...[]passDef) []passDef {
	var out []passDef
	seen := map[passDef]bool{}
	var visit func(c passDef)
	visit = func(c passDef) {
		if seen[c] {
			return
		}
		seen[c] = true
		for _, r := range c.passRequires() {
			visit(r)
		}
		out = append(out, c)
	}
	for _, l := range lists {
		for _, c := range l {
			visit(c)
		}
	}
	return out
}
