package sheet

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/internal/modeltest"
)

func ptr[T any](v T) *T { return &v }

// fixture is a model that uses every column of every sheet.
func fixture() *topology.Model {
	doc := &topology.Document{Path: "fixture", Version: 1,
		Agency: topology.Agency{Name: "Riverbend Police Department", ORI: "CA0420100", County: "Riverbend"},
		Proposal: &topology.Proposal{Title: "MPLS, with an IPsec backup", Kind: topology.Upgrade,
			Submitted: time.Date(2026, 9, 14, 0, 0, 0, 0, time.UTC), Vendor: "Example \"Integrators\""}}
	m := &topology.Model{Docs: []*topology.Document{doc}}
	m.Sites = []*topology.Site{
		{ID: "hq", Name: "Headquarters", Security: topology.PhysicallySecure, Address: "100 Main St\nSuite 2", Risks: []string{"power:feeder-12", "building:city-hall"}},
		{ID: "car", Security: topology.Mobile},
	}
	m.Zones = []*topology.Zone{{ID: "cji", Name: "CJI", Kind: topology.CriminalJustice}, {ID: "city", Kind: topology.NonCriminalJustice}}
	m.Devices = []*topology.Device{
		{ID: "hq-fw1", Name: "HQ firewall", Type: topology.Firewall, Site: "hq", Zones: []string{"cji", "city"},
			Count: 1, Boundary: topology.BoundaryFirewall, CJI: ptr(false), FIPS: "4021", FIPSStandard: topology.FIPS1403,
			Authentication: topology.AuthAdvanced, PasswordPolicy: topology.PasswordCompliant, Monitoring: topology.MonitoringIPS,
			Patching: topology.PatchingManaged, Risks: []string{"rack:a"}},
		{ID: "vm1", Type: topology.VirtualMachine, Site: "hq", Zones: []string{"cji"}, Host: "hv1", Count: 40},
		{ID: "ap1", Type: topology.WirelessAP, Site: "hq", Zones: []string{"cji"}, Wireless: topology.WPA2Enterprise, CJI: ptr(true)},
		{ID: "cloud", Type: topology.CloudService, Zones: []string{"cji"}, Cloud: &topology.Cloud{Provider: "Azure Government", CJISAgreement: ptr(true)}},
		{ID: "cloud2", Type: topology.CloudService, Zones: []string{"cji"}, Cloud: &topology.Cloud{Provider: "Other"}},
	}
	m.Links = []*topology.Link{
		{ID: "l1", A: "hq-fw1", B: "vm1", Medium: topology.MPLS, Carrier: "att", Circuit: "DHEC.1",
			Encryption: &topology.Encryption{Protocol: topology.ProtoIPsec, FIPS: "4021", Standard: topology.FIPS1402, Bits: 256},
			Bandwidth:  "100M", ProtectedMedium: true, Risks: []string{"conduit:main-st"}},
		{ID: "l2", A: "ap1", B: "hq-fw1", Medium: topology.WiFi, Encryption: &topology.Encryption{Protocol: topology.ProtoNone}},
		{ID: "l3", A: "ap1", B: "cloud", Medium: topology.InternetM},
	}
	m.Tunnels = []*topology.Tunnel{{ID: "t1", A: "ap1", B: "vm1", Over: []string{"l2", "l1"},
		Encryption: &topology.Encryption{Protocol: topology.ProtoTLS, Bits: 128}}}
	m.Waivers = []*topology.Waiver{{Rule: "single-device", Subject: "hq-fw1", Reason: "Funded, FY27", ApprovedBy: "CSA",
		Expires: time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC)}}
	for _, s := range m.Sites {
		s.Doc = doc
	}
	m.Reindex()
	return m
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		write func(*topology.Model, string) error
		read  func(string) (*topology.Model, []*topology.Warning, error)
		path  string
	}{
		{"workbook", WriteWorkbook, ReadWorkbook, filepath.Join(dir, "p.xlsx")},
		{"csv", WriteCSV, ReadCSV, filepath.Join(dir, "csv")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.write(fixture(), tt.path); err != nil {
				t.Fatal(err)
			}
			m, warns, err := tt.read(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 {
				t.Errorf("warnings: %v", warns)
			}
			if d := modeltest.Diff(m, fixture()); d != "" {
				t.Error(d)
			}
		})
	}
}

