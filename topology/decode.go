package topology

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	goyaml "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
	yaml "go.yaml.in/yaml/v3"

	"github.com/netreview/netreview/internal/parallel"
	"github.com/netreview/netreview/internal/yamlnode"
)

// Decode parses one YAML or JSON file into a model fragment. A path ending
// in .json is parsed as strict JSON by a dedicated parser, anything else by
// go.yaml.in/yaml/v3; both build the same node tree, which one walker
// validates. Every element and field gets its place. A YAML file of several
// documents (separated by ---) gives a Document each, as several files
// would; a JSON file is one document. Problems come back as an ErrorList.
// Inputs larger than 256 MB of YAML or 512 MB of JSON, text that is not
// UTF-8, and JSON nested deeper than 64 levels are errors (docs/limits.md).
// The model keeps nothing of data: the caller may change it afterwards.
func Decode(path string, data []byte) (*Model, error) {
	return DecodeKeep(path, bytes.Clone(data))
}

// DecodeKeep is Decode for a caller that hands data over: the strings of a
// JSON file's model are cut from data itself rather than from a copy (a
// statewide file is a hundred megabytes), so data must not be changed
// afterwards. load.Files reads each file for it.
func DecodeKeep(path string, data []byte) (*Model, error) {
	return decode(path, data, true, splitLeast, runtime.GOMAXPROCS(0))
}

// Limits on what Decode reads (see docs/limits.md).
const (
	maxYAMLBytes = 256 << 20 // the largest YAML file: about 11 GB of memory to load
	maxJSONBytes = 512 << 20 // the largest JSON file: about 10 GB of memory to load
	maxJSONDepth = 64        // the deepest nesting of JSON lists and mappings
	// maxReparse is the largest YAML input that is parsed again by
	// goccy/go-yaml for the exact place of a syntax error; it is slow and
	// greedy on deep nesting, so larger or deeply nested inputs get yaml/v3's
	// line.
	maxReparse      = 1 << 20
	maxReparseDepth = 64
)

// decode is Decode; stream has the JSON parser hand the elements of the
// lists to the walker as it parses them rather than build the whole tree
// first (the same result, in less memory), and then lists of least bytes
// or more may be parsed in up to pieces pieces side by side (jsonSplit;
// again the same result).
func decode(path string, data []byte, stream bool, least, pieces int) (*Model, error) {
	d := &decoder{file: path, places: placeBlocks{file: path}}
	m := &Model{}
	start := Pos{File: path, Line: 1, Col: 1}
	isJSON := strings.HasSuffix(strings.ToLower(path), ".json")
	if limit := sizeLimit(isJSON); len(data) > limit {
		return nil, ErrorList{Errorf(start, "the file is %s, more than the %s a proposal may be", byteSize(int64(len(data))), byteSize(int64(limit)))}
	}
	if err := checkEncoding(path, data, isJSON); err != nil {
		return nil, ErrorList{err}
	}
	if isJSON {
		doc := &Document{Path: path, Pos: start, FieldPos: NewFieldPos(len(topFields))}
		m.Docs = []*Document{doc}
		// The elements of the lists are walked as they are parsed, so that
		// the tree of a large file is never whole in memory.
		var walk func(key string, n *yaml.Node)
		var split *jsonSplit
		if stream {
			walk = func(key string, n *yaml.Node) { d.element(key, n, doc, m) }
			if pieces > 1 {
				split = &jsonSplit{fork: d.fork(doc, m), least: least, pieces: pieces}
			}
		}
		n, streamed, err := parseJSONStream(path, data, walk, split)
		if err != nil {
			return nil, ErrorList{err}
		}
		d.streamed = streamed
		d.root(n, doc, m)
	} else {
		roots, err := parseYAML(path, data)
		if err != nil {
			return nil, ErrorList{err}
		}
		for _, n := range roots {
			if len(roots) > 1 && emptyDocument(n) {
				continue // an empty document among others, such as after a final ---
			}
			doc := &Document{Path: path, Pos: start, FieldPos: NewFieldPos(len(topFields))}
			m.Docs = append(m.Docs, doc)
			d.root(n, doc, m)
		}
		if len(m.Docs) == 0 {
			d.root(&yaml.Node{}, &Document{Path: path, Pos: start}, m)
		}
	}
	if len(d.errs) > 0 {
		d.errs.Sort()
		return m, d.errs
	}
	return m, nil
}

