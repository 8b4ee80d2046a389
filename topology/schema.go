package topology

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	yaml "go.yaml.in/yaml/v3"
)

// The schema: one table per element type (fields.go) says which fields the
// format has, what each holds, which device types it is for, how it reads
// from and writes to the Go struct, and its documentation. YAML and JSON
// decoding, encoding, validation of enumerated values and device types,
// diff, the workbook and CSV forms, the template and the docs all read those
// tables, so that a field is added in one line (plus the rule that reads it).

// Kind is the kind of value a field holds.
type Kind int

// Field kinds.
const (
	Text Kind = iota // free text
	Enum             // one of the field's Values
	Code             // text that may be written as a number: a certificate, a circuit id, a bandwidth
	Int              // a whole number
	Bool             // true or false
	List             // a list of strings
	Date             // a day, YYYY-MM-DD
)

var kindNames = [...]string{Text: "text", Enum: "enum", Code: "code", Int: "int", Bool: "bool", List: "list", Date: "date"}

// String names the kind: text, enum, code, int, bool, list or date.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// maxInt is the largest whole number a field holds (count, bits, the format
// version): larger values are errors, so that sums of counts cannot
// overflow.
const maxInt = 1_000_000

// Field is one field of the element type T (Site, Device, Document, ...):
// its name, the kind and allowed values of what it holds, the device types
// it is for, its workbook column and documentation, and how it is read and
// set on a *T.
type Field[T any] struct {
	Name    string       // as the format spells it; a field of a nested mapping is dotted: "encryption.bits"
	Kind    Kind         // what it holds
	Values  []string     // the allowed values of an Enum field, in the format's order
	Types   []DeviceType // the device types the field is for; nil when it is for every type
	One     string       // for a List: the key that holds a single item instead ("zone" for "zones")
	Column  string       // its column header in a workbook or CSV file
	Aliases []string     // other headers that name the column
	Doc     string       // what it holds, for the workbook's Instructions sheet and docs/workbook.md
	Example string       // a filled-in value, as a workbook cell holds it

	acc   accessor[T]
	str   func(x *T) string // the value of a field held as a string, without boxing it; nil for others
	group *fieldGroup[T]    // the nested mapping that holds it, or nil
	leaf  string            // the last part of Name: the key in its mapping
	id    nameID            // the number of Name in a FieldPos
}

// fieldGroup is a nested mapping of an element type: a device's cloud, a link's
// encryption, a document's agency and proposal. A group held by a pointer
// exists when given, even empty (`encryption: {}`); one held by value is
// written only when one of its fields is given.
type fieldGroup[T any] struct {
	Name  string       // dotted for a group inside a group
	Types []DeviceType // the device types it is for; nil when for every type
	has   func(x *T) bool
	make  func(x *T)
}

// Schema is the fields of one element type of the format, in the format's
// order, which is the order encoders write them and the columns of its
// workbook sheet.
type Schema[T any] struct {
	element string // "device", as messages name one
	list    string // the top-level key of its list ("devices"); "" for the document
	ops     elements[T]
	fields  []Field[T]
	groups  []fieldGroup[T]
	root    *level[T]
}

// elements is how a schema's elements are made and kept in a model.
type elements[T any] struct {
	init func(x *T, doc *Document, at Pos, fp FieldPos) // sets what every element has
	list func(m *Model) *[]*T
	skip func(x *T) bool // not written out (the implicit zone); nil for none
}

// New returns a new element of the schema's type, defined by doc and
// written at at, whose fields' places go to fp. It is nil for the
// document schema.
func (s *Schema[T]) New(doc *Document, at Pos, fp FieldPos) *T {
	if s.ops.init == nil {
		return nil
	}
	x := new(T)
	s.ops.init(x, doc, at, fp)
	return x
}

// Add appends x to m's list of the schema's elements; call m.Reindex when
// done adding.
func (s *Schema[T]) Add(m *Model, x *T) {
	l := s.ops.list(m)
	*l = append(*l, x)
}

