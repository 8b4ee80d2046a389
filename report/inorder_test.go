package report

import (
	"bufio"
	"bytes"
	"errors"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// item is the test encoding of item i: lengths vary, so that batches do.
func item(i int) string { return strconv.Itoa(i) + strings.Repeat("x", i%7) + "\n" }

func TestWriteInOrder(t *testing.T) {
	for _, n := range []int{0, 1, inOrderBatch - 1, inOrderBatch, inOrderBatch + 1, 10*inOrderBatch + 3, 20000} {
		var want strings.Builder
		for i := range n {
			want.WriteString(item(i))
		}
		for _, procs := range []int{1, 2, 3, 8} {
			var out bytes.Buffer
			w := bufio.NewWriter(&out)
			var encoders atomic.Int64
			writeInOrderOn(procs, w, n, func(b textSink) func(int) {
				encoders.Add(1) // once a batch
				return func(i int) { b.WriteString(item(i)) }
			})
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if out.String() != want.String() {
				t.Errorf("n=%d procs=%d: output differs from one at a time (%d bytes, want %d)", n, procs, out.Len(), want.Len())
			}
			if procs > 1 && n > inOrderBatch && encoders.Load() != int64((n+inOrderBatch-1)/inOrderBatch) {
				t.Errorf("n=%d procs=%d: %d encoders, want one a batch", n, procs, encoders.Load())
			}
		}
	}
}

// failAfter fails every write once limit bytes have been written.
type failAfter struct{ n, limit int }

var errFull = errors.New("disk full")

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n+len(p) > f.limit {
		return 0, errFull
	}
	f.n += len(p)
	return len(p), nil
}

func TestWriteInOrderStopsAfterAFailedWrite(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		fw := &failAfter{limit: 10000}
		w := bufio.NewWriterSize(fw, 512)
		writeInOrderOn(procs, w, 100*inOrderBatch, func(b textSink) func(int) {
			return func(i int) { b.WriteString(item(i)) }
		})
		if err := w.Flush(); !errors.Is(err, errFull) {
			t.Errorf("procs=%d: Flush = %v, want the write's error", procs, err)
		}
	}
}