// sizeLimit is the largest input Decode reads as JSON or as YAML.
func sizeLimit(isJSON bool) int {
	if isJSON {
		return maxJSONBytes
	}
	return maxYAMLBytes
}

// CheckSize returns an error at path when a file of size bytes is larger
// than Decode reads, so that a loader need not read it first.
func CheckSize(path string, size int64) error {
	limit := sizeLimit(strings.HasSuffix(strings.ToLower(path), ".json"))
	if size > int64(limit) {
		return ErrorList{Errorf(Pos{File: path, Line: 1, Col: 1}, "the file is %s, more than the %s a proposal may be", byteSize(size), byteSize(int64(limit)))}
	}
	return nil
}

// byteSize writes a size in MB (or bytes below a megabyte).
func byteSize(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%d MB", n>>20)
}

// parseYAML parses every document of a YAML stream.
func parseYAML(path string, data []byte) ([]*yaml.Node, *Error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var roots []*yaml.Node
	for {
		n := &yaml.Node{}
		err := dec.Decode(n)
		if err == io.EOF {
			return roots, nil
		}
		if err != nil {
			return nil, syntaxError(path, data, err)
		}
		roots = append(roots, n)
	}
}

// emptyDocument reports whether the document node n holds nothing.
func emptyDocument(n *yaml.Node) bool {
	return n.Kind == 0 || len(n.Content) == 0 || n.Content[0].Kind == yaml.ScalarNode && n.Content[0].Tag == "!!null" && n.Content[0].Value == ""
}

// root walks the document node n of one document.
func (d *decoder) root(n *yaml.Node, doc *Document, m *Model) {
	if n.Kind == 0 || len(n.Content) == 0 {
		d.errs.Add(doc.Pos, "empty document: want a mapping starting with \"netreview: %d\"", FormatVersion)
		return
	}
	top := n.Content[0]
	doc.Pos = d.pos(top)
	if top.Kind != yaml.MappingNode {
		d.errs.Add(d.pos(top), "the document is %s, want a mapping starting with \"netreview: %d\"", yamlnode.Describe(top), FormatVersion)
		return
	}
	d.document(top, doc, m)
}

// checkEncoding reports text that is not UTF-8 at its place: a UTF-16 or
// UTF-32 file, a byte that is not UTF-8 (Latin-1 or Windows-1252 text), a
// NUL or another control character that YAML and JSON do not allow.
func checkEncoding(path string, data []byte, isJSON bool) *Error {
	if len(data) >= 2 && data[0] != 0 && data[1] != 0 && plainTextSideBySide(data, isJSON, runtime.GOMAXPROCS(0), plainPiece) {
		return nil // the common case, without counting lines
	}
	return encodingError(path, data, isJSON)
}

// encodingError is checkEncoding byte by byte, counting lines for the place.
func encodingError(path string, data []byte, isJSON bool) *Error {
	start := Pos{File: path, Line: 1, Col: 1}
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) ||
		len(data) >= 2 && (data[0] == 0 || data[1] == 0) {
		return Errorf(start, "the file is UTF-16 (or UTF-32) text: save it as UTF-8")
	}
	line, lineStart := 1, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				line++
				lineStart = i + 1
			case c < 0x20 && c != '\t' && c != '\r', c == 0x7F && !isJSON:
				p := Pos{File: path, Line: line, Col: utf8.RuneCount(data[lineStart:i]) + 1}
				if c == 0 {
					return Errorf(p, "NUL byte: the file is not text")
				}
				return Errorf(p, "control character %U is not allowed", c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			p := Pos{File: path, Line: line, Col: utf8.RuneCount(data[lineStart:i]) + 1}
			return Errorf(p, "byte 0x%02X is not UTF-8 (Latin-1 or Windows-1252 text?): save the file as UTF-8", c)
		}
		i += size
	}
	return nil
}

