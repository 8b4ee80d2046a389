package topology

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	yaml "go.yaml.in/yaml/v3"

	"github.com/netreview/netreview/internal/bytescan"
)

// parseJSON parses a JSON document into the same yaml.Node tree that
// go.yaml.in/yaml/v3 builds for it, so that one node walker validates YAML
// and JSON alike. It is strict JSON (RFC 8259): no comments, no trailing
// commas. Every node gets its line and column, counted in characters from 1
// like yaml/v3 does. Nodes and content slices are carved from large blocks,
// and strings are cut from one copy of the text (but those with escapes),
// which keeps a multi-megabyte file to a few hundred allocations. A syntax
// error comes back as an *Error at its place.
func parseJSON(path string, data []byte) (*yaml.Node, *Error) {
	n, _, err := parseJSONStream(path, data, nil, nil)
	return n, err
}

// parseJSONStream is parseJSON handing the elements of the document's lists
// to stream as it parses them, instead of keeping them in the tree. When
// stream is not nil, each element of the first occurrence of a top-level
// key that streamKey accepts, whose value is a list, goes to
// stream(key, element) as soon as it is parsed, and its nodes are reused
// for the next element: stream must keep no reference to them. Those lists
// come back empty in the tree, and listed in streamed. After a syntax error,
// what stream was given is to be discarded. When split is not nil, large
// streamed lists may be parsed in pieces instead (see jsonSplit): their
// elements go to the pieces' walkers, not to stream.
func parseJSONStream(path string, data []byte, stream func(key string, n *yaml.Node), split *jsonSplit) (root *yaml.Node, streamed []*yaml.Node, err *Error) {
	// The values are cut from data itself, which the parser's caller
	// leaves as it is (see DecodeKeep): a copy would be as large as the
	// file.
	text := unsafe.String(unsafe.SliceData(data), len(data))
	p := &jsonParser{file: path, data: data, text: text, line: 1, stream: stream, split: split}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		p.off = 3
		p.lineStart = 3
	}
	p.space()
	if p.off == len(data) {
		return &yaml.Node{}, nil, nil // empty, like yaml/v3 on empty input
	}
	if split != nil && data[p.off] == '{' && len(data)-p.off >= split.least {
		p.ends = scanLists(data, p.off)
	}
	v := p.value(0)
	if p.err != nil {
		return nil, nil, p.err
	}
	p.space()
	if p.off < len(data) {
		p.fail("unexpected %s after the top-level value", p.what())
		return nil, nil, p.err
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: v.Line, Column: v.Column, Content: []*yaml.Node{v}}, p.streamed, nil
}

// streamKey reports whether the elements of a top-level list under key are
// handed to the stream: the lists of elements of the format.
func streamKey(key string) bool {
	for _, w := range listWalkers {
		if w.key == key {
			return true
		}
	}
	return false
}

type jsonParser struct {
	file      string
	data      []byte
	text      string // data as a string, which the values are cut from
	off       int
	line      int
	lineStart int // offset of the current line's first byte
	cont      int // UTF-8 continuation bytes on the current line before off
	err       *Error

	nodeBlock  []yaml.Node  // the block nodes are being handed out from
	nodes      []yaml.Node  // its part not handed out yet
	nodeBlocks int          // blocks of nodes made so far
	ptrBlock   []*yaml.Node // the block content slots are being handed out from
	ptrs       []*yaml.Node // its part not handed out yet
	ptrBlocks  int          // blocks of slots made so far
	stack      []*yaml.Node // children of the open containers

	stream   func(key string, n *yaml.Node)
	split    *jsonSplit      // how large streamed lists may be parsed in pieces, or nil
	ends     *listEnds       // where the top-level lists end, found ahead, or nil
	streamed []*yaml.Node    // the top-level lists whose elements went to stream
	topKeys  map[string]bool // the streamed top-level keys seen so far
}

// mark is a point in the parser's node and slot blocks to go back to: the
// blocks (counted from 1) and how much of them was left.
type mark struct{ nodeBlocks, nodes, ptrBlocks, ptrs int }

func (p *jsonParser) mark() mark {
	return mark{p.nodeBlocks, len(p.nodes), p.ptrBlocks, len(p.ptrs)}
}

// release makes the nodes and content slots handed out since m free for
// reuse. When a block ran out in between, what was handed out from the new
// one is freed, and the rest of the old one is left.
func (p *jsonParser) release(m mark) {
	if m.nodeBlocks == p.nodeBlocks {
		p.nodes = p.nodeBlock[len(p.nodeBlock)-m.nodes:]
	} else {
		p.nodes = p.nodeBlock
	}
	if m.ptrBlocks == p.ptrBlocks {
		p.ptrs = p.ptrBlock[len(p.ptrBlock)-m.ptrs:]
	} else {
		p.ptrs = p.ptrBlock
	}
}

func (p *jsonParser) col() int { return p.off - p.lineStart - p.cont + 1 }

