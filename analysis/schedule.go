package analysis

import (
	"sync"

	"github.com/netreview/netreview/internal/parallel"
)

// steps is the Progress steps of a Run of the enabled rules, in the order
// a Run one step at a time takes them: each rule after the passes it
// requires that an earlier rule did not, and the passes of the redundancy
// last.
func steps(enabled []*Rule) []string {
	var order []string
	seen := map[passDef]bool{}
	add := func(reqs []passDef) {
		for _, c := range closure(reqs) {
			if !seen[c] {
				seen[c] = true
				order = append(order, c.passName())
			}
		}
	}
	for _, r := range enabled {
		add(r.requires)
		order = append(order, r.ID)
	}
	add([]passDef{redundancyPass})
	return order
}

// progressInOrder reports the steps of a Run to report (when not nil) in
// the order of steps, whatever order they start in: a step is reported
// once it and every step before it have started.
type progressInOrder struct {
	report  func(step string, done, total int)
	order   []string
	mu      sync.Mutex
	started map[string]bool
	next    int
}

// start records that the step has started and reports the steps that can
// now be.
func (p *progressInOrder) start(step string) {
	if p.report == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.started[step] = true
	for p.next < len(p.order) && p.started[p.order[p.next]] {
		p.report(p.order[p.next], p.next, len(p.order))
		p.next++
	}
}

// taskGraph is the work of a Run as tasks for parallel.RunGraph: every
// pass that the enabled rules and the redundancy require, each after the
// passes it requires, and each rule after the passes it requires. A task
// on which more tasks wait, directly or not, is preferred (the graphs
// first, on which everything structural waits), so that the work that
// holds up the most is done first, and a long rule (Rule.long) before the
// other rules; ties go to the passes in the order they require one
// another, then the rules in their order. runRule(k) runs enabled[k].
func taskGraph(enabled []*Rule, s *session, runRule func(k int)) []parallel.Task {
	lists := [][]passDef{{redundancyPass}}
	for _, r := range enabled {
		lists = append(lists, r.requires)
	}
	passes := closure(lists...)
	at := make(map[passDef]int, len(passes))
	tasks := make([]parallel.Task, 0, len(passes)+len(enabled))
	after := func(reqs []passDef) []int {
		var out []int
		for _, c := range reqs {
			out = append(out, at[c])
		}
		return out
	}
	for _, c := range passes { // each after those it requires
		at[c] = len(tasks)
		tasks = append(tasks, parallel.Task{Run: func() { s.result(c) }, After: after(c.passRequires())})
	}
	for k, r := range enabled {
		prio := 0 // no task waits for a rule
		if r.long {
			prio = 1 // before the other rules
		}
		tasks = append(tasks, parallel.Task{Run: func() { runRule(k) }, After: after(r.requires), Priority: prio})
	}
	// Priority: how many tasks wait for this one, directly or not.
	for i := range tasks {
		waits := make([]bool, len(tasks))
		var mark func(j int)
		mark = func(j int) {
			for _, q := range tasks[j].After {
				if !waits[q] {
					waits[q] = true
					mark(q)
				}
			}
		}
		mark(i)
		for j, w := range waits {
			if w {
				tasks[j].Priority++
			}
		}
	}
	return tasks
}
