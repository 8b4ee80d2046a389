package analysis

import (
	"cmp"
	"encoding/binary"
	"sort"
	"strings"
)

// idKey is the first 16 bytes of an id, big-endian, padded with zero
// bytes: ids whose keys differ compare as their keys do.
type idKey struct{ hi, lo uint64 }

func keyOf(id string) idKey {
	var b [16]byte
	copy(b[:], id)
	return idKey{binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])}
}

// compareIDs compares two ids, by their keys first. Ids of 16 bytes or
// fewer with the same key are one a prefix of the other (the key pads
// with zero bytes), so the longer is the greater: their bytes are not read.
func compareIDs(ka idKey, a string, kb idKey, b string) int {
	if ka.hi != kb.hi {
		return cmp.Compare(ka.hi, kb.hi)
	}
	if ka.lo != kb.lo {
		return cmp.Compare(ka.lo, kb.lo)
	}
	if len(a) <= 16 && len(b) <= 16 {
		return cmp.Compare(len(a), len(b))
	}
	return strings.Compare(a, b)
}

// sortedIDs is a list of distinct ids in order, each with its key: the
// devices of the graphs by vertex, or their links. Comparing keys first,
// a search reads an id's bytes only where two keys are equal.
type sortedIDs struct {
	ids  []string
	keys []idKey // keyOf(ids[i])
}

// index returns the place of id in the list, and whether it is there, by
// halving the whole list.
func (s sortedIDs) index(id string) (int32, bool) {
	k := keyOf(id)
	return s.found(k, id, s.lowerBound(k, id, 0, len(s.ids)))
}

// found is place j when the id there is id.
func (s sortedIDs) found(k idKey, id string, j int) (int32, bool) {
	if j < len(s.ids) && compareIDs(s.keys[j], s.ids[j], k, id) == 0 {
		return int32(j), true
	}
	return -1, false
}

// lowerBound is the first place in [lo, hi) whose id is not less than id,
// or hi, by halving.
func (s sortedIDs) lowerBound(k idKey, id string, lo, hi int) int {
	return lo + sort.Search(hi-lo, func(x int) bool { return compareIDs(s.keys[lo+x], s.ids[lo+x], k, id) >= 0 })
}

// nearSpan is how far from its start a search near a place looks, in
// places: a power of two.
const nearSpan = 16

// near looks for the first place whose id is not less than id among those
// up to nearSpan places from start, galloping away from start (steps of 1,
// 2, 4, ...) before it halves. It reports that place and whether it lies
// there; when it does not, the place is further away.
func (s sortedIDs) near(k idKey, id string, start int) (int, bool) {
	n := len(s.ids)
	if n == 0 {
		return 0, true
	}
	cmpAt := func(i int) int { return compareIDs(s.keys[i], s.ids[i], k, id) }
	i := min(max(start, 0), n-1)
	c := cmpAt(i)
	if c == 0 {
		return i, true
	}
	// The place lies in [lo, hi] once the gallop brackets it.
	if c < 0 {
		lo := i + 1
		for step := 1; step <= nearSpan; step *= 2 {
			if p := i + step; p >= n || cmpAt(p) >= 0 {
				return s.lowerBound(k, id, lo, min(p, n)), true
			}
			lo = i + step + 1
		}
		return 0, false
	}
	hi := i
	for step := 1; step <= nearSpan; step *= 2 {
		if p := i - step; p < 0 || cmpAt(p) < 0 {
			return s.lowerBound(k, id, max(p+1, 0), hi), true
		}
		hi = i - step
	}
	return 0, false
}

// finder looks up a run of ids in a sortedIDs, such as the ends of links
// in id order, or the links that tunnels in id order run over. Most such
// ids lie a few places on from the last one found (an agency's devices,
// numbered in id order), or a few from a hint (a link's far end beside its
// near end), or are one id asked again and again (a carrier's cloud, the
// far end of thousands of links): those are found by reading a few ids
// that the processor's cache holds, where a map's look-up, or a search of
// the whole list, reads memory far from the last.
type finder struct {
	s     sortedIDs
	last  int // the place of the last id found
	again int // the place of the last id a search of the whole list found, or -1
}

func newFinder(s sortedIDs) finder { return finder{s: s, again: -1} }

// find returns the place of id, and whether it is there. It looks near the
// last place found, then near hint (unless it is negative), then at the
// one last found far from both, then everywhere.
func (f *finder) find(id string, hint int32) (int32, bool) {
	s := f.s
	k := keyOf(id)
	j, ok := s.near(k, id, f.last)
	if !ok && hint >= 0 {
		j, ok = s.near(k, id, int(hint))
	}
	if !ok && f.again >= 0 {
		if v, found := s.found(k, id, f.again); found {
			f.last = int(v)
			return v, true
		}
	}
	whole := !ok
	if whole {
		j = s.lowerBound(k, id, 0, len(s.ids))
	}
	v, found := s.found(k, id, j)
	if found {
		f.last = j
		if whole {
			f.again = j
		}
	}
	return v, found
}