func (p *jsonParser) fail(format string, args ...any) {
	if p.err == nil {
		p.err = Errorf(Pos{File: p.file, Line: p.line, Col: p.col()}, "syntax error: %s", fmt.Sprintf(format, args...))
	}
}

// what names the input at the current offset for an error message.
func (p *jsonParser) what() string {
	if p.off >= len(p.data) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(p.data[p.off:])
	return fmt.Sprintf("%q", r)
}

func (p *jsonParser) node(kind yaml.Kind, tag string) *yaml.Node {
	if len(p.nodes) == 0 {
		p.nodeBlock = make([]yaml.Node, blockSize(p.nodeBlocks, 16, 1024))
		p.nodes = p.nodeBlock
		p.nodeBlocks++
	}
	n := &p.nodes[0]
	p.nodes = p.nodes[1:]
	// It may be reused: every field the parser sets is set again (the
	// others, such as comments, stay zero).
	n.Kind, n.Style, n.Tag, n.Value, n.Content = kind, 0, tag, "", nil
	n.Line, n.Column = p.line, p.col()
	return n
}

// blockSize is the length of the next block after made ones: doubling from
// least up to most, so that a small file takes small blocks.
func blockSize(made, least, most int) int {
	return min(most, least<<min(made, 16))
}

// content moves the children above start off the stack into an exact slice.
func (p *jsonParser) content(start int) []*yaml.Node {
	kids := p.stack[start:]
	n := len(kids)
	if n == 0 {
		return nil
	}
	if len(p.ptrs) < n {
		p.ptrBlock = make([]*yaml.Node, max(n, blockSize(p.ptrBlocks, 64, 4096)))
		p.ptrs = p.ptrBlock
		p.ptrBlocks++
	}
	out := p.ptrs[:n:n]
	p.ptrs = p.ptrs[n:]
	copy(out, kids)
	clear(kids)
	p.stack = p.stack[:start]
	return out
}

func (p *jsonParser) space() {
	for p.off < len(p.data) {
		switch p.data[p.off] {
		case ' ', '\t', '\r':
			p.off++
		case '\n':
			p.off++
			p.line++
			p.lineStart = p.off
			p.cont = 0
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) *yaml.Node {
	if depth > maxJSONDepth {
		p.fail("nesting deeper than %d levels", maxJSONDepth)
		return nil
	}
	if p.off >= len(p.data) {
		p.fail("unexpected end of file, want a value")
		return nil
	}
	switch c := p.data[p.off]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth, "")
	case c == '"':
		n := p.node(yaml.ScalarNode, "!!str")
		n.Style = yaml.DoubleQuotedStyle
		n.Value = p.str()
		return n
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c == 't':
		return p.literal("true", "!!bool")
	case c == 'f':
		return p.literal("false", "!!bool")
	case c == 'n':
		return p.literal("null", "!!null")
	}
	p.fail("unexpected %s, want a value", p.what())
	return nil
}

func (p *jsonParser) literal(word, tag string) *yaml.Node {
	if len(p.data)-p.off < len(word) || string(p.data[p.off:p.off+len(word)]) != word {
		p.fail("unexpected %s, want a value", p.what())
		return nil
	}
	n := p.node(yaml.ScalarNode, tag)
	n.Value = word
	p.off += len(word)
	return n
}

func (p *jsonParser) number() *yaml.Node {
	n := p.node(yaml.ScalarNode, "!!int")
	start := p.off
	digits := func() int {
		s := p.off
		for p.off < len(p.data) && p.data[p.off] >= '0' && p.data[p.off] <= '9' {
			p.off++
		}
		return p.off - s
	}
	if p.data[p.off] == '-' {
		p.off++
	}
	intStart := p.off
	if k := digits(); k == 0 || k > 1 && p.data[intStart] == '0' {
		p.off = intStart
		p.fail("malformed number")
		return nil
	}
	if p.off < len(p.data) && p.data[p.off] == '.' {
		n.Tag = "!!float"
		p.off++
		if digits() == 0 {
			p.fail("malformed number")
			return nil
		}
	}
	if p.off < len(p.data) && (p.data[p.off] == 'e' || p.data[p.off] == 'E') {
		n.Tag = "!!float"
		p.off++
		if p.off < len(p.data) && (p.data[p.off] == '+' || p.data[p.off] == '-') {
			p.off++
		}
		if digits() == 0 {
			p.fail("malformed number")
			return nil
		}
	}
	n.Value = p.text[start:p.off]
	return n
}

// str reads a string at the opening quote.
func (p *jsonParser) str() string {
	p.off++ // opening quote
	start := p.off
	plain := true
	for p.off < len(p.data) {
		i, data := p.off, p.data
		i += bytescan.JSONPlainRun(data[i:], false)
		for i < len(data) && plainByte[data[i]] {
			i++
		}
		p.off = i
		if i == len(data) {
			break
		}
		c := data[i]
		switch {
		case c == '"':
			raw := p.data[start:p.off]
			p.off++
			if !plain {
				return p.unescape(raw)
			}
			return p.text[start : p.off-1]
		case c == '\\':
			plain = false
			p.off += 2
		case c < 0x20:
			p.fail("control character %q in a string", rune(c))
			return ""
		case c >= 0x80:
			r, size := utf8.DecodeRune(p.data[p.off:])
			if r == utf8.RuneError && size <= 1 {
				p.fail("invalid UTF-8 in a string")
				return ""
			}
			p.off += size
			p.cont += size - 1
		}
	}
	p.off = len(p.data)
	p.fail("unterminated string")
	return ""
}