// Written returns m's elements of the schema's type that a model written
// out holds: every one but the implicit default zone.
func (s *Schema[T]) Written(m *Model) []*T {
	all := *s.ops.list(m)
	if s.ops.skip == nil {
		return all
	}
	out := make([]*T, 0, len(all))
	for _, x := range all {
		if !s.ops.skip(x) {
			out = append(out, x)
		}
	}
	return out
}

// Fields returns a copy of the schema's fields, in the format's order.
func (s *Schema[T]) Fields() []Field[T] {
	out := make([]Field[T], len(s.fields))
	for i := range s.fields {
		out[i] = s.fields[i].clone()
	}
	return out
}

// field returns the field with the name, or nil.
func (s *Schema[T]) field(name string) *Field[T] {
	for i := range s.fields {
		if s.fields[i].Name == name {
			return &s.fields[i]
		}
	}
	return nil
}

// clone is a copy of f that shares none of its lists, so that what a caller
// does with it cannot change the schema.
func (f Field[T]) clone() Field[T] {
	f.Values = slices.Clone(f.Values)
	f.Types = slices.Clone(f.Types)
	f.Aliases = slices.Clone(f.Aliases)
	return f
}

// text returns the field's value on x as a workbook cell holds it: "" when
// not given, lists comma-separated (items quoted when they hold a comma, a
// quote or surrounding spaces), dates YYYY-MM-DD, truth values true/false.
func (f *Field[T]) text(x *T) string { return textOf(f.acc.value(x)) }

// textOf writes a field's value as a cell holds it.
func textOf(v value) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case bool:
		return strconv.FormatBool(v)
	case []string:
		return joinList(v)
	case day:
		return string(v)
	}
	return ""
}

// given reports whether the field is given on x (not empty, zero or absent).
func (f *Field[T]) given(x *T) bool {
	if f.str != nil {
		return f.str(x) != ""
	}
	return f.acc.value(x) != nil
}

// Set sets the field on x from text, as a workbook or CSV cell holds it:
// trimmed; an Enum value normalized to the format's spelling ("Physically
// Secure" is physically-secure); whole numbers as text or as numbers
// ("256.0"); truth values true/false, yes/no, y/n, 1/0; a list
// comma-separated; a date YYYY-MM-DD (or YYYY/MM/DD, M/D/YYYY, a spreadsheet
// serial number). Blank text sets nothing. It records at in fp (unless fp
// is the zero FieldPos) under the field's name (and its list items), and
// creates the field's group when it is absent. The error says what was wanted and what was got, without the
// place: a caller adds it.
func (f *Field[T]) Set(x *T, s string, at Pos, fp FieldPos) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if s == emptyGroup && f.group != nil && f.group.make != nil {
		f.group.make(x)
		if fp.p != nil {
			fp.Set(f.group.Name, at)
		}
		return nil
	}
	if fp.p != nil {
		fp.Set(f.Name, at)
	}
	if f.Kind == Enum {
		s = normEnum(s)
	}
	n, err := f.acc.setText(x, f.Kind, s)
	if fp.p != nil {
		for i := range n {
			fp.Set(itemName(f.Name, i), at)
		}
	}
	return err
}

// emptyGroup is the text of a cell that gives a nested mapping with
// nothing in it, `encryption: {}` or `cloud: {}`: Cells writes it in the
// mapping's first column, and Set reads it there.
const emptyGroup = "{}"

// Cells returns the text of each field of x, in the schema's order, as the
// cells of a workbook row: a nested mapping held by pointer that is given
// but holds nothing (`encryption: {}`) is "{}" in its first column, so
// that reading the row back gives it again.
func (s *Schema[T]) Cells(x *T) []string {
	out := make([]string, len(s.fields))
	for i := range s.fields {
		out[i] = s.fields[i].text(x)
	}
	for gi := range s.groups {
		g := &s.groups[gi]
		if g.has == nil || !g.has(x) {
			continue
		}
		first, empty := -1, true
		for i := range s.fields {
			if s.fields[i].group == g {
				if first < 0 {
					first = i
				}
				empty = empty && out[i] == ""
			}
		}
		if first >= 0 && empty {
			out[first] = emptyGroup
		}
	}
	return out
}

