package analysis

import (
	"sync"
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

// taskOrder is the work of a Run as tasks, in the order the workers of
// parallel.Run takes them: the passes that require none first (the
// graphs), the rules that require no pass (which run while the graphs are
// built), the other passes (the independent ones run side by side), then
// the rules that read them. runRule(k) runs enabled[k].
func taskOrder(enabled []*Rule, s *session, runRule func(k int)) []func() {
	lists := [][]passDef{{redundancyPass}}
	for _, r := range enabled {
		lists = append(lists, r.requires)
	}
	passes := closure(lists...)
	var tasks []func()
	pass := func(c passDef) func() { return func() { s.result(c) } }
	rule := func(k int) func() { return func() { runRule(k) } }
	for _, c := range passes {
		if len(c.passRequires()) == 0 {
			tasks = append(tasks, pass(c))
		}
	}
	for k, r := range enabled {
		if len(r.requires) == 0 {
			tasks = append(tasks, rule(k))
		}
	}
	for _, c := range passes {
		if len(c.passRequires()) > 0 {
			tasks = append(tasks, pass(c))
		}
	}
	for k, r := range enabled {
		if len(r.requires) > 0 {
			tasks = append(tasks, rule(k))
		}
	}
	return tasks
}