// plainByte tells the bytes that a string holds as they are: printable
// ASCII but the quote and the backslash.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// unescape decodes a string body holding backslash escapes. Errors are
// placed at the string's closing quote.
func (p *jsonParser) unescape(raw []byte) string {
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(raw) {
			break
		}
		switch raw[i] {
		case '"', '\\', '/':
			out = append(out, raw[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(raw[i+1:])
			if !ok {
				p.off--
				p.fail("malformed \\u escape in a string")
				return ""
			}
			i += 4
			if utf16.IsSurrogate(r) {
				if lo, ok := hex4(raw[min(i+3, len(raw)):]); ok && i+2 < len(raw) && raw[i+1] == '\\' && raw[i+2] == 'u' {
					if d := utf16.DecodeRune(r, lo); d != utf8.RuneError {
						r = d
						i += 6
					}
				}
			}
			out = utf8.AppendRune(out, r)
		default:
			p.off--
			p.fail("unknown escape \\%c in a string", raw[i])
			return ""
		}
	}
	return string(out)
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[:4]), 16, 32)
	return rune(n), err == nil
}

// open reads the opening bracket of a mapping or list, and the closing one
// too when it is empty. It returns the node and where its children start on
// the stack.
func (p *jsonParser) open(kind yaml.Kind, tag string, closing byte) (n *yaml.Node, start int, empty bool) {
	n = p.node(kind, tag)
	n.Style = yaml.FlowStyle
	p.off++
	p.space()
	if p.off < len(p.data) && p.data[p.off] == closing {
		p.off++
		return n, 0, true
	}
	return n, len(p.stack), false
}

func (p *jsonParser) object(depth int) *yaml.Node {
	n, start, empty := p.open(yaml.MappingNode, "!!map", '}')
	for !empty && p.err == nil {
		p.space()
		if p.off >= len(p.data) || p.data[p.off] != '"' {
			p.fail("unexpected %s, want a quoted key", p.what())
			break
		}
		k := p.node(yaml.ScalarNode, "!!str")
		k.Style = yaml.DoubleQuotedStyle
		k.Value = p.str()
		p.space()
		if p.off >= len(p.data) || p.data[p.off] != ':' {
			p.fail("unexpected %s, want ':' after a key", p.what())
			break
		}
		p.off++
		p.space()
		var v *yaml.Node
		if p.streams(depth, k.Value) {
			v = p.array(depth+1, k.Value)
			p.streamed = append(p.streamed, v)
		} else {
			v = p.value(depth + 1)
		}
		if p.err != nil || !p.next(v, k, '}') {
			break
		}
	}
	if !empty {
		n.Content = p.content(start)
	}
	return n
}

// streams reports whether the value at the offset, under key in a mapping
// at depth, is a list whose elements go to the stream, and notes the key.
func (p *jsonParser) streams(depth int, key string) bool {
	if p.stream == nil || depth != 0 || !streamKey(key) || p.topKeys[key] {
		return false
	}
	if p.topKeys == nil {
		p.topKeys = map[string]bool{}
	}
	p.topKeys[key] = true
	return p.off < len(p.data) && p.data[p.off] == '['
}

// next ends an entry of a mapping (k: v) or an element of a list (k nil): it
// keeps them, unless v is nil (streamed), and reads the comma before the
// next one, reporting whether there is one, or the closing bracket.
func (p *jsonParser) next(v, k *yaml.Node, closing byte) bool {
	if k != nil {
		p.stack = append(p.stack, k)
	}
	if v != nil {
		p.stack = append(p.stack, v)
	}
	p.space()
	if p.off < len(p.data) && p.data[p.off] == ',' {
		p.off++
		return true
	}
	if p.off < len(p.data) && p.data[p.off] == closing {
		p.off++
		return false
	}
	p.fail("unexpected %s, want ',' or '%c'", p.what(), closing)
	return false
}

// array reads a list; when stream is not "", each element goes to the
// stream under that key instead of into the list.
func (p *jsonParser) array(depth int, stream string) *yaml.Node {
	n, start, empty := p.open(yaml.SequenceNode, "!!seq", ']')
	if !empty && stream != "" && p.splitList(depth, stream) {
		return n
	}
	for !empty && p.err == nil {
		p.space()
		m := p.mark()
		v := p.value(depth + 1)
		if p.err != nil {
			break
		}
		if stream != "" {
			p.stream(stream, v)
			p.release(m)
			v = nil
		}
		if !p.next(v, nil, ']') {
			break
		}
	}
	if !empty {
		n.Content = p.content(start)
	}
	return n
}