// plainTextSideBySide is plainText over data cut into up to pieces pieces
// of at least least bytes, checked side by side. Each cut is moved
// forward to the first byte that is not a continuation byte (10xxxxxx), so
// that a piece of good text ends with a whole character: the pieces are
// all plain text exactly when data is.
func plainTextSideBySide(data []byte, isJSON bool, pieces, least int) bool {
	var cuts []int
	parallel.Split(len(data), pieces, least, func(lo, _ int) {
		for lo > 0 && lo < len(data) && data[lo]&0xC0 == 0x80 {
			lo++
		}
		cuts = append(cuts, lo)
	})
	cuts = append(cuts, len(data))
	ok := make([]bool, len(cuts)-1)
	tasks := make([]func(), len(ok))
	for i := range ok {
		tasks[i] = func() { ok[i] = plainText(data[cuts[i]:max(cuts[i], cuts[i+1])], isJSON) }
	}
	parallel.Run(tasks...)
	return !slices.Contains(ok, false)
}

// plainPiece is the fewest bytes worth a goroutine of their own in the
// check of a file's encoding.
const plainPiece = 4 << 20

// plainText reports whether data is UTF-8 text without the characters
// checkEncoding reports (a NUL or another control character but tab,
// newline and carriage return; DEL in YAML). It looks at eight bytes at a
// time, and at each byte only of the words that hold any byte outside
// printable ASCII.
func plainText(data []byte, isJSON bool) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for len(data) > 0 {
		if len(data) >= 8 {
			x := binary.LittleEndian.Uint64(data)
			del := x ^ (0x7F * ones)
			if (x-0x20*ones)&^x&highs == 0 && (del-ones)&^del&highs == 0 && x&highs == 0 {
				data = data[8:]
				continue
			}
		}
		c := data[0]
		switch {
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(data)
			if r == utf8.RuneError && size <= 1 {
				return false
			}
			data = data[size:]
			continue
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7F && !isJSON:
			return false
		}
		data = data[1:]
	}
	return true
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// wholeDigits is a whole number too large for YAML to take as one.
var wholeDigits = regexp.MustCompile(`^[-+]?[0-9]+$`)

// syntaxError turns a YAML syntax error into an Error at its place. yaml/v3
// often names the wrong line, so a small input is parsed again with
// goccy/go-yaml for the exact line and column; yaml/v3's line is the
// fallback, and the place for inputs over maxReparse bytes or nested deeper
// than maxReparseDepth.
func syntaxError(path string, data []byte, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if len(data) <= maxReparse && flowDepth(data) <= maxReparseDepth {
		if _, gerr := parser.ParseBytes(data, 0); gerr != nil {
			var se *goyaml.SyntaxError
			if errors.As(gerr, &se) && se.Token != nil && se.Token.Position != nil && se.Token.Position.Line > 0 {
				p := Pos{File: path, Line: se.Token.Position.Line, Col: se.Token.Position.Column}
				return Errorf(p, "syntax error: %s", se.Message)
			}
		}
	}
	p := Pos{File: path, Line: 1, Col: 1}
	if mm := yamlLine.FindStringSubmatch(msg); mm != nil {
		if n, e := strconv.Atoi(mm[1]); e == nil {
			p.Line = n
			p.Col = 0
		}
		msg = strings.TrimPrefix(msg, mm[0]+": ")
	}
	return Errorf(p, "syntax error: %s", msg)
}