// normEnum folds an enumerated value to the format's spelling: trimmed,
// lower case, with runs of spaces and underscores turned into one hyphen
// ("Physically Secure" -> "physically-secure").
func normEnum(s string) string {
	f := strings.FieldsFunc(strings.ToLower(strings.TrimSpace(s)), func(r rune) bool {
		return r == ' ' || r == '_' || r == '\t' || r == '\u00a0'
	})
	return strings.Join(f, "-")
}

// accessor reads and sets one field on a *T, by the Go type that holds it.
type accessor[T any] interface {
	// value is the value for the encoders (string, int, bool, []string,
	// day), nil when not given.
	value(x *T) value
	// setText sets the value from trimmed, non-blank text, and returns
	// the number of list items set.
	setText(x *T, k Kind, s string) (int, error)
	// decode sets the value from a YAML node.
	decode(d *decoder, x *T, f *Field[T], n *yaml.Node, fp FieldPos)
}

// ref is where a field's value lives on a *T: with make false, nil when its
// group is absent; with make true, the group is created first.
type ref[T, V any] func(x *T, make bool) *V

// get returns the value, or its zero when its group is absent.
func (p ref[T, V]) get(x *T) (v V) {
	if q := p(x, false); q != nil {
		v = *q
	}
	return v
}

// at is a ref to a field of T itself (or of a struct T holds by value).
func at[T, V any](p func(*T) *V) ref[T, V] { return func(x *T, _ bool) *V { return p(x) } }

// in is a ref to a field of the struct S that T holds by pointer.
func in[T, S, V any](g func(*T) **S, p func(*S) *V) ref[T, V] {
	return func(x *T, make bool) *V {
		gp := g(x)
		if *gp == nil {
			if !make {
				return nil
			}
			*gp = new(S)
		}
		return p(*gp)
	}
}

// byPointer is the group held by T through a pointer.
func byPointer[T, S any](name string, g func(*T) **S, types ...DeviceType) fieldGroup[T] {
	return fieldGroup[T]{Name: name, Types: types,
		has: func(x *T) bool { return *g(x) != nil },
		make: func(x *T) {
			if p := g(x); *p == nil {
				*p = new(S)
			}
		}}
}

// byValue is a group T holds by value.
func byValue[T any](name string) fieldGroup[T] { return fieldGroup[T]{Name: name} }

// strAcc is a text, code or enumerated field of a string type.
type strAcc[T any, E ~string] struct{ p ref[T, E] }

func (a strAcc[T, E]) get(x *T) string { return string(a.p.get(x)) }

func (a strAcc[T, E]) value(x *T) value {
	if s := a.p.get(x); s != "" {
		return string(s)
	}
	return nil
}

func (a strAcc[T, E]) setText(x *T, _ Kind, s string) (int, error) {
	*a.p(x, true) = E(s)
	return 0, nil
}

// intAcc is a whole-number field.
type intAcc[T any] struct{ p ref[T, int] }

func (a intAcc[T]) value(x *T) value {
	if n := a.p.get(x); n != 0 {
		return n
	}
	return nil
}

func (a intAcc[T]) setText(x *T, _ Kind, s string) (int, error) {
	n, err := parseInt(s)
	*a.p(x, true) = n
	return 0, err
}

// parseInt reads a whole number written as text or stored as a number
// (256, 256.0, 2.56E2), at most maxInt in size.
func parseInt(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != math.Trunc(f) || math.IsInf(f, 0) {
			return 0, fmt.Errorf("want a whole number, got %q", s)
		}
		if math.Abs(f) > maxInt {
			return 0, fmt.Errorf("%s is too large: at most %d", s, maxInt)
		}
		n = int(f)
	}
	if n > maxInt || n < -maxInt {
		return 0, fmt.Errorf("%s is too large: at most %d", s, maxInt)
	}
	return n, nil
}

