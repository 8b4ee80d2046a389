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