// flowDepth is the deepest nesting of flow brackets ([ and {) in data,
// counted without regard to quotes: an upper bound of the real one.
func flowDepth(data []byte) int {
	depth, deepest := 0, 0
	for _, c := range data {
		switch c {
		case '[', '{':
			depth++
			deepest = max(deepest, depth)
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return deepest
}

type decoder struct {
	file     string
	errs     ErrorList
	streamed []*yaml.Node      // lists whose elements were walked as they were parsed
	places   placeBlocks       // the FieldPos of the elements
	elements [elementLists]any // a *block[T] for each list's T, by its index in listWalkers
	lists    block[string]     // the items of the list fields
}

// fork returns the walkers of the pieces of a list parsed side by side:
// each walks into a decoder and a model of its own, and keep adds its
// elements and errors to d's and m's.
func (d *decoder) fork(doc *Document, m *Model) func() streamPart {
	return func() streamPart {
		pd := &decoder{file: d.file, places: placeBlocks{file: d.file}}
		pm := &Model{}
		return streamPart{
			stream: func(key string, n *yaml.Node) { pd.element(key, n, doc, pm) },
			keep: func() {
				d.errs = append(d.errs, pd.errs...)
				m.appendElements(pm)
			},
		}
	}
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

// fields walks a mapping, recording each key's place in fp under its name
// (names[i] for keys[i]: the key with the prefix of the mapping) and calling
// fn with the index of each known key; unknown keys are errors with a
// suggestion. The keys in paired (a list field and the key of its single
// item, zones and zone) are neither recorded nor checked for repeats here:
// fn does.
func (d *decoder) fields(n *yaml.Node, what string, fp FieldPos, keys, names []string, ids []nameID, paired []string, fn func(i int, k, v *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		d.errs.Add(d.pos(n), "%s is %s, want a mapping", what, yamlnode.Describe(n))
		return false
	}
	var seen uint64 // the keys of the first 64 given, by index
	next := 0       // where the key after the last is, when written in order
	for j := 0; j+1 < len(n.Content); j += 2 {
		k, v := n.Content[j], n.Content[j+1]
		key := k.Value
		i := indexFrom(keys, key, next)
		next = i + 1
		if i < 0 {
			msg := fmt.Sprintf("unknown field %q in %s", key, what)
			if s := Suggest(key, keys); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			d.errs.Add(d.pos(k), "%s", msg)
			continue
		}
		if !contains(paired, key) {
			name := names[i]
			if bit := uint64(1) << (i % 64); i < 64 && seen&bit == 0 {
				seen |= bit
			} else if first, dup := fp.lookup(name); dup {
				d.errs.Add(d.pos(k), "%s is given twice in %s (first at %s)", key, what, first)
				continue
			}
			fp.addID(ids[i], name, d.pos(k))
		}
		fn(i, k, v)
	}
	return true
}

// indexFrom is index, looking from list[from] on first: the keys of a
// mapping that netreview wrote, or that follows the format's order, each
// come a little after the last.
func indexFrom(list []string, s string, from int) int {
	from = min(from, len(list))
	if i := index(list[from:], s); i >= 0 {
		return from + i
	}
	return index(list[:from], s)
}

// index is the index of s in list, or -1.
func index(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (d *decoder) str(v *yaml.Node, key string) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		d.errs.Add(d.pos(v), "%s is %s, want a string", key, yamlnode.Describe(v))
		return ""
	}
	return v.Value
}

// cert reads a FIPS certificate number, written as a number or a string.
func (d *decoder) cert(v *yaml.Node, key string) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || v.Tag == "!!bool" {
		d.errs.Add(d.pos(v), "%s is %s, want a certificate number", key, yamlnode.Describe(v))
		return ""
	}
	return v.Value
}

func (d *decoder) integer(v *yaml.Node, key string) int {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		n, err := strconv.Atoi(v.Value)
		if err == nil && n <= maxInt && n >= -maxInt {
			return n
		}
		if err == nil || errors.Is(err, strconv.ErrRange) {
			d.errs.Add(d.pos(v), "%s %s is too large: at most %d", key, v.Value, maxInt)
			return 0
		}
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!float" && wholeDigits.MatchString(v.Value) {
		d.errs.Add(d.pos(v), "%s %s is too large: at most %d", key, v.Value, maxInt)
		return 0
	}
	d.errs.Add(d.pos(v), "%s is %s, want a whole number", key, yamlnode.Describe(v))
	return 0
}

