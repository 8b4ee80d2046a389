package topology

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	goyaml "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
	yaml "go.yaml.in/yaml/v3"

	"github.com/netreview/netreview/internal/yamlnode"
)

// Decode parses one YAML or JSON document into a model fragment with one
// Document. A path ending in .json is parsed as strict JSON by a dedicated
// parser, anything else by go.yaml.in/yaml/v3; both build the same node tree,
// which one walker validates. Every element and field gets its place.
// Problems come back as an ErrorList; when they are errors of fields (an
// unknown or repeated field, a value of the wrong type) rather than of
// syntax, the fragment read so far comes back too, so that ValidateValues
// can report the bad enumerated values in the same run.
func Decode(path string, data []byte) (*Model, error) { return decode(path, data, true) }

// decode is Decode; stream has the JSON parser hand the elements of the
// lists to the walker as it parses them rather than build the whole tree
// first (the same result, in less memory).
func decode(path string, data []byte, stream bool) (*Model, error) {
	d := &decoder{file: path}
	m := &Model{}
	doc := &Document{Path: path, Pos: Pos{File: path, Line: 1, Col: 1}, FieldPos: FieldPos{}}
	m.Docs = []*Document{doc}
	var root yaml.Node
	if strings.HasSuffix(strings.ToLower(path), ".json") {
		// The elements of the lists are walked as they are parsed, so that
		// the tree of a large file is never whole in memory.
		var walk func(key string, n *yaml.Node)
		if stream {
			walk = func(key string, n *yaml.Node) { d.element(key, n, doc, m) }
		}
		n, streamed, err := parseJSONStream(path, data, walk)
		if err != nil {
			return nil, ErrorList{err}
		}
		root, d.streamed = *n, streamed
	} else if err := yaml.Unmarshal(data, &root); err != nil {
		d.errs = append(d.errs, syntaxError(path, data, err))
		return nil, d.errs
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		d.errs.Add(doc.Pos, "empty document: want a mapping starting with \"netreview: %d\"", FormatVersion)
		return nil, d.errs
	}
	top := root.Content[0]
	doc.Pos = d.pos(top)
	if top.Kind != yaml.MappingNode {
		d.errs.Add(d.pos(top), "the document is %s, want a mapping starting with \"netreview: %d\"", yamlnode.Describe(top), FormatVersion)
		return nil, d.errs
	}
	d.document(top, doc, m)
	if len(d.errs) > 0 {
		d.errs.Sort()
		return m, d.errs
	}
	return m, nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// syntaxError turns a YAML syntax error into an Error at its place. yaml/v3
// often names the wrong line, so the input is parsed again with goccy/go-yaml
// for the exact line and column; yaml/v3's line is the fallback.
func syntaxError(path string, data []byte, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if _, gerr := parser.ParseBytes(data, 0); gerr != nil {
		var se *goyaml.SyntaxError
		if errors.As(gerr, &se) && se.Token != nil && se.Token.Position != nil && se.Token.Position.Line > 0 {
			p := Pos{File: path, Line: se.Token.Position.Line, Col: se.Token.Position.Column}
			return Errorf(p, "syntax error: %s", se.Message)
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

type decoder struct {
	file     string
	errs     ErrorList
	streamed []*yaml.Node // lists whose elements were walked as they were parsed
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

// fields walks a mapping, recording each key's place under prefix+key and
// calling fn for the known keys; unknown keys are errors with a suggestion.
func (d *decoder) fields(n *yaml.Node, what, prefix string, fp FieldPos, known []string, fn func(key string, k, v *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		d.errs.Add(d.pos(n), "%s is %s, want a mapping", what, yamlnode.Describe(n))
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		name := prefix + key
		if first, dup := fp[name]; dup && contains(known, key) && key != "zones" {
			d.errs.Add(d.pos(k), "%s is given twice in %s (first at %s)", key, what, first)
			continue
		}
		if !contains(known, key) {
			msg := fmt.Sprintf("unknown field %q in %s", key, what)
			if s := Suggest(key, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			d.errs.Add(d.pos(k), "%s", msg)
			continue
		}
		fp[name] = d.pos(k)
		fn(key, k, v)
	}
	return true
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
		if n, err := strconv.Atoi(v.Value); err == nil {
			return n
		}
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
func (d *decoder) strings(v *yaml.Node, key string, fp FieldPos, single bool) []string {
	if single && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
		fp[key+"[0]"] = d.pos(v)
		return []string{v.Value}
	}
	if v.Kind != yaml.SequenceNode {
		d.errs.Add(d.pos(v), "%s is %s, want a list", key, yamlnode.Describe(v))
		return nil
	}
	out := make([]string, 0, len(v.Content))
	for i, it := range v.Content {
		item := key + "[" + strconv.Itoa(i) + "]"
		fp[item] = d.pos(it)
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
// maxFieldHint, past which the map grows as it is filled).
func fieldPos(n *yaml.Node) FieldPos {
	if n.Kind != yaml.MappingNode {
		return FieldPos{}
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
				size++ // zones[0]
			}
		}
	}
	return make(FieldPos, min(size, maxFieldHint))
}

// maxFieldHint bounds fieldPos's sizing, so that a long list under an
// unknown key makes no large map.
const maxFieldHint = 64

// elemPos is the place of an element: its first key, or the node.
func (d *decoder) elemPos(n *yaml.Node) Pos {
	if n.Kind == yaml.MappingNode && len(n.Content) > 0 {
		return d.pos(n.Content[0])
	}
	return d.pos(n)
}

var (
	topFields      = []string{"netreview", "agency", "proposal", "sites", "zones", "devices", "links", "tunnels", "waivers"}
	agencyFields   = []string{"name", "ori", "county", "role", "address", "head", "laso"}
	headFields     = []string{"name", "title"}
	lasoFields     = []string{"name", "email", "phone"}
	proposalFields = []string{"title", "kind", "submitted", "vendor"}
	siteFields     = []string{"id", "name", "security", "address", "risks"}
	zoneFields     = []string{"id", "name", "kind"}
	deviceFields   = []string{"id", "name", "type", "site", "zone", "zones", "count", "host", "boundary", "cji", "fips", "fips-standard", "authentication", "password-policy", "monitoring", "patching", "split-tunnel", "mdm", "wireless", "cloud", "risks"}
	cloudFields    = []string{"provider", "cjis-agreement"}
	encFields      = []string{"protocol", "fips", "standard", "bits"}
	linkFields     = []string{"id", "a", "b", "medium", "carrier", "circuit", "encryption", "bandwidth", "protected-medium", "risks"}
	tunnelFields   = []string{"id", "a", "b", "encryption", "over"}
	waiverFields   = []string{"rule", "subject", "reason", "approved-by", "expires"}
)

func (d *decoder) document(top *yaml.Node, doc *Document, m *Model) {
	sawVersion := false
	d.fields(top, "the document", "", doc.FieldPos, topFields, func(key string, k, v *yaml.Node) {
		switch key {
		case "netreview":
			sawVersion = true
			if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || v.Value != strconv.Itoa(FormatVersion) {
				d.errs.Add(d.pos(v), "unsupported format version %s, want netreview: %d", yamlnode.Describe(v), FormatVersion)
				return
			}
			doc.Version = FormatVersion
		case "agency":
			d.fields(v, "agency", "agency.", doc.FieldPos, agencyFields, func(key string, _, v *yaml.Node) {
				a := &doc.Agency
				switch key {
				case "head":
					d.person(v, "agency.head", doc.FieldPos, headFields, &a.Head)
					return
				case "laso":
					d.person(v, "agency.laso", doc.FieldPos, lasoFields, &a.LASO)
					return
				}
				s := d.str(v, "agency."+key)
				switch key {
				case "name":
					a.Name = s
				case "ori":
					a.ORI = s
				case "county":
					a.County = s
				case "role":
					a.Role = AgencyRole(s)
				case "address":
					a.Address = s
				}
			})
		case "proposal":
			p := &Proposal{}
			doc.Proposal = p
			d.fields(v, "proposal", "proposal.", doc.FieldPos, proposalFields, func(key string, _, v *yaml.Node) {
				switch key {
				case "title":
					p.Title = d.str(v, "proposal.title")
				case "kind":
					p.Kind = ProposalKind(d.str(v, "proposal.kind"))
				case "submitted":
					p.Submitted = d.date(v, "proposal.submitted")
				case "vendor":
					p.Vendor = d.str(v, "proposal.vendor")
				}
			})
		default: // the lists of elements
			d.items(v, key, func(n *yaml.Node) { d.element(key, n, doc, m) })
		}
	})
	if !sawVersion {
		d.errs.Add(doc.Pos, "missing \"netreview: %d\": the format version is required", FormatVersion)
	}
}

// listWalkers are the walkers of the elements of the top-level lists; each
// adds its element to the model unless it has errors.
var listWalkers = [...]struct {
	key  string
	walk func(d *decoder, n *yaml.Node, doc *Document, m *Model)
}{
	{"sites", (*decoder).site}, {"zones", (*decoder).zone}, {"devices", (*decoder).device},
	{"links", (*decoder).link}, {"tunnels", (*decoder).tunnel}, {"waivers", (*decoder).waiver},
}

// element walks one element of the top-level list key and adds it to m.
func (d *decoder) element(key string, n *yaml.Node, doc *Document, m *Model) {
	for _, w := range listWalkers {
		if w.key == key {
			w.walk(d, n, doc, m)
		}
	}
}

func (d *decoder) site(n *yaml.Node, doc *Document, m *Model) {
	s := &Site{Doc: doc, Pos: d.elemPos(n), FieldPos: fieldPos(n)}
	if !d.fields(n, "a site", "", s.FieldPos, siteFields, func(key string, _, v *yaml.Node) {
		switch key {
		case "id":
			s.ID = d.str(v, key)
		case "name":
			s.Name = d.str(v, key)
		case "security":
			s.Security = Security(d.str(v, key))
		case "address":
			s.Address = d.str(v, key)
		case "risks":
			s.Risks = d.strings(v, key, s.FieldPos, false)
		}
	}) {
		return
	}
	m.Sites = append(m.Sites, s)
}

func (d *decoder) zone(n *yaml.Node, doc *Document, m *Model) {
	z := &Zone{Doc: doc, Pos: d.elemPos(n), FieldPos: fieldPos(n)}
	if !d.fields(n, "a zone", "", z.FieldPos, zoneFields, func(key string, _, v *yaml.Node) {
		switch key {
		case "id":
			z.ID = d.str(v, key)
		case "name":
			z.Name = d.str(v, key)
		case "kind":
			z.Kind = ZoneKind(d.str(v, key))
		}
	}) {
		return
	}
	m.Zones = append(m.Zones, z)
}

func (d *decoder) device(n *yaml.Node, doc *Document, m *Model) {
	x := &Device{Doc: doc, Pos: d.elemPos(n), FieldPos: fieldPos(n)}
	var zoneKey *yaml.Node
	if !d.fields(n, "a device", "", x.FieldPos, deviceFields, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			x.ID = d.str(v, key)
		case "name":
			x.Name = d.str(v, key)
		case "type":
			x.Type = DeviceType(d.str(v, key))
		case "site":
			x.Site = d.str(v, key)
		case "zone", "zones":
			if zoneKey != nil {
				d.errs.Add(d.pos(k), "a device has either zone or zones, not both (%s at %s)", zoneKey.Value, d.pos(zoneKey))
				return
			}
			zoneKey = k
			if key == "zone" {
				x.Zones = []string{d.str(v, key)}
				x.FieldPos["zones"] = d.pos(k)
				x.FieldPos["zones[0]"] = d.pos(v)
			} else {
				x.Zones = d.strings(v, key, x.FieldPos, true)
			}
		case "count":
			x.Count = d.integer(v, key)
		case "host":
			x.Host = d.str(v, key)
		case "boundary":
			x.Boundary = Boundary(d.str(v, key))
		case "cji":
			b := d.boolean(v, key)
			x.CJI = &b
		case "fips":
			x.FIPS = d.cert(v, key)
		case "fips-standard":
			x.FIPSStandard = FIPSStandard(d.cert(v, key))
		case "authentication":
			x.Authentication = Authentication(d.str(v, key))
		case "password-policy":
			x.PasswordPolicy = PasswordPolicy(d.str(v, key))
		case "monitoring":
			x.Monitoring = Monitoring(d.str(v, key))
		case "patching":
			x.Patching = Patching(d.str(v, key))
		case "split-tunnel":
			x.SplitTunnel = SplitTunnel(d.str(v, key))
		case "mdm":
			x.MDM = MDM(d.str(v, key))
		case "wireless":
			x.Wireless = Wireless(d.str(v, key))
		case "cloud":
			c := &Cloud{}
			x.Cloud = c
			d.fields(v, "cloud", "cloud.", x.FieldPos, cloudFields, func(key string, _, v *yaml.Node) {
				switch key {
				case "provider":
					c.Provider = d.str(v, "cloud.provider")
				case "cjis-agreement":
					b := d.boolean(v, "cloud.cjis-agreement")
					c.CJISAgreement = &b
				}
			})
		case "risks":
			x.Risks = d.strings(v, key, x.FieldPos, false)
		}
	}) {
		return
	}
	m.Devices = append(m.Devices, x)
}

// person decodes a person mapping (agency.head, agency.laso) into p.
func (d *decoder) person(v *yaml.Node, what string, fp FieldPos, known []string, p *Person) {
	d.fields(v, what, what+".", fp, known, func(key string, _, v *yaml.Node) {
		s := d.str(v, what+"."+key)
		switch key {
		case "name":
			p.Name = s
		case "title":
			p.Title = s
		case "email":
			p.Email = s
		case "phone":
			p.Phone = s
		}
	})
}

func (d *decoder) encryption(v *yaml.Node, fp FieldPos) *Encryption {
	e := &Encryption{}
	d.fields(v, "encryption", "encryption.", fp, encFields, func(key string, _, v *yaml.Node) {
		switch key {
		case "protocol":
			e.Protocol = Protocol(d.str(v, "encryption.protocol"))
		case "fips":
			e.FIPS = d.cert(v, "encryption.fips")
		case "standard":
			e.Standard = FIPSStandard(d.cert(v, "encryption.standard"))
		case "bits":
			e.Bits = d.integer(v, "encryption.bits")
		}
	})
	return e
}

func (d *decoder) link(n *yaml.Node, doc *Document, m *Model) {
	l := &Link{Doc: doc, Pos: d.elemPos(n), FieldPos: fieldPos(n)}
	if !d.fields(n, "a link", "", l.FieldPos, linkFields, func(key string, _, v *yaml.Node) {
		switch key {
		case "id":
			l.ID = d.str(v, key)
		case "a":
			l.A = d.str(v, key)
		case "b":
			l.B = d.str(v, key)
		case "medium":
			l.Medium = Medium(d.str(v, key))
		case "carrier":
			l.Carrier = d.str(v, key)
		case "circuit":
			l.Circuit = d.cert(v, key)
		case "encryption":
			l.Encryption = d.encryption(v, l.FieldPos)
		case "bandwidth":
			l.Bandwidth = d.cert(v, key)
		case "protected-medium":
			l.ProtectedMedium = d.boolean(v, key)
		case "risks":
			l.Risks = d.strings(v, key, l.FieldPos, false)
		}
	}) {
		return
	}
	m.Links = append(m.Links, l)
}

func (d *decoder) tunnel(n *yaml.Node, doc *Document, m *Model) {
	t := &Tunnel{Doc: doc, Pos: d.elemPos(n), FieldPos: fieldPos(n)}
	if !d.fields(n, "a tunnel", "", t.FieldPos, tunnelFields, func(key string, _, v *yaml.Node) {
		switch key {
		case "id":
			t.ID = d.str(v, key)
		case "a":
			t.A = d.str(v, key)
		case "b":
			t.B = d.str(v, key)
		case "encryption":
			t.Encryption = d.encryption(v, t.FieldPos)
		case "over":
			t.Over = d.strings(v, key, t.FieldPos, false)
		}
	}) {
		return
	}
	m.Tunnels = append(m.Tunnels, t)
}

func (d *decoder) waiver(n *yaml.Node, doc *Document, m *Model) {
	w := &Waiver{Doc: doc, Pos: d.elemPos(n), FieldPos: fieldPos(n)}
	if !d.fields(n, "a waiver", "", w.FieldPos, waiverFields, func(key string, _, v *yaml.Node) {
		switch key {
		case "rule":
			w.Rule = d.str(v, key)
		case "subject":
			w.Subject = d.str(v, key)
		case "reason":
			w.Reason = d.str(v, key)
		case "approved-by":
			w.ApprovedBy = d.str(v, key)
		case "expires":
			w.Expires = d.date(v, key)
		}
	}) {
		return
	}
	m.Waivers = append(m.Waivers, w)
}

// Merge joins fragments into one model in input order. When no fragment
// declares any zone, it adds the implicit zone "cji" (criminal-justice) and
// puts every device without zones in it. It reindexes the result.
func Merge(frags ...*Model) *Model {
	m := &Model{}
	for _, f := range frags {
		if f == nil {
			continue
		}
		m.Docs = append(m.Docs, f.Docs...)
		m.Sites = append(m.Sites, f.Sites...)
		m.Zones = append(m.Zones, f.Zones...)
		m.Devices = append(m.Devices, f.Devices...)
		m.Links = append(m.Links, f.Links...)
		m.Tunnels = append(m.Tunnels, f.Tunnels...)
		m.Waivers = append(m.Waivers, f.Waivers...)
	}
	if len(m.Zones) == 0 {
		z := &Zone{ID: DefaultZoneID, Kind: CriminalJustice, Implicit: true, FieldPos: FieldPos{}}
		if len(m.Docs) > 0 {
			z.Doc = m.Docs[0]
			z.Pos = Pos{File: m.Docs[0].Path}
		}
		m.Zones = append(m.Zones, z)
		for _, d := range m.Devices {
			if len(d.Zones) == 0 {
				d.Zones = []string{DefaultZoneID}
			}
		}
	}
	m.Reindex()
	return m
}

// LoadFiles reads, decodes, merges and validates YAML or JSON files, and
// returns every error from every file at once as an ErrorList.
func LoadFiles(paths ...string) (*Model, error) {
	var frags []*Model
	var errs ErrorList
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			errs.Add(Pos{File: p}, "%v", err)
			continue
		}
		f, err := Decode(p, data)
		if err != nil {
			var el ErrorList
			if errors.As(err, &el) {
				errs = append(errs, el...)
				if f != nil {
					frags = append(frags, f)
				}
				continue
			}
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		frags = append(frags, f)
	}
	if len(errs) > 0 {
		errs = append(errs, ValidateValues(Merge(frags...))...)
		errs.Sort()
		return nil, errs
	}
	m := Merge(frags...)
	if err := Validate(m); err != nil {
		return nil, err
	}
	return m, nil
}
