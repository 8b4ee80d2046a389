package sheet

import (
	"fmt"
	"iter"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/netreview/netreview/topology"
)

// Row is one row of a sheet as read: its 1-based row number and its cells,
// as text (numbers and dates as their raw value).
type Row struct {
	Num   int
	Cells []string
}

// posFunc returns the place of a cell given its 1-based row and column.
type posFunc func(row, col int) topology.Pos

// builder turns sheets into one model fragment.
type builder struct {
	m     *topology.Model
	doc   *topology.Document
	errs  topology.ErrorList
	warns []*topology.Warning
}

func newBuilder(path string, start topology.Pos) *builder {
	doc := &topology.Document{Path: path, Version: topology.FormatVersion, Pos: start, FieldPos: topology.FieldPos{}}
	return &builder{m: &topology.Model{Docs: []*topology.Document{doc}}, doc: doc}
}

// result returns the fragment, the warnings, and the errors as an ErrorList.
func (b *builder) result() (*topology.Model, []*topology.Warning, error) {
	if len(b.errs) > 0 {
		b.errs.Sort()
		return nil, b.warns, b.errs
	}
	b.m.Reindex()
	return b.m, b.warns, nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readSheet reads the rows of one data sheet: the first non-blank row holds
// the headers, blank rows are skipped.
func (b *builder) readSheet(sh *Sheet, rows iter.Seq[Row], pos posFunc) {
	var cols []*Column
	var headerCells []string
	var header bool
	warned := map[int]bool{}
	for r := range rows {
		if blank(r.Cells) {
			continue
		}
		if !header {
			header = true
			cols = b.headers(sh, r, pos)
			headerCells = r.Cells
			continue
		}
		for i, c := range r.Cells {
			if (i >= len(headerCells) || strings.TrimSpace(headerCells[i]) == "") && strings.TrimSpace(c) != "" && !warned[i] {
				warned[i] = true
				b.warns = append(b.warns, topology.Errorf(pos(r.Num, i+1), "value in a column without a header; ignored"))
			}
		}
		rec := &record{b: b, row: r, cols: cols, pos: pos, fp: make(topology.FieldPos, len(cols))}
		b.element(sh.Name, rec)
	}
}

// headers maps each column of the header row to its Column (nil for a column
// the sheet does not define, which is warned about and ignored).
func (b *builder) headers(sh *Sheet, r Row, pos posFunc) []*Column {
	cols := make([]*Column, len(r.Cells))
	seen := map[string]int{}
	for i, h := range r.Cells {
		if strings.TrimSpace(h) == "" {
			continue
		}
		c := sh.lookup(h)
		if c == nil {
			b.warns = append(b.warns, topology.Errorf(pos(r.Num, i+1), "column %q is not part of the %s sheet; ignored", strings.TrimSpace(h), sh.Name))
			continue
		}
		if j, dup := seen[c.Key]; dup {
			b.errs.Add(pos(r.Num, i+1), "column %q repeats column %d (%s)", strings.TrimSpace(h), j+1, c.Header)
			continue
		}
		seen[c.Key] = i
		cols[i] = c
	}
	return cols
}

// record is one data row being read.
type record struct {
	b    *builder
	row  Row
	cols []*Column
	pos  posFunc
	fp   topology.FieldPos
}

// cell returns the trimmed text of the column with the key, and its place.
func (r *record) cell(key string) (string, topology.Pos, bool) {
	for i, c := range r.cols {
		if c != nil && c.Key == key {
			if i >= len(r.row.Cells) {
				return "", topology.Pos{}, false
			}
			v := strings.TrimSpace(r.row.Cells[i])
			if v == "" {
				return "", topology.Pos{}, false
			}
			p := r.pos(r.row.Num, i+1)
			r.fp[key] = p
			return v, p, true
		}
	}
	return "", topology.Pos{}, false
}

// start is the place of the element: the cell of its key column, or the
// first non-blank cell of the row.
func (r *record) start(key string) topology.Pos {
	if _, p, ok := r.cell(key); ok {
		return p
	}
	for i, c := range r.row.Cells {
		if strings.TrimSpace(c) != "" {
			return r.pos(r.row.Num, i+1)
		}
	}
	return r.pos(r.row.Num, 1)
}

func (r *record) text(key string) string {
	v, _, _ := r.cell(key)
	return v
}

func (r *record) enum(key string) string {
	v, _, _ := r.cell(key)
	return normEnum(v)
}

func (r *record) int(key string) int {
	v, p, ok := r.cell(key)
	if !ok {
		return 0
	}
	n, err := parseInt(v)
	if err != nil {
		r.b.errs.Add(p, "%s: want a whole number, got %q", headerOf(key, r.cols), v)
	}
	return n
}

func parseInt(v string) (int, error) {
	if n, err := strconv.Atoi(v); err == nil {
		return n, nil
	}
	// Numbers stored as numbers may come back as 256.0 or 2.56E2.
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<31 {
		return 0, fmt.Errorf("not a whole number")
	}
	return int(f), nil
}

func (r *record) boolp(key string) *bool {
	v, p, ok := r.cell(key)
	if !ok {
		return nil
	}
	t, err := parseBool(v)
	if err != nil {
		r.b.errs.Add(p, "%s: want true or false (or yes or no), got %q", headerOf(key, r.cols), v)
		return nil
	}
	return &t
}

func parseBool(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "yes", "y", "1", "t":
		return true, nil
	case "false", "no", "n", "0", "f":
		return false, nil
	}
	return false, fmt.Errorf("not a boolean")
}

