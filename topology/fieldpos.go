package topology

import (
	"math"
	"strconv"
)

// FieldPos records where each field of an element was written, keyed by the
// field's name in the format: "id", "type", "zones", "encryption.bits",
// "cloud.cjis-agreement", and for list items "over[2]", "risks[0]".
//
// Like a map, a FieldPos refers to its places: copies share them, and the
// zero FieldPos holds none and takes none (Set on it panics, as on a nil
// map); NewFieldPos makes one to fill. A place in a YAML, JSON or CSV file
// is kept as its line and column, the file once for all, so that the places
// of a large model take little memory.
type FieldPos struct{ p *fieldPlaces }

// fieldPlaces is what a FieldPos refers to.
type fieldPlaces struct {
	file string      // the file of every place in at
	at   []fieldAt   // places in file, by line and column, in the order set
	full []fieldFull // the others: in a workbook sheet, or in another file
}

// fieldAt is a field's place in the file of its fieldPlaces.
type fieldAt struct {
	name      string
	line, col int32
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
	if p, ok := f.Lookup(field); ok {
		return p
	}
	return def
}

// Lookup returns the place of field, and whether it was recorded.
func (f FieldPos) Lookup(field string) (Pos, bool) {
	if f.p == nil {
		return Pos{}, false
	}
	for i := range f.p.at {
		if a := &f.p.at[i]; a.name == field {
			return Pos{File: f.p.file, Line: int(a.line), Col: int(a.col)}, true
		}
	}
	for i := range f.p.full {
		if f.p.full[i].name == field {
			return f.p.full[i].pos, true
		}
	}
	return Pos{}, false
}

// Has reports whether the place of field was recorded.
func (f FieldPos) Has(field string) bool {
	_, ok := f.Lookup(field)
	return ok
}

// Len is the number of places recorded.
func (f FieldPos) Len() int {
	if f.p == nil {
		return 0
	}
	return len(f.p.at) + len(f.p.full)
}

// Set records p as the place of field, in place of the one recorded before.
func (f FieldPos) Set(field string, p Pos) {
	f.remove(field)
	f.add(field, p)
}

// remove forgets the place of field.
func (f FieldPos) remove(field string) {
	for i := range f.p.at {
		if f.p.at[i].name == field {
			f.p.at = append(f.p.at[:i], f.p.at[i+1:]...)
			return
		}
	}
	for i := range f.p.full {
		if f.p.full[i].name == field {
			f.p.full = append(f.p.full[:i], f.p.full[i+1:]...)
			return
		}
	}
}

// add records the place of a field that has none yet.
func (f FieldPos) add(field string, p Pos) {
	q := f.p
	if len(q.at) == 0 && q.file == "" {
		q.file = p.File
	}
	if p.File == q.file && p.Sheet == "" && p.Cell == "" && fits32(p.Line) && fits32(p.Col) {
		q.at = append(q.at, fieldAt{field, int32(p.Line), int32(p.Col)})
		return
	}
	q.full = append(q.full, fieldFull{field, p})
}

func fits32(n int) bool { return n >= 0 && n <= math.MaxInt32 }

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

// itemNames holds the names of the first items of each list field,
// "risks[0]", "risks[1]", ..., so that recording an item's place makes no
// string. It is filled as the schemas are made, and only read after.
var itemNames = map[string]*[maxItemName]string{}

// maxItemName is how many item names of a list itemNames holds.
const maxItemName = 16

// addItemNames adds the item names of the list field to itemNames.
func addItemNames(list string) {
	if itemNames[list] != nil {
		return
	}
	var names [maxItemName]string
	for i := range names {
		names[i] = list + "[" + strconv.Itoa(i) + "]"
	}
	itemNames[list] = &names
}

// itemName is the name of the item i of the list field: "over[2]".
func itemName(list string, i int) string {
	if names := itemNames[list]; names != nil && i < maxItemName {
		return names[i]
	}
	return list + "[" + strconv.Itoa(i) + "]"
}