func TestPositions(t *testing.T) {
	dir := t.TempDir()
	wb := filepath.Join(dir, "p.xlsx")
	if err := WriteWorkbook(fixture(), wb); err != nil {
		t.Fatal(err)
	}
	m, _, err := ReadWorkbook(wb)
	if err != nil {
		t.Fatal(err)
	}
	l := m.Link("l1")
	if got, want := l.Pos.String(), wb+"#Links!A2"; got != want {
		t.Errorf("link pos = %s, want %s", got, want)
	}
	if got, want := l.FieldPos.Of("encryption.bits", topology.Pos{}).String(), wb+"#Links!J2"; got != want {
		t.Errorf("bits pos = %s, want %s", got, want)
	}
	if got, want := m.Tunnel("t1").FieldPos.Of("over[1]", topology.Pos{}).String(), wb+"#Tunnels!H2"; got != want {
		t.Errorf("over[1] pos = %s, want %s", got, want)
	}
	if got, want := m.Docs[0].FieldPos.Of("agency.ori", topology.Pos{}).String(), wb+"#Agency!B4"; got != want {
		t.Errorf("ori pos = %s, want %s", got, want)
	}
}

// csvFS builds a CSV folder from file contents.
func csvFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestCSVReading(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		check func(t *testing.T, m *topology.Model)
		warns []string
		errs  []string
	}{
		{
			name: "headers in any spelling, enums normalized, blank rows",
			files: map[string]string{
				"Sites.csv":   "\ufeffid,NAME,Security\n\nhq, Head quarters ,Physically Secure\n,,\ncar,,MOBILE\n",
				"links.csv":   "ID,a,B,key_bits,Protected-Medium,encryption,fips standard\nl1,x,y,256,Yes,IPSec,140 3\n",
				"devices.csv": "id,type,zone,cji,count\nd1,Vpn Gateway,\"cji, city\",no,40.0\n",
			},
			check: func(t *testing.T, m *topology.Model) {
				if s := m.Site("hq"); s == nil || s.Security != topology.PhysicallySecure || s.Name != "Head quarters" {
					t.Errorf("site hq = %+v", s)
				}
				if s := m.Site("car"); s == nil || s.Security != topology.Mobile || s.Pos.String() != "csv/Sites.csv:5:1" {
					t.Errorf("site car = %+v", s)
				}
				l := m.Link("l1")
				if l == nil || !l.ProtectedMedium || l.Encryption == nil || *l.Encryption != (topology.Encryption{Protocol: "ipsec", Standard: "140-3", Bits: 256}) {
					t.Errorf("link = %+v", l)
				}
				d := m.Device("d1")
				if d == nil || d.Type != topology.VPNGateway || d.Count != 40 || d.CJI == nil || *d.CJI || !reflect.DeepEqual(d.Zones, []string{"cji", "city"}) {
					t.Errorf("device = %+v", d)
				}
			},
		},
		{
			name:  "unknown column and file",
			files: map[string]string{"zones.csv": "id,kind,color\nz,internet,red,,\ny,public,,,x\n", "notes.csv": "x\n"},
			warns: []string{`csv/notes.csv: file "notes.csv" is not one of the format's CSV files; ignored`,
				`csv/zones.csv:1:3: column "color" is not part of the Zones sheet; ignored`,
				`csv/zones.csv:3:5: value in a column without a header; ignored`},
		},
		{
			name: "cell type errors",
			files: map[string]string{
				"links.csv":   "id,a,b,key bits,protected medium\nl1,x,y,strong,maybe\n",
				"waivers.csv": "rule,expires\nr,next year\n",
				"agency.csv":  "Field,Value\nnetreview,one\nsubmitted,2026-13-01\n",
			},
			errs: []string{
				`csv/agency.csv:2:2: netreview: want a whole number, got "one"`,
				`csv/agency.csv:3:2: submitted: want a date YYYY-MM-DD, got "2026-13-01"`,
				`csv/links.csv:2:4: key bits: want a whole number, got "strong"`,
				`csv/links.csv:2:5: protected medium: want true or false (or yes or no), got "maybe"`,
				`csv/waivers.csv:2:2: expires: want a date YYYY-MM-DD, got "next year"`,
			},
		},
		{
			name:  "repeated column",
			files: map[string]string{"devices.csv": "id,zone,zones\n"},
			errs:  []string{`csv/devices.csv:1:3: column "zones" repeats column 2 (Zones)`},
		},
		{
			name:  "bad quoting",
			files: map[string]string{"sites.csv": "id,name\nhq,\"a\"b\"\n\"x"},
			errs:  []string{`csv/sites.csv:2:6: CSV: extraneous or missing " in quoted-field`},
		},
		{
			name:  "agency",
			files: map[string]string{"agency.csv": "Field,Value\nAgency Name,Riverbend PD\nORI,CA0420100\nkind,New Service\ncolor,red\n"},
			warns: []string{`csv/agency.csv:5:1: field "color" is not part of the Agency sheet; ignored`},
			check: func(t *testing.T, m *topology.Model) {
				d := m.Docs[0]
				if d.Version != 1 || d.Agency.Name != "Riverbend PD" || d.Agency.ORI != "CA0420100" || d.Proposal == nil || d.Proposal.Kind != topology.NewService {
					t.Errorf("doc = %+v %+v", d, d.Proposal)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, warns, err := readCSV(csvFS(tt.files), "csv")
			var gotErrs []string
			if err != nil {
				for _, e := range err.(topology.ErrorList) {
					gotErrs = append(gotErrs, e.Error())
				}
			}
			if !reflect.DeepEqual(gotErrs, tt.errs) {
				t.Errorf("errors:\n got %q\nwant %q", gotErrs, tt.errs)
			}
			var gotWarns []string
			for _, w := range warns {
				gotWarns = append(gotWarns, w.Error())
			}
			if !reflect.DeepEqual(gotWarns, tt.warns) {
				t.Errorf("warnings:\n got %q\nwant %q", gotWarns, tt.warns)
			}
			if tt.check != nil && m != nil {
				tt.check(t, m)
			}
		})
	}
}

