package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/netreview/netreview/topology"
)

// sample is a value of a field of the kind, as a cell holds it.
func sample(name string, k topology.Kind, values []string) string {
	switch {
	case name == "netreview":
		return "1" // the only version there is
	}
	switch k {
	case topology.Enum:
		return values[len(values)-1]
	case topology.Int:
		return "7"
	case topology.Bool:
		return "true"
	case topology.List:
		return "a, b"
	case topology.Date:
		return "2026-01-02"
	}
	return "v1"
}

// form is one way a model is written and read back.
type form struct {
	name  string
	write func(m *topology.Model, path string) error
	read  func(path string) (*topology.Model, error)
	path  string
}

func forms(dir string) []form {
	encodeTo := func(enc func(*bytes.Buffer, *topology.Model) error) func(*topology.Model, string) error {
		return func(m *topology.Model, path string) error {
			var b bytes.Buffer
			if err := enc(&b, m); err != nil {
				return err
			}
			return os.WriteFile(path, b.Bytes(), 0o644)
		}
	}
	readDoc := func(path string) (*topology.Model, error) {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return topology.Decode(path, data)
	}
	noWarn := func(read func(string) (*topology.Model, []*topology.Warning, error)) func(string) (*topology.Model, error) {
		return func(path string) (*topology.Model, error) {
			m, _, err := read(path)
			return m, err
		}
	}
	return []form{
		{"yaml", encodeTo(func(b *bytes.Buffer, m *topology.Model) error { return topology.EncodeYAML(b, m) }), readDoc, filepath.Join(dir, "p.yaml")},
		{"json", encodeTo(func(b *bytes.Buffer, m *topology.Model) error { return topology.EncodeJSON(b, m) }), readDoc, filepath.Join(dir, "p.json")},
		{"workbook", WriteWorkbook, noWarn(ReadWorkbook), filepath.Join(dir, "p.xlsx")},
		{"csv", WriteCSV, noWarn(ReadCSV), filepath.Join(dir, "csv")},
	}
}