func (d *decoder) boolean(v *yaml.Node, key string) bool {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		var b bool
		if err := v.Decode(&b); err == nil {
			return b
		}
	}
	d.errs.Add(d.pos(v), "%s is %s, want true or false", key, yamlnode.Describe(v))
	return false
}

func (d *decoder) date(v *yaml.Node, key string) time.Time {
	if v.Kind == yaml.ScalarNode && (v.Tag == "!!str" || v.Tag == "!!timestamp") {
		if t, err := time.Parse("2006-01-02", v.Value); err == nil {
			return t
		}
	}
	d.errs.Add(d.pos(v), "%s is %s, want a date YYYY-MM-DD", key, yamlnode.Describe(v))
	return time.Time{}
}

// strings reads a list of strings; single allows one string for a list.
// The places of the items go to fp under key[0], key[1], ...
func (d *decoder) strings(v *yaml.Node, key string, fp FieldPos, single bool) []string {
	if single && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
		fp.addItem(key, 0, d.pos(v))
		return append(d.strs(1), v.Value)
	}
	if v.Kind != yaml.SequenceNode {
		d.errs.Add(d.pos(v), "%s is %s, want a list", key, yamlnode.Describe(v))
		return nil
	}
	out := d.strs(len(v.Content))
	for i, it := range v.Content {
		item := fp.addItem(key, i, d.pos(it))
		out = append(out, d.str(it, item))
	}
	return out
}

// items walks a top-level list of mappings.
func (d *decoder) items(v *yaml.Node, key string, fn func(n *yaml.Node)) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return
	}
	if v.Kind != yaml.SequenceNode {
		d.errs.Add(d.pos(v), "%s is %s, want a list", key, yamlnode.Describe(v))
		return
	}
	for _, s := range d.streamed {
		if s == v {
			return // walked already
		}
	}
	for _, it := range v.Content {
		fn(it)
	}
}

// fieldPos makes the FieldPos of an element, sized for the places of its
// fields: a key each, and the keys and items of what they hold (up to
// maxFieldHint, past which it grows as it is filled).
func (d *decoder) fieldPos(n *yaml.Node) FieldPos {
	if n.Kind != yaml.MappingNode {
		return d.places.next(0)
	}
	size := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		size++
		switch v := n.Content[i+1]; v.Kind {
		case yaml.MappingNode:
			size += len(v.Content) / 2
		case yaml.SequenceNode:
			size += len(v.Content)
		case yaml.ScalarNode:
			if k := n.Content[i].Value; k == "zone" || k == "zones" {
				size += 2 // zones and zones[0]
			}
		}
	}
	return d.places.next(min(size, maxFieldHint))
}

// maxFieldHint bounds fieldPos's sizing, so that a long list under an
// unknown key takes no large block.
const maxFieldHint = 64

// elemPos is the place of an element: its first key, or the node.
func (d *decoder) elemPos(n *yaml.Node) Pos {
	if n.Kind == yaml.MappingNode && len(n.Content) > 0 {
		return d.pos(n.Content[0])
	}
	return d.pos(n)
}

// topFields are the keys of a document's top-level mapping: the header's
// and the lists of elements.
var topFields = func() []string {
	keys := append([]string(nil), documentSchema.root.keys...)
	for _, w := range listWalkers {
		if index(keys, w.key) >= 0 {
			panic("topology: key " + w.key + " twice in the document") // see level.add
		}
		keys = append(keys, w.key)
	}
	return keys
}()

// topIDs are the numbers of topFields in a FieldPos.
var topIDs = func() []nameID {
	ids := make([]nameID, len(topFields))
	for i, k := range topFields {
		ids[i] = fieldNames.number(k)
	}
	return ids
}()