// TestWorkbookCells reads a workbook made cell by cell: numbers stored as
// numbers, a date serial, booleans, a hidden sheet, sheets out of order,
// blank rows, trailing blank columns and a bad cell.
func TestWorkbookCells(t *testing.T) {
	dir := t.TempDir()
	bad := workbookCells(t, filepath.Join(dir, "bad.xlsx"), "strong")
	_, warns, err := ReadWorkbook(bad)
	want := bad + `#Links!D5: key bits: want a whole number, got "strong"`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	if len(warns) != 2 || !strings.Contains(warns[0].Error(), `#Links!G1: column "Extra"`) || !strings.Contains(warns[1].Error(), `#Notes: sheet "Notes"`) {
		t.Errorf("warnings = %v", warns)
	}
	m, _, err := ReadWorkbook(workbookCells(t, filepath.Join(dir, "good.xlsx"), ""))
	if err != nil {
		t.Fatal(err)
	}
	l := m.Link("l1")
	if l == nil || l.Encryption == nil || l.Encryption.Bits != 256 || l.Encryption.FIPS != "4021" || !l.ProtectedMedium {
		t.Errorf("l1 = %+v %+v", l, l.Encryption)
	}
	if p := m.Docs[0].Proposal; p == nil || !p.Submitted.Equal(time.Date(2026, 9, 14, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("proposal = %+v", p)
	}
}

// workbookCells writes the test workbook with bits in Links!D5 and returns
// its path.
func workbookCells(t *testing.T, path, bits string) string {
	f := excelize.NewFile()
	defer f.Close()
	set := func(sheet, cell string, v any) {
		t.Helper()
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []string{"Links", "Agency", "Notes"} {
		if _, err := f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetVisible("Links", false); err != nil {
		t.Fatal(err)
	}
	for i, h := range []string{"Id", "A", "B", "Key-Bits", "FIPS", "Protected Medium", "Extra"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		set("Links", cell, h)
	}
	set("Links", "A3", "l1")
	set("Links", "B3", "x")
	set("Links", "C3", "y")
	set("Links", "D3", 256)
	set("Links", "E3", 4021)
	set("Links", "F3", true)
	set("Links", "A5", "l2")
	set("Links", "D5", bits)
	set("Agency", "A1", "Field")
	set("Agency", "A2", "submitted")
	set("Agency", "B2", 46279) // 2026-09-14
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTemplateLoads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.xlsx")
	if err := WriteTemplate(path); err != nil {
		t.Fatal(err)
	}
	m, warns, err := ReadWorkbook(path)
	if err != nil || len(warns) > 0 {
		t.Fatalf("template: %v %v", err, warns)
	}
	if n := len(m.Sites) + len(m.Zones) + len(m.Devices) + len(m.Links) + len(m.Tunnels) + len(m.Waivers); n != 0 {
		t.Errorf("template has %d elements, want 0", n)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dvs, err := f.GetDataValidations(DevicesSheet)
	if err != nil {
		t.Fatal(err)
	}
	var enums int
	for _, c := range dataSheets[2].Columns {
		if c.kind == topology.Enum || c.kind == topology.Bool {
			enums++
		}
	}
	if len(dvs) != enums {
		t.Errorf("Devices has %d drop-downs, want %d", len(dvs), enums)
	}
}

func TestMain(m *testing.M) { os.Exit(m.Run()) }

// TestLibreOffice reads a workbook saved by LibreOffice Calc (made with
// soffice --headless --convert-to xlsx testdata/libreoffice/riverbend.fods):
// shared strings, numbers stored as numbers, a date cell, booleans, a hidden
// sheet, sheets out of order, a blank row and headers in other spellings.
func TestLibreOffice(t *testing.T) {
	path := filepath.Join("testdata", "libreoffice", "riverbend.xlsx")
	m, warns, err := ReadWorkbook(path)
	if err != nil || len(warns) > 0 {
		t.Fatalf("read: %v %v", err, warns)
	}
	doc := m.Docs[0]
	if doc.Version != 1 || doc.Agency.Name != "Riverbend Police Department" || doc.Agency.ORI != "CA0420100" ||
		doc.Proposal == nil || !doc.Proposal.Submitted.Equal(time.Date(2026, 9, 14, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("document = %+v %+v", doc, doc.Proposal)
	}
	if s := m.Site("hq"); s == nil || s.Security != topology.PhysicallySecure {
		t.Errorf("site hq (hidden sheet) = %+v", s)
	}
	wan := m.Link("hq-wan")
	want := topology.Encryption{Protocol: topology.ProtoIPsec, FIPS: "4021", Standard: topology.FIPS1403, Bits: 256}
	if wan == nil || wan.Medium != topology.MPLS || wan.Encryption == nil || *wan.Encryption != want || wan.ProtectedMedium {
		t.Errorf("hq-wan = %+v", wan)
	}
	lan := m.Link("hq-lan")
	if lan == nil || lan.Encryption != nil || !lan.ProtectedMedium || lan.Pos.String() != path+"#Links!A4" {
		t.Errorf("hq-lan = %+v", lan)
	}
}

// TestLibreOfficeResaved reads workbooks written by this package and saved
// again by LibreOffice Calc: the fixture loads equal, the template loads
// empty and without warnings.
func TestLibreOfficeResaved(t *testing.T) {
	m, warns, err := ReadWorkbook(filepath.Join("testdata", "libreoffice", "fixture.xlsx"))
	if err != nil || len(warns) > 0 {
		t.Fatalf("fixture: %v %v", err, warns)
	}
	if d := modeltest.Diff(m, fixture()); d != "" {
		t.Errorf("fixture saved by LibreOffice: %s", d)
	}
	m, warns, err = ReadWorkbook(filepath.Join("testdata", "libreoffice", "template.xlsx"))
	if err != nil || len(warns) > 0 {
		t.Fatalf("template: %v %v", err, warns)
	}
	if len(m.Devices)+len(m.Links)+len(m.Sites) != 0 || m.Docs[0].Version != 1 {
		t.Errorf("template saved by LibreOffice is not blank: %+v", m)
	}
}