// TestEveryFieldInEveryForm sets each field of every schema table, alone,
// on an element, and sees it in every form: written and read back the same
// through YAML, JSON, a workbook and a CSV folder; a column of the template
// (with its drop-down for an enumerated or true/false field); a change that
// diff reports; and the docs (docs/workbook.md, generated, names it; the
// hand-written docs/proposal-format.md names it and its values in the
// element's section).
func TestEveryFieldInEveryForm(t *testing.T) {
	dir := t.TempDir()
	template := filepath.Join(dir, "template.xlsx")
	if err := WriteTemplate(template); err != nil {
		t.Fatal(err)
	}
	tf, err := excelize.OpenFile(template)
	if err != nil {
		t.Fatal(err)
	}
	defer tf.Close()
	format, err := os.ReadFile(filepath.Join("..", "..", "docs", "proposal-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	workbook, err := os.ReadFile(filepath.Join("..", "..", "docs", "workbook.md"))
	if err != nil {
		t.Fatal(err)
	}
	c := &formCheck{t: t, dir: dir, template: tf, format: string(format), workbook: string(workbook)}
	checkSchema(c, topology.DocumentSchema(), AgencySheet, []string{"## The shape of a file"}, false, nil)
	checkSchema(c, topology.SiteSchema(), SitesSheet, []string{"## Sites"}, true, topology.Diff)
	checkSchema(c, topology.ZoneSchema(), ZonesSheet, []string{"## Zones"}, true, nil)
	checkSchema(c, topology.DeviceSchema(), DevicesSheet, []string{"## Devices"}, true, topology.Diff)
	checkSchema(c, topology.LinkSchema(), LinksSheet, []string{"## Links"}, true, topology.Diff)
	checkSchema(c, topology.TunnelSchema(), TunnelsSheet, []string{"## Tunnels", "## Links"}, true, topology.Diff)
	checkSchema(c, topology.WaiverSchema(), WaiversSheet, []string{"## Waivers"}, false, nil)
}

type formCheck struct {
	t                *testing.T
	dir              string
	template         *excelize.File
	format, workbook string
}

// section returns the part of a Markdown page from the heading to the next
// heading of the same level.
func section(page, heading string) string {
	i := strings.Index(page, "\n"+heading+"\n")
	if i < 0 {
		return ""
	}
	rest := page[i+len(heading)+2:]
	if j := strings.Index(rest, "\n## "); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// checkSchema checks every field of s; headings are the section of
// docs/proposal-format.md that documents the element, and the others where
// its values may be listed instead ("as for links"); hasID says the elements have an id
// (set on every element, so that diff can match them); diff, when not nil,
// is how two models are compared.
func checkSchema[T any](c *formCheck, s *topology.Schema[T], sheet string, headings []string, hasID bool, diff func(a, b *topology.Model) topology.Changes) {
	t := c.t
	heading := headings[0]
	doc := section(c.format, heading)
	if doc == "" {
		t.Fatalf("docs/proposal-format.md has no section %q", heading)
	}
	values := doc
	for _, h := range headings[1:] {
		values += section(c.format, h)
	}
	wbDoc := section(c.workbook, "## "+sheet)
	fields := s.Fields()
	id := slices.IndexFunc(fields, func(f topology.Field[T]) bool { return f.Name == "id" })
	for i, f := range fields {
		t.Run(sheet+"/"+f.Name, func(t *testing.T) {
			// build makes a model of one element (the document's header for
			// the document schema) with the field given when set.
			build := func(set bool) (*topology.Model, *T) {
				d := &topology.Document{Path: "p", Version: 1, FieldPos: topology.NewFieldPos(0)}
				m := &topology.Model{Docs: []*topology.Document{d}}
				x, _ := any(d).(*T)
				if x == nil {
					x = s.New(d, topology.Pos{}, topology.NewFieldPos(0))
					s.Add(m, x)
				}
				if hasID && f.Name != "id" {
					if err := fields[id].Set(x, "x1", topology.Pos{}, topology.FieldPos{}); err != nil {
						t.Fatal(err)
					}
				}
				if set {
					if err := f.Set(x, sample(f.Name, f.Kind, f.Values), topology.Pos{}, topology.FieldPos{}); err != nil {
						t.Fatal(err)
					}
				}
				m.Reindex()
				return m, x
			}
			m, x := build(true)
			want := s.Cells(x)[i]
			if want == "" {
				t.Fatalf("the sample value %q sets nothing", sample(f.Name, f.Kind, f.Values))
			}
			for _, fm := range forms(c.dir) {
				if err := fm.write(m, fm.path); err != nil {
					t.Fatalf("%s: write: %v", fm.name, err)
				}
				back, err := fm.read(fm.path)
				if err != nil {
					t.Fatalf("%s: read: %v", fm.name, err)
				}
				var y *T
				if back != nil {
					if got, ok := any(back.Docs[0]).(*T); ok {
						y = got
					} else if l := s.Written(back); len(l) == 1 {
						y = l[0]
					}
				}
				if y == nil {
					t.Fatalf("%s: the element did not come back", fm.name)
				}
				if got := s.Cells(y)[i]; got != want {
					t.Errorf("%s: %s = %q, want %q", fm.name, f.Name, got, want)
				}
			}
			if !templateHas(c.template, sheet, f.Column, f.Kind == topology.Enum || f.Kind == topology.Bool) {
				t.Errorf("the template's %s sheet has no column %q (with its drop-down)", sheet, f.Column)
			}
			if diff != nil && f.Name != "id" {
				before, _ := build(false)
				found := false
				for _, ch := range diff(before, m).Changed {
					found = found || ch.Field == f.Name && ch.After == want
				}
				if !found {
					t.Errorf("diff does not report %s", f.Name)
				}
			}
			if !strings.Contains(wbDoc, "`"+f.Name+"`") {
				t.Errorf("docs/workbook.md's %s section does not name %s", sheet, f.Name)
			}
			leaf := f.Name[strings.LastIndexByte(f.Name, '.')+1:]
			if !strings.Contains(doc, "`"+leaf+"`") && !strings.Contains(doc, leaf+":") {
				t.Errorf("docs/proposal-format.md's section %q does not name %s", heading, leaf)
			}
			for _, v := range f.Values {
				if !strings.Contains(values, v) {
					t.Errorf("docs/proposal-format.md's section %q does not name the value %s of %s", heading, v, f.Name)
				}
			}
		})
	}
}

// templateHas reports whether the template's sheet has the column header
// (for the Agency sheet, a field row), with a drop-down on it when dropDown.
func templateHas(f *excelize.File, sheet, header string, dropDown bool) bool {
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		return false
	}
	var cell string
	if sheet == AgencySheet {
		for i, r := range rows {
			if len(r) > 0 && r[0] == header {
				cell, _ = excelize.CoordinatesToCellName(2, i+1)
			}
		}
	} else {
		for i, h := range rows[0] {
			if h == header {
				cell, _ = excelize.CoordinatesToCellName(i+1, 2)
			}
		}
	}
	if cell == "" {
		return false
	}
	if !dropDown {
		return true
	}
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		return false
	}
	col, row, _ := excelize.SplitCellName(cell)
	for _, dv := range dvs {
		for _, ref := range strings.Fields(dv.Sqref) {
			from, to, _ := strings.Cut(ref, ":")
			if to == "" {
				to = from
			}
			fc, fr, _ := excelize.SplitCellName(from)
			tc, tr, _ := excelize.SplitCellName(to)
			if fc == col && tc == col && fr <= row && row <= tr {
				return true
			}
		}
	}
	return false
}