func (r *record) list(key string) []string {
	v, p, ok := r.cell(key)
	if !ok {
		return nil
	}
	var out []string
	for _, it := range strings.Split(v, ",") {
		if it = strings.TrimSpace(it); it != "" {
			r.fp[fmt.Sprintf("%s[%d]", key, len(out))] = p
			out = append(out, it)
		}
	}
	return out
}

var dateLayouts = []string{"2006-01-02", "2006/01/02", "1/2/2006", "01/02/2006", "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02T15:04:05"}

func (r *record) date(key string) time.Time {
	v, p, ok := r.cell(key)
	if !ok {
		return time.Time{}
	}
	t, err := parseDate(v)
	if err != nil {
		r.b.errs.Add(p, "%s: want a date YYYY-MM-DD, got %q", headerOf(key, r.cols), v)
	}
	return t
}

// parseDate reads a date written as text or as a spreadsheet serial number
// (days since 1899-12-30).
func parseDate(v string) (time.Time, error) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, v); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 1 || f > 2958465 {
		return time.Time{}, fmt.Errorf("not a date")
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return base.AddDate(0, 0, int(math.Floor(f))), nil
}

func headerOf(key string, cols []*Column) string {
	for _, c := range cols {
		if c != nil && c.Key == key {
			return strings.ToLower(c.Header)
		}
	}
	return key
}

func (r *record) encryption() *topology.Encryption {
	e := &topology.Encryption{
		Protocol: topology.Protocol(r.enum("encryption.protocol")),
		FIPS:     r.text("encryption.fips"),
		Standard: topology.FIPSStandard(r.enum("encryption.standard")),
		Bits:     r.int("encryption.bits"),
	}
	if *e == (topology.Encryption{}) {
		if _, _, ok := r.cell("encryption.bits"); !ok {
			return nil
		}
	}
	return e
}

