package topology

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"sync"

	yaml "go.yaml.in/yaml/v3"
)

// A large streamed list (the devices or links of a statewide file) is
// parsed and walked in pieces, side by side, each by a parser and a walker
// of its own, and the pieces are joined in order: the same elements, in
// the same order, with the same places and errors, as one parser gives.
//
// The pieces are cut where one element ends and the next begins
// ("}", then a comma, then "{", between blanks), near equal shares of the
// list's bytes, found by a scan that knows only strings and brackets. A
// cut inside a string could look like a boundary: so each piece but the
// last must end exactly at the next cut, one element after another from a
// cut known to be sound (the list's start), which proves the cut sound. A
// piece that does not, and any syntax error, sends the whole list to the
// one parser, from its start: errors are always those it gives.

// jsonSplit is how a parser may cut its streamed lists into pieces.
type jsonSplit struct {
	// fork returns a walker for the elements of one piece. Its keep adds
	// what it walked to the document, after the pieces before it; a piece
	// that is not kept is dropped.
	fork func() streamPart
	// least is the fewest bytes of a list, and of a piece, worth a
	// goroutine.
	least int
	// pieces is how many pieces to cut a list into, at most.
	pieces int
}

// streamPart is the walker of a piece of a list.
type streamPart struct {
	stream func(key string, n *yaml.Node)
	keep   func()
}

// splitLeast is jsonSplit.least for decoding: below a quarter of a
// megabyte a list parses in a couple of milliseconds.
const splitLeast = 256 << 10

// splitList parses the elements of the streamed list under key, whose
// first element is at the offset, in pieces side by side, and reports
// whether it did; then the parser is past the list's closing bracket, and
// each piece was kept, in order. When it reports false, nothing was kept
// and the parser is where it was.
func (p *jsonParser) splitList(depth int, key string) bool {
	sp := p.split
	if sp == nil || len(p.data)-p.off < sp.least {
		return false
	}
	end, ok := p.ends.end(p.off)
	if !ok {
		end, ok = skipList(p.data, p.off)
	}
	if !ok || end-p.off < sp.least {
		return false
	}
	cuts := []int{p.off}
	pieces := min(sp.pieces, (end-p.off)/sp.least)
	for k := 1; k < pieces; k++ {
		at := p.off + (end-p.off)*k/pieces
		if c := nextElement(p.data, max(at, cuts[len(cuts)-1]+1), end); c > 0 {
			cuts = append(cuts, c)
		}
	}
	if len(cuts) < 2 {
		return false
	}
	// Each piece starts where the one before it does, moved on over that
	// piece's bytes: the first at p's own place, so that no piece counts
	// the lines and characters of the file before the list.
	parsers := make([]*jsonParser, len(cuts))
	parts := make([]streamPart, len(cuts))
	done := make([]bool, len(cuts))
	starts := make([]*jsonParser, len(cuts))
	starts[0] = &jsonParser{file: p.file, data: p.data, text: p.text, off: p.off, line: p.line, lineStart: p.lineStart, cont: p.cont}
	for i := 1; i < len(cuts); i++ {
		starts[i] = starts[i-1].at(cuts[i])
	}
	var wg sync.WaitGroup
	for i := range cuts {
		parts[i] = sp.fork()
		limit := -1 // the last piece ends at the closing bracket
		if i+1 < len(cuts) {
			limit = cuts[i+1]
		}
		wg.Go(func() {
			q := starts[i]
			q.stream = parts[i].stream
			parsers[i] = q
			done[i] = q.piece(depth, key, limit)
		})
	}
	wg.Wait()
	for i := range done {
		if !done[i] {
			return false
		}
	}
	last := parsers[len(parsers)-1]
	if last.off != end {
		return false
	}
	for _, part := range parts {
		part.keep()
	}
	p.off, p.line, p.lineStart, p.cont = last.off, last.line, last.lineStart, last.cont
	return true
}

// at returns a parser of p's text at off, an element's first byte at or
// after p's place, with the line and column that p would have there: it
// reads the bytes from p's place to off only.
func (p *jsonParser) at(off int) *jsonParser {
	q := &jsonParser{file: p.file, data: p.data, text: p.text, off: off, line: p.line, lineStart: p.lineStart, cont: p.cont}
	between := p.data[p.off:off]
	// The parser counts the continuation bytes of the UTF-8 in strings; a
	// line before the offset holds no other (or the parse fails before).
	if n := bytes.Count(between, []byte{'\n'}); n > 0 {
		q.line += n
		q.lineStart = p.off + lastNewline(between) + 1
		q.cont = continuationBytes(p.data[q.lineStart:off])
	} else {
		q.cont += continuationBytes(between)
	}
	return q
}

// lastNewline is bytes.LastIndexByte(b, '\n'), searching back a block at
// a time with the faster forward search: the last newline may be
// megabytes back.
func lastNewline(b []byte) int {
	const block = 4096
	for end := len(b); end > 0; end -= block {
		start := max(0, end-block)
		if bytes.IndexByte(b[start:end], '\n') >= 0 {
			return start + bytes.LastIndexByte(b[start:end], '\n')
		}
	}
	return -1
}