// flagAcc is a truth-value field whose false is not written (protected-medium).
type flagAcc[T any] struct{ p ref[T, bool] }

func (a flagAcc[T]) value(x *T) value {
	if a.p.get(x) {
		return true
	}
	return nil
}

func (a flagAcc[T]) setText(x *T, _ Kind, s string) (int, error) {
	b, err := parseBool(s)
	*a.p(x, true) = b
	return 0, err
}

// parseBool reads true/false, yes/no, y/n, t/f, 1/0 in any case.
func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "yes", "y", "1", "t":
		return true, nil
	case "false", "no", "n", "0", "f":
		return false, nil
	}
	return false, fmt.Errorf("want true or false (or yes or no), got %q", s)
}

// optAcc is a truth-value field that may be not given (cji).
type optAcc[T any] struct{ p ref[T, *bool] }

func (a optAcc[T]) value(x *T) value {
	if b := a.p.get(x); b != nil {
		return *b
	}
	return nil
}

func (a optAcc[T]) setText(x *T, _ Kind, s string) (int, error) {
	b, err := parseBool(s)
	if err != nil {
		return 0, err
	}
	*a.p(x, true) = &b
	return 0, nil
}

// listAcc is a list field.
type listAcc[T any] struct{ p ref[T, []string] }

func (a listAcc[T]) value(x *T) value {
	if l := a.p.get(x); len(l) > 0 {
		return l
	}
	return nil
}

func (a listAcc[T]) setText(x *T, _ Kind, s string) (int, error) {
	l, err := splitList(s)
	*a.p(x, true) = l
	return len(l), err
}

// joinList writes a list as one cell: items separated by ", ". An item that
// holds a comma or a double quote, that starts or ends with a space, or that
// is empty, is written in double quotes with its quotes doubled, so that
// splitList reads every list back as it was.
func joinList(items []string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		if it == "" || strings.ContainsAny(it, ",\"") || strings.TrimSpace(it) != it {
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(it, `"`, `""`))
			b.WriteByte('"')
			continue
		}
		b.WriteString(it)
	}
	return b.String()
}

// splitList reads a list from one cell: items separated by commas and
// trimmed, blank items dropped; an item in double quotes is kept as written
// between them, commas and spaces included, with "" for a quote.
func splitList(s string) ([]string, error) {
	var out []string
	for i := 0; i <= len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i < len(s) && s[i] == '"' {
			var b strings.Builder
			j := i + 1
			for ; j < len(s); j++ {
				if s[j] == '"' {
					if j+1 < len(s) && s[j+1] == '"' {
						b.WriteByte('"')
						j++
						continue
					}
					break
				}
				b.WriteByte(s[j])
			}
			if j >= len(s) {
				return out, fmt.Errorf("a quoted list item has no closing quote: %q", s[i:])
			}
			out = append(out, b.String())
			j++
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j < len(s) && s[j] != ',' {
				return out, fmt.Errorf("want a comma after the quoted list item %q", b.String())
			}
			i = j + 1
			continue
		}
		j := strings.IndexByte(s[i:], ',')
		if j < 0 {
			j = len(s) - i
		}
		if it := strings.TrimSpace(s[i : i+j]); it != "" {
			out = append(out, it)
		}
		i += j + 1
	}
	return out, nil
}

// dateAcc is a date field.
type dateAcc[T any] struct{ p ref[T, time.Time] }

func (a dateAcc[T]) value(x *T) value {
	if t := a.p.get(x); !t.IsZero() {
		return day(t.Format("2006-01-02"))
	}
	return nil
}

func (a dateAcc[T]) setText(x *T, _ Kind, s string) (int, error) {
	t, err := parseDate(s)
	*a.p(x, true) = t
	return 0, err
}