func (d *decoder) document(top *yaml.Node, doc *Document, m *Model) {
	sawVersion := false
	d.fields(top, "the document", doc.FieldPos, topFields, topFields, topIDs, nil, func(i int, k, v *yaml.Node) {
		key := topFields[i]
		if key == "netreview" {
			sawVersion = true
			if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || v.Value != strconv.Itoa(FormatVersion) {
				d.errs.Add(d.pos(v), "unsupported format version %s, want netreview: %d", yamlnode.Describe(v), FormatVersion)
				return
			}
			doc.Version = FormatVersion
			return
		}
		if e := documentSchema.root.lookup(key); e != nil {
			walkEntry(d, e, v, doc, doc.FieldPos)
			return
		}
		d.items(v, key, func(n *yaml.Node) { d.element(key, n, doc, m) })
	})
	if !sawVersion {
		d.errs.Add(doc.Pos, "missing \"netreview: %d\": the format version is required", FormatVersion)
	}
}

// listWalkers are the walkers of the elements of the top-level lists; each
// adds its element to the model unless it has errors.
var listWalkers = [elementLists]struct {
	key  string
	walk func(d *decoder, n *yaml.Node, doc *Document, m *Model)
}{
	{"sites", walker(siteSchema, 0)}, {"zones", walker(zoneSchema, 1)}, {"devices", walker(deviceSchema, 2)},
	{"links", walker(linkSchema, 3)}, {"tunnels", walker(tunnelSchema, 4)}, {"waivers", walker(waiverSchema, 5)},
}

// elementLists is the number of listWalkers.
const elementLists = 6

// block hands out values of T carved from large blocks: the elements of
// one file, a few hundred allocations rather than one per element.
type block[T any] struct {
	free []T
	made int // blocks made so far, which sizes the next one
}

func (b *block[T]) next() *T {
	if len(b.free) == 0 {
		b.free = make([]T, blockSize(b.made, 8, 512))
		b.made++
	}
	x := &b.free[0]
	b.free = b.free[1:]
	return x
}

// strs returns an empty list of strings with room for n, carved from a
// block.
func (d *decoder) strs(n int) []string {
	if n == 0 {
		return []string{}
	}
	if len(d.lists.free) < n {
		d.lists.free = make([]string, max(n, blockSize(d.lists.made, 16, 2048)))
		d.lists.made++
	}
	out := d.lists.free[:0:n]
	d.lists.free = d.lists.free[n:]
	return out
}

// walker returns the walker of the elements of the schema's list, the
// slot-th of listWalkers.
func walker[T any](s *Schema[T], slot int) func(d *decoder, n *yaml.Node, doc *Document, m *Model) {
	return func(d *decoder, n *yaml.Node, doc *Document, m *Model) {
		fp := d.fieldPos(n)
		b, _ := d.elements[slot].(*block[T])
		if b == nil {
			b = &block[T]{}
			d.elements[slot] = b
		}
		x := b.next()
		s.ops.init(x, doc, d.elemPos(n), fp)
		if walk(d, n, s.root, x, fp) {
			s.Add(m, x)
		}
	}
}

// element walks one element of the top-level list key and adds it to m.
func (d *decoder) element(key string, n *yaml.Node, doc *Document, m *Model) {
	for _, w := range listWalkers {
		if w.key == key {
			w.walk(d, n, doc, m)
		}
	}
}

// walk reads the mapping n, a level of x's fields, into x, recording each
// key's place in fp; it reports whether n is a mapping.
func walk[T any](d *decoder, n *yaml.Node, l *level[T], x *T, fp FieldPos) bool {
	var one *yaml.Node // the key of a list field or of its single item, once seen
	return d.fields(n, l.what, fp, l.keys, l.names, l.ids, l.paired, func(i int, k, v *yaml.Node) {
		e := &l.entries[i]
		if e.field != nil && e.field.One != "" {
			f := e.field
			if one != nil {
				d.errs.Add(d.pos(k), "%s has either %s or %s, not both (%s at %s)", l.what, f.One, f.leaf, one.Value, d.pos(one))
				return
			}
			one = k
			fp.addID(l.ids[i], l.names[i], d.pos(k))
			if e.one {
				fp.addID(f.id, f.Name, d.pos(k))
				fp.addItem(f.Name, 0, d.pos(v))
				s := d.str(v, e.key)
				if a, ok := f.acc.(listAcc[T]); ok {
					*a.p(x, true) = append(d.strs(1), s)
				}
				return
			}
		}
		walkEntry(d, e, v, x, fp)
	})
}