// continuationBytes counts the bytes 10xxxxxx of b, 32 at a time, and
// skips ASCII quickly: a compact file is one line of megabytes.
func continuationBytes(b []byte) int {
	const high = 0x8080808080808080
	n := 0
	for len(b) >= 32 {
		w0, w1 := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
		w2, w3 := binary.LittleEndian.Uint64(b[16:]), binary.LittleEndian.Uint64(b[24:])
		if (w0|w1|w2|w3)&high != 0 {
			// Bit 7 set and bit 6 clear, in each byte.
			n += bits.OnesCount64(w0&high&^(w0<<1)) + bits.OnesCount64(w1&high&^(w1<<1)) +
				bits.OnesCount64(w2&high&^(w2<<1)) + bits.OnesCount64(w3&high&^(w3<<1))
		}
		b = b[32:]
	}
	for _, c := range b {
		if c&0xC0 == 0x80 {
			n++
		}
	}
	return n
}

// piece parses elements of the streamed list under key from the offset,
// handing each to the stream, up to the element that ends just before
// limit, or, when limit is negative, to the list's closing bracket. It
// reports whether the elements ended there, without error.
func (p *jsonParser) piece(depth int, key string, limit int) bool {
	for {
		p.space()
		m := p.mark()
		v := p.value(depth + 1)
		if p.err != nil {
			return false
		}
		p.stream(key, v)
		p.release(m)
		if !p.next(nil, nil, ']') {
			return p.err == nil && limit < 0
		}
		if limit >= 0 {
			p.space()
			if p.off >= limit {
				return p.off == limit
			}
		}
	}
}

// listEnds is where the lists that are values of the top-level mapping
// end, found ahead of the parser by a goroutine that follows strings and
// brackets only (scanLists): when the parser reaches a large list, the
// list's end, which its pieces need, is known already, or soon. A nil
// *listEnds knows no end.
type listEnds struct {
	mu   sync.Mutex
	more *sync.Cond
	ends map[int]int // a list's first element (or its "]") -> just past its "]"
	upTo int         // every list that starts before upTo is in ends
	done bool        // the scan has ended, at the end or at something odd
}

// scanLists starts the scan of the top-level mapping that opens at off.
func scanLists(data []byte, off int) *listEnds {
	l := &listEnds{ends: map[int]int{}}
	l.more = sync.NewCond(&l.mu)
	go l.scan(data, off)
	return l
}

// end returns the end of the list whose first element is at off, waiting
// for the scan to pass off, and whether the scan found it.
func (l *listEnds) end(off int) (int, bool) {
	if l == nil {
		return 0, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for !l.done && l.upTo <= off {
		l.more.Wait()
	}
	e, ok := l.ends[off]
	return e, ok
}

func (l *listEnds) scan(data []byte, i int) {
	defer func() {
		l.mu.Lock()
		l.done = true
		l.mu.Unlock()
		l.more.Broadcast()
	}()
	n := len(data)
	i++ // the "{"
	for {
		i = skipBlanks(data, i, n)
		if i >= n || data[i] != '"' {
			return
		}
		j, ok := stringEnd(data, i)
		if !ok {
			return
		}
		i = skipBlanks(data, j+1, n)
		if i >= n || data[i] != ':' {
			return
		}
		i = skipBlanks(data, i+1, n)
		if i >= n {
			return
		}
		first, end := -1, 0
		switch data[i] {
		case '[':
			first = skipBlanks(data, i+1, n)
			end, ok = skipList(data, first)
		case '{':
			end, ok = skipNested(data, i+1, '}')
		case '"':
			end, ok = stringEnd(data, i)
			end++
		default: // a number, true, false or null
			end = i
			for end < n && !scalarEnd(data[end]) {
				end++
			}
		}
		if !ok {
			return
		}
		l.mu.Lock()
		if first >= 0 {
			l.ends[first] = end
		}
		l.upTo = end
		l.mu.Unlock()
		l.more.Broadcast()
		i = skipBlanks(data, end, n)
		if i >= n || data[i] != ',' {
			return
		}
		i++
	}
}

// skipList returns the offset just past the closing bracket of the list
// whose first element is at off, and whether it found one: it follows
// strings (with their escapes) and brackets only, checking nothing else.
func skipList(data []byte, off int) (int, bool) { return skipNested(data, off, ']') }

// skipNested is skipList for a list or a mapping, by its closing bracket.
func skipNested(data []byte, off int, closing byte) (int, bool) {
	depth := 1
	for i := off; i < len(data); i++ {
		switch data[i] {
		case '"':
			j, ok := stringEnd(data, i)
			if !ok {
				return 0, false
			}
			i = j
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				return i + 1, data[i] == closing
			}
		}
	}
	return 0, false
}

// stringEnd returns the offset of the quote that closes the string opened
// at i.
func stringEnd(data []byte, i int) (int, bool) {
	for {
		j := bytes.IndexByte(data[i+1:], '"')
		if j < 0 {
			return 0, false
		}
		i += 1 + j
		escapes := 0
		for k := i - 1; k >= 0 && data[k] == '\\'; k-- {
			escapes++
		}
		if escapes%2 == 0 {
			return i, true
		}
	}
}

// nextElement returns the offset of the first "{" at or after from that
// follows "}", a comma and blanks, if one is before end, or -1.
func nextElement(data []byte, from, end int) int {
	for i := from; i < end; {
		j := bytes.IndexByte(data[i:end], '}')
		if j < 0 {
			return -1
		}
		k := i + j + 1
		k = skipBlanks(data, k, end)
		if k < end && data[k] == ',' {
			k = skipBlanks(data, k+1, end)
			if k < end && data[k] == '{' {
				return k
			}
		}
		i += j + 1
	}
	return -1
}

// scalarEnd reports whether c ends a number or a literal.
func scalarEnd(c byte) bool {
	switch c {
	case ',', '}', ']', ' ', '\t', '\r', '\n':
		return true
	}
	return false
}

func skipBlanks(data []byte, i, end int) int {
	for i < end && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
		i++
	}
	return i
}
