package report

import (
	"bufio"
	"bytes"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// textSink is what the writers of findings write to: a buffered writer for
// the document, or a batch's buffer when findings are encoded side by side
// (writeInOrder).
type textSink interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// inOrderBatch is how many findings one task of writeInOrder encodes: large
// enough that a task costs far more than handing it out, small enough that
// the batches in flight are a few hundred kilobytes.
const inOrderBatch = 256

// writeInOrder writes n items to w, in order, each encoded by the
// function that encoder(b) returns for the buffer b: encoder is called
// once for each batch, so that its function may keep state (a scratch
// buffer) from one item to the next. With more than one processor and more than one batch of
// items, batches of inOrderBatch items are encoded on up to GOMAXPROCS
// goroutines and written as each is ready, in order, so that the output is
// the same bytes as encoding them one after another; at most two batches a
// goroutine wait to be written, so memory does not grow with n. After a
// write fails, the rest is neither encoded nor written; the error is
// w's (a bufio.Writer keeps it for Flush).
func writeInOrder(w *bufio.Writer, n int, encoder func(b textSink) func(i int)) {
	writeInOrderOn(runtime.GOMAXPROCS(0), w, n, encoder)
}

// writeInOrderOn is writeInOrder on up to procs goroutines.
func writeInOrderOn(procs int, w *bufio.Writer, n int, encoder func(b textSink) func(i int)) {
	batches := (n + inOrderBatch - 1) / inOrderBatch
	workers := min(procs, batches)
	if workers <= 1 {
		enc := encoder(w)
		for i := range n {
			enc(i)
		}
		return
	}
	window := 2 * workers
	tokens := make(chan struct{}, window) // a batch taken and not yet written holds one
	free := make(chan *bytes.Buffer, window)
	ready := make([]chan *bytes.Buffer, batches)
	for k := range ready {
		ready[k] = make(chan *bytes.Buffer, 1)
	}
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				tokens <- struct{}{}
				k := int(next.Add(1) - 1)
				if k >= batches {
					<-tokens
					return
				}
				var b *bytes.Buffer
				select {
				case b = <-free:
					b.Reset()
				default:
					b = new(bytes.Buffer)
				}
				if !failed.Load() {
					enc := encoder(b)
					for i := k * inOrderBatch; i < min(n, (k+1)*inOrderBatch); i++ {
						enc(i)
					}
				}
				ready[k] <- b
			}
		})
	}
	// Batch k is always taken before it is waited for, or can be: the
	// batches taken are 0..next-1, and each holds a token until written.
	for k := range ready {
		b := <-ready[k]
		if !failed.Load() {
			if _, err := w.Write(b.Bytes()); err != nil {
				failed.Store(true)
			}
		}
		free <- b
		<-tokens
	}
	wg.Wait()
}