// element builds the element of one data row.
func (b *builder) element(sheet string, r *record) {
	m, doc := b.m, b.doc
	switch sheet {
	case SitesSheet:
		m.Sites = append(m.Sites, &topology.Site{
			Pos: r.start("id"), ID: r.text("id"), Name: r.text("name"),
			Security: topology.Security(r.enum("security")), Address: r.text("address"),
			Risks: r.list("risks"), Doc: doc, FieldPos: r.fp,
		})
	case ZonesSheet:
		m.Zones = append(m.Zones, &topology.Zone{
			Pos: r.start("id"), ID: r.text("id"), Name: r.text("name"),
			Kind: topology.ZoneKind(r.enum("kind")), Doc: doc, FieldPos: r.fp,
		})
	case DevicesSheet:
		d := &topology.Device{
			Pos: r.start("id"), ID: r.text("id"), Name: r.text("name"),
			Type: topology.DeviceType(r.enum("type")), Site: r.text("site"),
			Zones: r.list("zones"), Count: r.int("count"), Host: r.text("host"),
			Boundary: topology.Boundary(r.enum("boundary")), CJI: r.boolp("cji"),
			FIPS: r.text("fips"), FIPSStandard: topology.FIPSStandard(r.enum("fips-standard")),
			Authentication: topology.Authentication(r.enum("authentication")),
			PasswordPolicy: topology.PasswordPolicy(r.enum("password-policy")),
			Monitoring:     topology.Monitoring(r.enum("monitoring")),
			Patching:       topology.Patching(r.enum("patching")),
			SplitTunnel:    topology.SplitTunnel(r.enum("split-tunnel")),
			MDM:            topology.MDM(r.enum("mdm")),
			Wireless:       topology.Wireless(r.enum("wireless")),
			Doc:            doc, FieldPos: r.fp,
		}
		prov, agree := r.text("cloud.provider"), r.boolp("cloud.cjis-agreement")
		if prov != "" || agree != nil {
			d.Cloud = &topology.Cloud{Provider: prov, CJISAgreement: agree}
		}
		d.Risks = r.list("risks")
		m.Devices = append(m.Devices, d)
	case LinksSheet:
		l := &topology.Link{
			Pos: r.start("id"), ID: r.text("id"), A: r.text("a"), B: r.text("b"),
			Medium: topology.Medium(r.enum("medium")), Carrier: r.text("carrier"),
			Circuit: r.text("circuit"), Encryption: r.encryption(), Bandwidth: r.text("bandwidth"),
			Doc: doc, FieldPos: r.fp,
		}
		if p := r.boolp("protected-medium"); p != nil {
			l.ProtectedMedium = *p
		}
		l.Risks = r.list("risks")
		m.Links = append(m.Links, l)
	case TunnelsSheet:
		m.Tunnels = append(m.Tunnels, &topology.Tunnel{
			Pos: r.start("id"), ID: r.text("id"), A: r.text("a"), B: r.text("b"),
			Encryption: r.encryption(), Over: r.list("over"), Doc: doc, FieldPos: r.fp,
		})
	case WaiversSheet:
		m.Waivers = append(m.Waivers, &topology.Waiver{
			Pos: r.start("rule"), Rule: r.text("rule"), Subject: r.text("subject"),
			Reason: r.text("reason"), ApprovedBy: r.text("approved-by"),
			Expires: r.date("expires"), Doc: doc, FieldPos: r.fp,
		})
	}
}

// readAgency reads the two-column Agency sheet (Field, Value). A header row
// whose first cell is "Field" is skipped; unknown fields are warned about.
func (b *builder) readAgency(rows iter.Seq[Row], pos posFunc) {
	fields := Sheet{Name: AgencySheet, Columns: AgencyFields}
	var prop topology.Proposal
	var hasProp bool
	for r := range rows {
		if blank(r.Cells) {
			continue
		}
		name := strings.TrimSpace(r.Cells[0])
		if normHeader(name) == "field" {
			continue
		}
		c := fields.lookup(name)
		if c == nil {
			if name == "" {
				name = "(blank)"
			}
			b.warns = append(b.warns, topology.Errorf(pos(r.Num, 1), "field %q is not part of the Agency sheet; ignored", name))
			continue
		}
		rec := &record{b: b, row: Row{Num: r.Num, Cells: r.Cells}, pos: pos, fp: b.doc.FieldPos,
			cols: []*Column{nil, c}}
		switch c.Key {
		case "netreview":
			if _, _, ok := rec.cell(c.Key); ok {
				b.doc.Version = rec.int(c.Key)
			}
		case "agency.name":
			b.doc.Agency.Name = rec.text(c.Key)
		case "agency.ori":
			b.doc.Agency.ORI = rec.text(c.Key)
		case "agency.county":
			b.doc.Agency.County = rec.text(c.Key)
		case "agency.role":
			b.doc.Agency.Role = topology.AgencyRole(rec.enum(c.Key))
		case "agency.address":
			b.doc.Agency.Address = rec.text(c.Key)
		case "agency.head.name":
			b.doc.Agency.Head.Name = rec.text(c.Key)
		case "agency.head.title":
			b.doc.Agency.Head.Title = rec.text(c.Key)
		case "agency.laso.name":
			b.doc.Agency.LASO.Name = rec.text(c.Key)
		case "agency.laso.email":
			b.doc.Agency.LASO.Email = rec.text(c.Key)
		case "agency.laso.phone":
			b.doc.Agency.LASO.Phone = rec.text(c.Key)
		case "proposal.title":
			prop.Title = rec.text(c.Key)
		case "proposal.kind":
			prop.Kind = topology.ProposalKind(rec.enum(c.Key))
		case "proposal.submitted":
			prop.Submitted = rec.date(c.Key)
		case "proposal.vendor":
			prop.Vendor = rec.text(c.Key)
		}
		if strings.HasPrefix(c.Key, "proposal.") {
			if _, ok := b.doc.FieldPos[c.Key]; ok {
				hasProp = true
			}
		}
	}
	if hasProp {
		b.doc.Proposal = &prop
	}
}
