package topology

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// EncodeJSONCompact writes the model as EncodeJSON does, with the same
// fields and order, but without indentation or spaces: one line, about half
// the size, for large generated models.
func EncodeJSONCompact(w io.Writer, m *Model) error {
	bw := bufio.NewWriter(w)
	writeCompact(bw, tree(m))
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	return nil
}

func writeCompact(w *bufio.Writer, v value) {
	switch v := v.(type) {
	case string:
		b, _ := json.Marshal(v) // a string always marshals
		w.Write(b)
	case day:
		writeCompact(w, string(v))
	case int:
		w.WriteString(strconv.Itoa(v))
	case bool:
		w.WriteString(strconv.FormatBool(v))
	case []string:
		w.WriteByte('[')
		for i, s := range v {
			if i > 0 {
				w.WriteByte(',')
			}
			writeCompact(w, s)
		}
		w.WriteByte(']')
	case []value:
		w.WriteByte('[')
		for i, it := range v {
			if i > 0 {
				w.WriteByte(',')
			}
			writeCompact(w, it)
		}
		w.WriteByte(']')
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
