package parallel

import (
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"
)

func TestRunRunsEveryTaskOnce(t *testing.T) {
	for _, procs := range []int{1, 2, 8} {
		for _, n := range []int{0, 1, 2, 3, 17} {
			counts := make([]atomic.Int32, n)
			tasks := make([]func(), n)
			for i := range tasks {
				tasks[i] = func() { counts[i].Add(1) }
			}
			RunOn(procs, tasks...)
			for i := range counts {
				if c := counts[i].Load(); c != 1 {
					t.Errorf("procs=%d n=%d: task %d ran %d times", procs, n, i, c)
				}
			}
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		n, pieces, least int
		want             [][2]int
	}{
		{0, 2, 10, [][2]int{{0, 0}}},
		{5, 2, 10, [][2]int{{0, 5}}},
		{20, 2, 10, [][2]int{{0, 10}, {10, 20}}},
		{25, 4, 10, [][2]int{{0, 12}, {12, 25}}},
		{10, 3, 0, [][2]int{{0, 3}, {3, 6}, {6, 10}}},
	}
	for _, tt := range tests {
		var got [][2]int
		Split(tt.n, tt.pieces, tt.least, func(lo, hi int) { got = append(got, [2]int{lo, hi}) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("Split(%d, %d, %d) = %v, want %v", tt.n, tt.pieces, tt.least, got, tt.want)
		}
	}
}

// TestRunGraphOrder runs random graphs of tasks and checks that each task
// runs once, after every task it waits for.
func TestRunGraphOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		n := 1 + r.IntN(30)
		tasks := make([]Task, n)
		var clock atomic.Int64
		started, ended := make([]int64, n), make([]int64, n)
		runs := make([]atomic.Int32, n)
		for i := range tasks {
			for j := range i { // edges go forward only: no cycles
				if r.IntN(4) == 0 {
					tasks[i].After = append(tasks[i].After, j)
				}
			}
			tasks[i].Priority = r.IntN(3)
			tasks[i].Run = func() {
				runs[i].Add(1)
				started[i] = clock.Add(1)
				ended[i] = clock.Add(1)
			}
		}
		procs := 1 + trial%4
		RunGraphOn(procs, tasks)
		for i, tk := range tasks {
			if c := runs[i].Load(); c != 1 {
				t.Fatalf("trial %d: task %d ran %d times", trial, i, c)
			}
			for _, j := range tk.After {
				if started[i] < ended[j] {
					t.Fatalf("trial %d (%d procs): task %d started before task %d, which it waits for, ended", trial, procs, i, j)
				}
			}
		}
	}
}

// TestRunGraphPriority checks the order one goroutine takes ready tasks
// in: the highest priority first, then the first listed.
func TestRunGraphPriority(t *testing.T) {
	var order []int
	task := func(i, prio int, after ...int) Task {
		return Task{Run: func() { order = append(order, i) }, Priority: prio, After: after}
	}
	RunGraphOn(1, []Task{
		task(0, 0),
		task(1, 5),
		task(2, 1, 1),
		task(3, 9, 0),
		task(4, 1),
	})
	if want := []int{1, 2, 4, 0, 3}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
}