var dateLayouts = []string{"2006-01-02", "2006/01/02", "1/2/2006", "01/02/2006", "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02T15:04:05"}

// maxSerial is the last day a spreadsheet date serial number can name,
// 9999-12-31 in the 1900 date system.
const maxSerial = 2958465

// parseDate reads a date written as text (YYYY-MM-DD, YYYY/MM/DD,
// M/D/YYYY, an ISO timestamp) or as a spreadsheet serial number in the 1900
// date system (days since 1899-12-30).
func parseDate(s string) (time.Time, error) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || !(f >= 1 && f <= maxSerial) { // NaN fails both
		return time.Time{}, fmt.Errorf("want a date YYYY-MM-DD, got %q", s)
	}
	return serialEpoch.AddDate(0, 0, int(math.Floor(f))), nil
}

// serialEpoch is day 0 of spreadsheet date serial numbers in the 1900 date
// system; the 1904 system counts from 1904-01-01, 1462 days later.
var serialEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// level is one mapping of an element's fields: the keys it may hold, each a
// field or a nested mapping.
type level[T any] struct {
	what    string   // "a device", "encryption": how messages name the mapping
	keys    []string // the keys it may hold
	names   []string // the name of each key in a FieldPos: "encryption.bits"
	ids     []nameID // the numbers of the names
	paired  []string // the keys of a list field and of its single item
	entries []entry[T]
}

// add adds an entry for the key of the level written under prefix.
func (l *level[T]) add(prefix string, e entry[T]) {
	name := e.key
	if prefix != "" {
		name = prefix + "." + e.key
	}
	if index(l.keys, e.key) >= 0 {
		// The walk finds a key from the last one's place on (indexFrom),
		// which is index only where no key repeats.
		panic("topology: key " + e.key + " twice in " + l.what)
	}
	l.keys = append(l.keys, e.key)
	l.names = append(l.names, name)
	l.ids = append(l.ids, fieldNames.number(name))
	l.entries = append(l.entries, e)
}

// entry is one key of a level.
type entry[T any] struct {
	key   string
	field *Field[T] // the field it holds, or nil for a nested mapping
	sub   *level[T]
	group *fieldGroup[T]
	one   bool // key is the field's One: a single item of a list
}

func (l *level[T]) lookup(key string) *entry[T] {
	for i := range l.entries {
		if l.entries[i].key == key {
			return &l.entries[i]
		}
	}
	return nil
}

// newSchema makes a schema and its levels. A field's group is the longest
// group whose name and a dot start the field's name.
func newSchema[T any](element, list string, ops elements[T], groups []fieldGroup[T], fields ...Field[T]) *Schema[T] {
	s := &Schema[T]{element: element, list: list, ops: ops, fields: fields, groups: groups}
	what := "a " + element
	if list == "" {
		what = "the document"
	}
	s.root = &level[T]{what: what}
	levels := map[string]*level[T]{"": s.root}
	var levelOf func(prefix string) *level[T]
	levelOf = func(prefix string) *level[T] {
		if l, ok := levels[prefix]; ok {
			return l
		}
		g := s.group(prefix)
		if g == nil {
			panic("topology: no group " + prefix)
		}
		parent, key := "", prefix
		if i := strings.LastIndexByte(prefix, '.'); i >= 0 {
			parent, key = prefix[:i], prefix[i+1:]
		}
		l := &level[T]{what: prefix}
		levels[prefix] = l
		levelOf(parent).add(parent, entry[T]{key: key, sub: l, group: g})
		return l
	}
	for i := range s.fields {
		f := &s.fields[i]
		prefix, leaf := "", f.Name
		if j := strings.LastIndexByte(f.Name, '.'); j >= 0 {
			prefix, leaf = f.Name[:j], f.Name[j+1:]
			f.group = s.group(prefix)
		}
		f.leaf = leaf
		if a, ok := f.acc.(interface{ get(*T) string }); ok {
			f.str = a.get
		}
		l := levelOf(prefix)
		if f.One != "" {
			l.paired = append(l.paired, f.One, leaf)
			l.add(prefix, entry[T]{key: f.One, field: f, one: true})
		}
		l.add(prefix, entry[T]{key: leaf, field: f})
		f.id = fieldNames.number(f.Name)
		if f.Kind == List {
			fieldNames.addList(f.Name)
		}
	}
	return s
}

