package topology

import "strconv"

// FieldPos records where each field of an element was written, keyed by the
// field's name in the format: "id", "type", "zones", "encryption.bits",
// "cloud.cjis-agreement", and for list items "over[2]", "risks[0]".
//
// Like a map, a FieldPos refers to its places: copies share them, and the
// zero FieldPos holds none and takes none (Set on it panics, as on a nil
// map); NewFieldPos makes one to fill. A place in a YAML, JSON or CSV file
// is kept as its line and column, with the file once for all and the field
// by the number of its name, in memory that holds no pointer, so that the
// places of a large model take little memory and no time of the garbage
// collector.
type FieldPos struct{ p *fieldPlaces }

// fieldPlaces is what a FieldPos refers to.
type fieldPlaces struct {
	file string       // the file of every place in at
	at   []fieldAt    // places in file, by line and column, in the order set
	full *[]fieldFull // the others (nil for none): in a workbook sheet, in another file, or of a name without a number
}

// fieldAt is the place of a field in the file of its fieldPlaces, in 64
// bits: its line, its column and the number of its name in fieldNames.
// At statewide size a model has millions of field places.
type fieldAt uint64

// The widths of a fieldAt's parts; a place beyond them is a fieldFull.
const (
	atNameBits = 12 // 4,096 names (the schemas have about 120)
	atColBits  = 28 // 268 million columns: a compact JSON file is one line
	atLineBits = 24 // 16 million lines
)

// packAt returns the fieldAt of a place, and whether it fits one.
func packAt(line, col int, id nameID) (fieldAt, bool) {
	if line < 0 || line >= 1<<atLineBits || col < 0 || col >= 1<<atColBits || int(id) >= 1<<atNameBits {
		return 0, false
	}
	return fieldAt(uint64(line)<<(atColBits+atNameBits) | uint64(col)<<atNameBits | uint64(id)), true
}

func (a fieldAt) name() nameID { return nameID(a & (1<<atNameBits - 1)) }
func (a fieldAt) line() int    { return int(a >> (atColBits + atNameBits)) }
func (a fieldAt) col() int     { return int(a >> atNameBits & (1<<atColBits - 1)) }

// fulls returns the places that are not fieldAt.
func (q *fieldPlaces) fulls() []fieldFull {
	if q.full == nil {
		return nil
	}
	return *q.full
}

// addFull records a place that is not a fieldAt.
func (q *fieldPlaces) addFull(field string, p Pos) {
	if q.full == nil {
		q.full = new([]fieldFull)
	}
	*q.full = append(*q.full, fieldFull{field, p})
}

// fieldFull is a field's place that fieldAt cannot hold.
type fieldFull struct {
	name string
	pos  Pos
}

// NewFieldPos returns an empty FieldPos with room for n places.
func NewFieldPos(n int) FieldPos {
	return FieldPos{&fieldPlaces{at: make([]fieldAt, 0, n)}}
}

// Of returns the place of field, or def when it was not recorded.
func (f FieldPos) Of(field string, def Pos) Pos {
	if p, ok := f.lookup(field); ok {
		return p
	}
	return def
}

// lookup returns the place of field, and whether it was recorded.
func (f FieldPos) lookup(field string) (Pos, bool) {
	if f.p == nil {
		return Pos{}, false
	}
	if id, ok := fieldNames.ids[field]; ok {
		for i := range f.p.at {
			if a := f.p.at[i]; a.name() == id {
				return Pos{File: f.p.file, Line: a.line(), Col: a.col()}, true
			}
		}
	}
	for _, full := range f.p.fulls() {
		if full.name == field {
			return full.pos, true
		}
	}
	return Pos{}, false
}

// has reports whether the place of field was recorded.
func (f FieldPos) has(field string) bool {
	_, ok := f.lookup(field)
	return ok
}

// count is the number of places recorded.
func (f FieldPos) count() int {
	if f.p == nil {
		return 0
	}
	return len(f.p.at) + len(f.p.fulls())
}

// Set records p as the place of field, in place of the one recorded before.
func (f FieldPos) Set(field string, p Pos) {
	f.remove(field)
	f.add(field, p)
}