// walkEntry reads the value v of the entry e of a level.
func walkEntry[T any](d *decoder, e *entry[T], v *yaml.Node, x *T, fp FieldPos) {
	if e.sub != nil {
		if e.group.make != nil {
			e.group.make(x) // given, even empty
		}
		walk(d, v, e.sub, x, fp)
		return
	}
	e.field.acc.decode(d, x, e.field, v, fp)
}

func (a strAcc[T, E]) decode(d *decoder, x *T, f *Field[T], n *yaml.Node, _ FieldPos) {
	var s string
	if f.Kind == Code {
		s = d.cert(n, f.Name)
	} else {
		s = d.str(n, f.Name)
	}
	*a.p(x, true) = E(s)
}

func (a intAcc[T]) decode(d *decoder, x *T, f *Field[T], n *yaml.Node, _ FieldPos) {
	*a.p(x, true) = d.integer(n, f.Name)
}

func (a flagAcc[T]) decode(d *decoder, x *T, f *Field[T], n *yaml.Node, _ FieldPos) {
	*a.p(x, true) = d.boolean(n, f.Name)
}

func (a optAcc[T]) decode(d *decoder, x *T, f *Field[T], n *yaml.Node, _ FieldPos) {
	b := d.boolean(n, f.Name)
	*a.p(x, true) = &b
}

func (a listAcc[T]) decode(d *decoder, x *T, f *Field[T], n *yaml.Node, fp FieldPos) {
	*a.p(x, true) = d.strings(n, f.Name, fp, f.One != "")
}

func (a dateAcc[T]) decode(d *decoder, x *T, f *Field[T], n *yaml.Node, _ FieldPos) {
	*a.p(x, true) = d.date(n, f.Name)
}

// appendElements appends f's sites, zones, devices, links, tunnels and
// waivers to m's.
func (m *Model) appendElements(f *Model) {
	m.Sites = append(m.Sites, f.Sites...)
	m.Zones = append(m.Zones, f.Zones...)
	m.Devices = append(m.Devices, f.Devices...)
	m.Links = append(m.Links, f.Links...)
	m.Tunnels = append(m.Tunnels, f.Tunnels...)
	m.Waivers = append(m.Waivers, f.Waivers...)
}

// room is an empty list with room for n elements, or nil for none, as a
// list that nothing was appended to is.
func room[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, 0, n)
}

// Merge joins fragments into one model in input order. When no fragment
// declares any zone, it adds the implicit zone "cji" (criminal-justice) and
// puts every device without zones in it. It reindexes the result.
func Merge(frags ...*Model) *Model {
	m := &Model{}
	// The lists are made to their length first: a statewide file's
	// hundreds of thousands of devices and links are copied once.
	var n [7]int
	for _, f := range frags {
		if f != nil {
			for i, k := range [7]int{len(f.Docs), len(f.Sites), len(f.Zones), len(f.Devices), len(f.Links), len(f.Tunnels), len(f.Waivers)} {
				n[i] += k
			}
		}
	}
	m.Docs, m.Sites, m.Zones = room[*Document](n[0]), room[*Site](n[1]), room[*Zone](n[2])
	m.Devices, m.Links, m.Tunnels, m.Waivers = room[*Device](n[3]), room[*Link](n[4]), room[*Tunnel](n[5]), room[*Waiver](n[6])
	for _, f := range frags {
		if f == nil {
			continue
		}
		m.Docs = append(m.Docs, f.Docs...)
		m.appendElements(f)
	}
	if len(m.Zones) == 0 {
		z := &Zone{ID: defaultZoneID, Kind: CriminalJustice, Implicit: true, FieldPos: NewFieldPos(0)}
		if len(m.Docs) > 0 {
			z.Doc = m.Docs[0]
			z.Pos = Pos{File: m.Docs[0].Path}
		}
		m.Zones = append(m.Zones, z)
		for _, d := range m.Devices {
			if len(d.Zones) == 0 {
				d.Zones = []string{defaultZoneID}
			}
		}
	}
	m.Reindex()
	return m
}
