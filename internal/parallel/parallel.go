// Package parallel runs independent pieces of work side by side, on as
// many goroutines as the program may run at once.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Run runs the tasks on up to GOMAXPROCS goroutines, each taking the next
// task in order when it is free, and returns when all have run. With one
// processor, or one task, they run one after another on the caller's
// goroutine. Tasks that wait for one another must be ordered so that a
// task is taken before any task that waits for it.
func Run(tasks ...func()) { RunOn(runtime.GOMAXPROCS(0), tasks...) }

// RunOn is Run on up to procs goroutines.
func RunOn(procs int, tasks ...func()) {
	workers := min(procs, len(tasks))
	if workers <= 1 {
		for _, t := range tasks {
			t()
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(tasks) {
					return
				}
				tasks[i]()
			}
		})
	}
	wg.Wait()
}

// Split cuts [0, n) into up to pieces ranges of nearly equal length, none
// shorter than least unless n is, in order, and calls each(lo, hi) for
// each range in turn (the calls are not concurrent: each typically makes a
// task for Run).
func Split(n, pieces, least int, each func(lo, hi int)) {
	k := max(1, min(pieces, n/max(least, 1)))
	for i := range k {
		each(i*n/k, (i+1)*n/k)
	}
}

// Task is a piece of work for RunGraph: Run runs once every task that
// After lists (by index) has run. Of the tasks ready at once, the one of
// highest Priority runs first, then the first listed.
type Task struct {
	Run      func()
	After    []int
	Priority int
}

// RunGraph runs the tasks on up to GOMAXPROCS goroutines, each after the
// tasks it waits for, and returns when all have run: a goroutine that is
// free takes the best task that is ready, rather than wait for one that is
// not. The tasks must not wait for one another in a cycle.
func RunGraph(tasks []Task) { RunGraphOn(runtime.GOMAXPROCS(0), tasks) }

// RunGraphOn is RunGraph on up to procs goroutines. With one, the tasks run
// on the caller's goroutine, in the order RunGraph prefers.
func RunGraphOn(procs int, tasks []Task) {
	g := &taskGraph{tasks: tasks, waiting: make([]int, len(tasks)), next: make([][]int, len(tasks)), left: len(tasks)}
	g.wake = sync.NewCond(&g.mu)
	for i, t := range tasks {
		g.waiting[i] = len(t.After)
		for _, j := range t.After {
			g.next[j] = append(g.next[j], i)
		}
		if len(t.After) == 0 {
			g.ready = append(g.ready, i)
		}
	}
	workers := min(procs, len(tasks))
	if workers <= 1 {
		g.work()
		return
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(g.work)
	}
	wg.Wait()
}

// taskGraph is the state of a RunGraph: how many tasks each still waits
// for, which wait for each, and which are ready.
type taskGraph struct {
	tasks   []Task
	waiting []int
	next    [][]int
	mu      sync.Mutex
	wake    *sync.Cond
	ready   []int // unordered; best picks from it
	left    int   // tasks not yet run to the end
}

// work runs ready tasks until every task has run.
func (g *taskGraph) work() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for {
		for len(g.ready) == 0 && g.left > 0 {
			g.wake.Wait()
		}
		if g.left == 0 {
			return
		}
		i := g.best()
		g.mu.Unlock()
		g.tasks[i].Run()
		g.mu.Lock()
		g.left--
		for _, k := range g.next[i] {
			if g.waiting[k]--; g.waiting[k] == 0 {
				g.ready = append(g.ready, k)
			}
		}
		g.wake.Broadcast()
	}
}

// best removes and returns the ready task to run first: a few tens of
// tasks are ready at most, so a scan serves.
func (g *taskGraph) best() int {
	b := 0
	for k, i := range g.ready {
		j := g.ready[b]
		if p, q := g.tasks[i].Priority, g.tasks[j].Priority; p > q || p == q && i < j {
			b = k
		}
	}
	i := g.ready[b]
	g.ready = append(g.ready[:b], g.ready[b+1:]...)
	return i
}
