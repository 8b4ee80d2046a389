package topology

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

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

func (o *object) str(key, v string) {
	if v != "" {
		o.set(key, v)
	}
}

func (o *object) list(key string, v []string) {
	if len(v) > 0 {
		o.set(key, v)
	}
}

func (o *object) date(key string, t time.Time) {
	if !t.IsZero() {
		o.set(key, day(t.Format("2006-01-02")))
	}
}

// tree orders the model as the format writes it. A model of several
// documents is written with the first document's header and every element.
func tree(m *Model) *object {
	top := &object{}
	top.set("netreview", FormatVersion)
	if len(m.Docs) > 0 {
		d := m.Docs[0]
		ag := &object{}
		ag.str("name", d.Agency.Name)
		ag.str("ori", d.Agency.ORI)
		ag.str("county", d.Agency.County)
		ag.str("role", string(d.Agency.Role))
		ag.str("address", d.Agency.Address)
		personTree(ag, "head", d.Agency.Head)
		personTree(ag, "laso", d.Agency.LASO)
		if len(ag.keys) > 0 {
			top.set("agency", ag)
		}
		if p := d.Proposal; p != nil {
			po := &object{}
			po.str("title", p.Title)
			po.str("kind", string(p.Kind))
			po.date("submitted", p.Submitted)
			po.str("vendor", p.Vendor)
			top.set("proposal", po)
		}
	}
	var items []value
	for _, s := range m.Sites {
		o := &object{}
		o.str("id", s.ID)
		o.str("name", s.Name)
		o.str("security", string(s.Security))
		o.str("address", s.Address)
		o.list("risks", s.Risks)
		items = append(items, o)
	}
	top.items("sites", items)
	items = nil
	for _, z := range m.Zones {
		if z.Implicit {
			continue
		}
		o := &object{}
		o.str("id", z.ID)
		o.str("name", z.Name)
		o.str("kind", string(z.Kind))
		items = append(items, o)
	}
	top.items("zones", items)
	items = nil
	for _, d := range m.Devices {
		items = append(items, deviceTree(m, d))
	}
	top.items("devices", items)
	items = nil
	for _, l := range m.Links {
		o := &object{}
		o.str("id", l.ID)
		o.str("a", l.A)
		o.str("b", l.B)
		o.str("medium", string(l.Medium))
		o.str("carrier", l.Carrier)
		o.str("circuit", l.Circuit)
		encTree(o, l.Encryption)
		o.str("bandwidth", l.Bandwidth)
		if l.ProtectedMedium {
			o.set("protected-medium", true)
		}
		o.list("risks", l.Risks)
		items = append(items, o)
	}
	top.items("links", items)
	items = nil
	for _, t := range m.Tunnels {
		o := &object{}
		o.str("id", t.ID)
		o.str("a", t.A)
		o.str("b", t.B)
		encTree(o, t.Encryption)
		o.list("over", t.Over)
		items = append(items, o)
	}
	top.items("tunnels", items)
	items = nil
	for _, w := range m.Waivers {
		o := &object{}
		o.str("rule", w.Rule)
		o.str("subject", w.Subject)
		o.str("reason", w.Reason)
		o.str("approved-by", w.ApprovedBy)
		o.date("expires", w.Expires)
		items = append(items, o)
	}
	top.items("waivers", items)
	return top
}

func (o *object) items(key string, items []value) {
	if len(items) > 0 {
		o.set(key, items)
	}
}

func deviceTree(m *Model, d *Device) *object {
	o := &object{}
	o.str("id", d.ID)
	o.str("name", d.Name)
	o.str("type", string(d.Type))
	o.str("site", d.Site)
	implicit := len(d.Zones) == 1 && m.Zone(d.Zones[0]) != nil && m.Zone(d.Zones[0]).Implicit
	switch {
	case implicit:
	case len(d.Zones) == 1:
		o.set("zone", d.Zones[0])
	default:
		o.list("zones", d.Zones)
	}
	if d.Count != 0 {
		o.set("count", d.Count)
	}
	o.str("host", d.Host)
	o.str("boundary", string(d.Boundary))
	if d.CJI != nil {
		o.set("cji", *d.CJI)
	}
	o.str("fips", d.FIPS)
	o.str("fips-standard", string(d.FIPSStandard))
	o.str("authentication", string(d.Authentication))
	o.str("password-policy", string(d.PasswordPolicy))
	o.str("monitoring", string(d.Monitoring))
	o.str("patching", string(d.Patching))
	o.str("split-tunnel", string(d.SplitTunnel))
	o.str("mdm", string(d.MDM))
	o.str("wireless", string(d.Wireless))
	if c := d.Cloud; c != nil {
		co := &object{}
		co.str("provider", c.Provider)
		if c.CJISAgreement != nil {
			co.set("cjis-agreement", *c.CJISAgreement)
		}
		o.set("cloud", co)
	}
	o.list("risks", d.Risks)
	return o
}

// personTree sets key to p's fields when any is given.
func personTree(o *object, key string, p Person) {
	po := &object{}
	po.str("name", p.Name)
	po.str("title", p.Title)
	po.str("email", p.Email)
	po.str("phone", p.Phone)
	if len(po.keys) > 0 {
		o.set(key, po)
	}
}

func encTree(o *object, e *Encryption) {
	if e == nil {
		return
	}
	eo := &object{}
	eo.str("protocol", string(e.Protocol))
	eo.str("fips", e.FIPS)
	eo.str("standard", string(e.Standard))
	if e.Bits != 0 {
		eo.set("bits", e.Bits)
	}
	o.set("encryption", eo)
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