func (s *Schema[T]) group(name string) *fieldGroup[T] {
	for i := range s.groups {
		if s.groups[i].Name == name {
			return &s.groups[i]
		}
	}
	return nil
}

// given reports whether the group is given on x: held by pointer, when it
// is there; held by value, when one of its fields is given.
func (s *Schema[T]) given(g *fieldGroup[T], x *T) bool {
	if g.has != nil {
		return g.has(x)
	}
	for i := range s.fields {
		if f := &s.fields[i]; strings.HasPrefix(f.Name, g.Name+".") && f.given(x) {
			return true
		}
	}
	return false
}

// SetField sets the field called name (as the format spells it,
// "split-tunnel", "encryption.protocol"; or as a workbook column names it,
// "Split Tunnel", "Key Bits") of x, a *Site, *Zone, *Device, *Link,
// *Tunnel, *Waiver or *Document, from text as a workbook cell holds it (see
// Field.Set), and records at as the field's place in x's FieldPos. The
// errors are the workbook reader's, prefixed by the field's name; an
// unknown name is an error that suggests the nearest one. Validate checks
// the enumerated values and the device types afterwards, as for every
// loaded model.
func SetField(x any, name, value string, at Pos) error {
	switch x := x.(type) {
	case *Site:
		return setField(siteSchema, x, &x.FieldPos, name, value, at)
	case *Zone:
		return setField(zoneSchema, x, &x.FieldPos, name, value, at)
	case *Device:
		return setField(deviceSchema, x, &x.FieldPos, name, value, at)
	case *Link:
		return setField(linkSchema, x, &x.FieldPos, name, value, at)
	case *Tunnel:
		return setField(tunnelSchema, x, &x.FieldPos, name, value, at)
	case *Waiver:
		return setField(waiverSchema, x, &x.FieldPos, name, value, at)
	case *Document:
		return setField(documentSchema, x, &x.FieldPos, name, value, at)
	}
	return fmt.Errorf("SetField: %T is not an element of the format", x)
}

func setField[T any](s *Schema[T], x *T, fp *FieldPos, name, value string, at Pos) error {
	f := s.lookup(name)
	if f == nil {
		names := make([]string, len(s.fields))
		for i := range s.fields {
			names[i] = s.fields[i].Name
		}
		msg := fmt.Sprintf("unknown field %q for a %s", name, s.element)
		if sug := Suggest(name, names); sug != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", sug)
		}
		return Errorf(at, "%s", msg)
	}
	if fp.p == nil {
		*fp = NewFieldPos(1)
	}
	if err := f.Set(x, value, at, *fp); err != nil {
		return Errorf(at, "%s: %v", f.Name, err)
	}
	return nil
}

// lookup finds a field by its name, or by a header of its column matched as
// workbooks match them (ignoring case, spaces, hyphens and underscores).
func (s *Schema[T]) lookup(name string) *Field[T] {
	if f := s.field(name); f != nil {
		return f
	}
	h := NormHeader(name)
	for i := range s.fields {
		if NormHeader(s.fields[i].Column) == h {
			return &s.fields[i]
		}
	}
	for i := range s.fields {
		for _, a := range s.fields[i].Aliases {
			if NormHeader(a) == h {
				return &s.fields[i]
			}
		}
	}
	return nil
}

// NormHeader folds a column header for matching: lower case, without
// spaces, hyphens or underscores.
func NormHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch r {
		case ' ', '-', '_', '\t', '\u00a0':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
