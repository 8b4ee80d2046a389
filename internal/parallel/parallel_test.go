package parallel

import (
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
