package topology

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// value is one value of the ordered tree both encoders render: a string,
// an int, a bool, a []string, or an *object.
type value any

// day is a date, written YYYY-MM-DD (plain in YAML, a string in JSON).
type day string

// object is a mapping that keeps its keys in the format's order.
type object struct {
	keys []string
	vals []value
}

func (o *object) set(key string, v value) { o.keys = append(o.keys, key); o.vals = append(o.vals, v) }

// tree orders the model as the format writes it, each element by its
// schema. A model of several documents is written with the first document's
// header and every element.
func tree(m *Model) *object { return partTree(m, m) }

// partTree orders part, a part of m, as the format writes it: its first
// document's header and its elements, the implicit zone of m left out.
func partTree(m, part *Model) *object {
	top := &object{}
	top.set("netreview", FormatVersion)
	if len(part.Docs) > 0 {
		hdr := objectOf(documentSchema, part.Docs[0])
		for i, k := range hdr.keys {
			if k != "netreview" {
				top.set(k, hdr.vals[i])
			}
		}
	}
	top.items("sites", objects(siteSchema, part, nil))
	top.items("zones", objects(zoneSchema, part, nil))
	top.items("devices", objects(deviceSchema, part, func(d *Device) *Device {
		if len(d.Zones) == 1 && m.Zone(d.Zones[0]) != nil && m.Zone(d.Zones[0]).Implicit {
			c := *d // the implicit zone is not written
			c.Zones = nil
			return &c
		}
		return d
	}))
	top.items("links", objects(linkSchema, part, nil))
	top.items("tunnels", objects(tunnelSchema, part, nil))
	top.items("waivers", objects(waiverSchema, part, nil))
	return top
}

// objects returns the elements of m the schema writes, as objects; as,
// when not nil, gives the element to write for each.
func objects[T any](s *Schema[T], m *Model, as func(*T) *T) []value {
	var out []value
	for _, x := range s.Written(m) {
		if as != nil {
			x = as(x)
		}
		out = append(out, objectOf(s, x))
	}
	return out
}

// objectOf returns the fields of x that are given, in its schema's order.
func objectOf[T any](s *Schema[T], x *T) *object { return levelObject(s, s.root, x) }

func levelObject[T any](s *Schema[T], l *level[T], x *T) *object {
	o := &object{}
	for i := range l.entries {
		e := &l.entries[i]
		switch {
		case e.sub != nil:
			if s.given(e.group, x) {
				o.set(e.key, levelObject(s, e.sub, x))
			}
		case e.one: // written under the list's own key, below
		default:
			v := e.field.acc.value(x)
			if v == nil {
				continue
			}
			if one, ok := v.([]string); ok && len(one) == 1 && e.field.One != "" {
				o.set(e.field.One, one[0])
				continue
			}
			o.set(e.key, v)
		}
	}
	return o
}

func (o *object) items(key string, items []value) {
	if len(items) > 0 {
		o.set(key, items)
	}
}

// EncodeYAML writes the model as one YAML document in the format's field
// order, leaving out empty fields. For a model of several documents it writes
// the first document's header and every element; the implicit default zone
// is left out.
func EncodeYAML(w io.Writer, m *Model) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(yamlNode(tree(m))); err != nil {
		return fmt.Errorf("encode YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("encode YAML: %w", err)
	}
	return nil
}

func yamlNode(v value) *yaml.Node {
	switch v := v.(type) {
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
	case day:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: string(v)}
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
	case []string:
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, s := range v {
			n.Content = append(n.Content, yamlNode(s))
		}
		return n
	case []value:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, it := range v {
			n.Content = append(n.Content, yamlNode(it))
		}
		return n
	case *object:
		n := &yaml.Node{Kind: yaml.MappingNode}
		for i, k := range v.keys {
			n.Content = append(n.Content, yamlNode(k), yamlNode(v.vals[i]))
		}
		return n
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}

// EncodeYAMLDocuments writes the model as one YAML document per document
// of m (separated by ---), each with its header and the elements it
// defines, as SplitByDocument divides them: Decode reads the file back into
// the same documents and elements.
func EncodeYAMLDocuments(w io.Writer, m *Model) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	for _, part := range SplitByDocument(m) {
		if err := enc.Encode(yamlNode(partTree(m, part))); err != nil {
			return fmt.Errorf("encode YAML: %w", err)
		}
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("encode YAML: %w", err)
	}
	return nil
}

// Headers returns the distinct headers (format version, agency, proposal)
// of m's documents, each as its first document, in load order: a form that
// holds one header (JSON, a workbook, a CSV folder) holds m without loss
// only when there is one.
func Headers(m *Model) []*Document {
	var out []*Document
	seen := map[string]bool{}
	for _, d := range m.Docs {
		key := strings.Join(documentSchema.Cells(d), "\x00")
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	return out
}

// EncodeJSON writes the model as one JSON document, two-space indented, with
// the same fields and order as EncodeYAML.
func EncodeJSON(w io.Writer, m *Model) error {
	return encodeJSON(w, m, func(bw *bufio.Writer, v value) { writeJSON(bw, v, "") })
}

// encodeJSON writes the model's tree with write, and a newline.
func encodeJSON(w io.Writer, m *Model, write func(*bufio.Writer, value)) error {
	bw := bufio.NewWriter(w)
	write(bw, tree(m))
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	return nil
}

// writeScalar writes a string, date, number or truth value as JSON, and
// reports whether v was one.
func writeScalar(w *bufio.Writer, v value) bool {
	switch v := v.(type) {
	case string:
		b, _ := json.Marshal(v) // a string always marshals
		w.Write(b)
	case day:
		writeScalar(w, string(v))
	case int:
		w.WriteString(strconv.Itoa(v))
	case bool:
		w.WriteString(strconv.FormatBool(v))
	default:
		return false
	}
	return true
}

func writeJSON(w *bufio.Writer, v value, indent string) {
	if writeScalar(w, v) {
		return
	}
	switch v := v.(type) {
	case []string:
		w.WriteByte('[')
		for i, s := range v {
			if i > 0 {
				w.WriteString(", ")
			}
			writeJSON(w, s, indent)
		}
		w.WriteByte(']')
	case []value:
		w.WriteString("[\n")
		for i, it := range v {
			w.WriteString(indent + "  ")
			writeJSON(w, it, indent+"  ")
			if i < len(v)-1 {
				w.WriteByte(',')
			}
			w.WriteByte('\n')
		}
		w.WriteString(indent + "]")
	case *object:
		w.WriteString("{\n")
		for i, k := range v.keys {
			w.WriteString(indent + "  ")
			writeJSON(w, k, indent)
			w.WriteString(": ")
			writeJSON(w, v.vals[i], indent+"  ")
			if i < len(v.keys)-1 {
				w.WriteByte(',')
			}
			w.WriteByte('\n')
		}
		w.WriteString(indent + "}")
	}
}
