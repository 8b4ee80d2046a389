package topology

import (
	"bufio"
	"io"
)

// EncodeJSONCompact writes the model as EncodeJSON does, with the same
// fields and order, but without indentation or spaces: one line, about half
// the size, for large generated models.
func EncodeJSONCompact(w io.Writer, m *Model) error {
	return encodeJSON(w, m, writeCompact)
}

func writeCompact(w *bufio.Writer, v value) {
	if writeScalar(w, v) {
		return
	}
	switch v := v.(type) {
	case []string:
		writeCompactList(w, v)
	case []value:
		writeCompactList(w, v)
	case *object:
		w.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				w.WriteByte(',')
			}
			writeCompact(w, k)
			w.WriteByte(':')
			writeCompact(w, v.vals[i])
		}
		w.WriteByte('}')
	}
}

// writeCompactList writes a list without spaces.
func writeCompactList[T any](w *bufio.Writer, list []T) {
	w.WriteByte('[')
	for i, it := range list {
		if i > 0 {
			w.WriteByte(',')
		}
		writeCompact(w, it)
	}
	w.WriteByte(']')
}