// remove forgets the place of field.
func (f FieldPos) remove(field string) {
	if id, ok := fieldNames.ids[field]; ok {
		for i := range f.p.at {
			if f.p.at[i].name() == id {
				f.p.at = append(f.p.at[:i], f.p.at[i+1:]...)
				return
			}
		}
	}
	for i, full := range f.p.fulls() {
		if full.name == field {
			*f.p.full = append((*f.p.full)[:i], (*f.p.full)[i+1:]...)
			return
		}
	}
}

// add records the place of a field that has none yet.
func (f FieldPos) add(field string, p Pos) {
	if id, ok := fieldNames.ids[field]; ok {
		f.addID(id, field, p)
		return
	}
	f.p.addFull(field, p)
}

// addID is add for the field named by the number id.
func (f FieldPos) addID(id nameID, field string, p Pos) {
	q := f.p
	if len(q.at) == 0 && q.file == "" {
		q.file = p.File
	}
	if p.File == q.file && p.Sheet == "" && p.Cell == "" {
		if a, ok := packAt(p.Line, p.Col, id); ok {
			q.at = append(q.at, a)
			return
		}
	}
	q.addFull(field, p)
}

// nameID numbers a name of fieldNames.
type nameID uint16

// nameTable numbers the names of fields that a FieldPos holds compactly:
// those of the schemas' levels, and the first items of their lists. It is
// filled as the schemas are made, and only read after.
type nameTable struct {
	names []string
	ids   map[string]nameID
	items map[string]*listItems // by the name of the list
}

// listItems are the names of the first items of a list field, "risks[0]",
// "risks[1]", ..., and their numbers, so that recording an item's place
// makes no string.
type listItems struct {
	names [maxItemName]string
	ids   [maxItemName]nameID
}

// maxItemName is how many item names of a list the table holds.
const maxItemName = 16

var fieldNames = nameTable{ids: map[string]nameID{}, items: map[string]*listItems{}}

// number returns the number of name, numbering it when new.
func (t *nameTable) number(name string) nameID {
	if id, ok := t.ids[name]; ok {
		return id
	}
	id := nameID(len(t.names))
	t.names = append(t.names, name)
	t.ids[name] = id
	return id
}

// addList numbers the names of the first items of the list field.
func (t *nameTable) addList(list string) {
	if t.items[list] != nil {
		return
	}
	var it listItems
	for i := range it.names {
		it.names[i] = list + "[" + strconv.Itoa(i) + "]"
		it.ids[i] = t.number(it.names[i])
	}
	t.items[list] = &it
}

// item returns the name of the item i of the list field ("over[2]"), and
// its number when it has one.
func (t *nameTable) item(list string, i int) (string, nameID, bool) {
	if it := t.items[list]; it != nil && i < maxItemName {
		return it.names[i], it.ids[i], true
	}
	return list + "[" + strconv.Itoa(i) + "]", 0, false
}

// itemName is the name of the item i of the list field: "over[2]".
func itemName(list string, i int) string {
	name, _, _ := fieldNames.item(list, i)
	return name
}

// addItem records the place of the item i of the list field.
func (f FieldPos) addItem(list string, i int, p Pos) string {
	name, id, ok := fieldNames.item(list, i)
	if ok {
		f.addID(id, name, p)
	} else {
		f.add(name, p)
	}
	return name
}

// placeBlocks hands out FieldPos for the elements of one file, carved from
// large blocks, so that the places of a large model are a few hundred
// allocations rather than one or two per element.
type placeBlocks struct {
	file   string
	places []fieldPlaces // not handed out yet
	at     []fieldAt     // not handed out yet
	made   int           // blocks made so far, which sizes the next one
}

// maxPlaceBlock is the most entries of a block.
const maxPlaceBlock = 4096

// next returns an empty FieldPos in the file, with room for n places.
func (b *placeBlocks) next(n int) FieldPos {
	if len(b.places) == 0 {
		b.places = make([]fieldPlaces, b.size(0)/8+1)
	}
	q := &b.places[0]
	b.places = b.places[1:]
	if len(b.at) < n {
		b.at = make([]fieldAt, b.size(n))
	}
	q.file = b.file
	q.at = b.at[:0:n]
	b.at = b.at[n:]
	return FieldPos{q}
}

// size is the length of the next block, for at least n entries: growing
// from 64, so that a small file makes small blocks.
func (b *placeBlocks) size(n int) int {
	b.made++
	return max(n, min(maxPlaceBlock, 64<<min(b.made, 7)))
}
