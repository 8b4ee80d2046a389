package drawing

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/base64"
	"encoding/binary"
	"flag"
	"fmt"
	"hash/crc32"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/internal/modeltest"
	"github.com/netreview/netreview/topology/sheet"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures and golden files")

// sharedDrawings is the folder of draw.io's own network templates, beside
// the repository (CI lays shared/ beside the clone).
const sharedDrawings = "../../../shared/data/drawio"

// TestSharedDrawings loads every drawing draw.io ships as a network
// template: each yields the devices, sites and links below, every shape
// of a network library is either a device or a warning at its cell, and
// the model converts to a workbook that reads back the same.
func TestSharedDrawings(t *testing.T) {
	if _, err := os.Stat(sharedDrawings); err != nil {
		t.Skipf("no shared draw.io data at %s (CI lays shared/ beside the clone): %v", sharedDrawings, err)
	}
	tests := []struct {
		file                            string
		devices, sites, links, warnings int
	}{
		{"arista.xml", 22, 2, 0, 0},
		{"cisco.xml", 25, 0, 24, 0},
		{"cisco_1.xml", 75, 0, 57, 27},
		{"cisco_2.xml", 37, 4, 38, 0},
		{"enterprise_1.xml", 67, 13, 25, 63},
		{"internet.xml", 143, 0, 154, 0},
		{"lan.xml", 39, 4, 34, 0},
		{"network.xml", 7, 0, 0, 30},
		{"telecomm.xml", 12, 1, 5, 58},
		{"wireless_home_network.xml", 10, 0, 9, 0},
	}
	files, _ := filepath.Glob(filepath.Join(sharedDrawings, "*.xml"))
	if len(files) != len(tests) {
		t.Errorf("%s holds %d drawings; the test knows %d", sharedDrawings, len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(sharedDrawings, tt.file)
			m, warns, err := Read(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Devices) != tt.devices || len(m.Sites) != tt.sites || len(m.Links) != tt.links || len(warns) != tt.warnings {
				t.Errorf("devices %d, sites %d, links %d, warnings %d; want %d, %d, %d, %d",
					len(m.Devices), len(m.Sites), len(m.Links), len(warns), tt.devices, tt.sites, tt.links, tt.warnings)
			}
			checkEveryShapeAccounted(t, path, m, warns)
			xlsx := filepath.Join(t.TempDir(), "net.xlsx")
			if err := sheet.WriteWorkbook(m, xlsx); err != nil {
				t.Fatal(err)
			}
			back, _, err := sheet.ReadWorkbook(xlsx)
			if err != nil {
				t.Fatal(err)
			}
			if d := modeltest.Diff(back, m); d != "" {
				t.Errorf("the workbook reads back differently: %s", d)
			}
		})
	}
}

// checkEveryShapeAccounted fails for a shape of a network library (or a
// picture) that became neither an element nor a warning at its cell.
func checkEveryShapeAccounted(t *testing.T, path string, m *topology.Model, warns []*topology.Warning) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := readMxfile(data)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[topology.Pos]bool{}
	for _, w := range warns {
		seen[w.Pos] = true
	}
	for _, d := range m.Devices {
		seen[d.Pos] = true
	}
	for _, s := range m.Sites {
		seen[s.Pos] = true
	}
	for _, p := range pages {
		for _, c := range p.cells {
			name := stencilName(c.style)
			if !c.vertex || !(network(name) || c.style.has("image")) {
				continue
			}
			if pos := (topology.Pos{File: path, Sheet: p.name, Cell: c.id}); !seen[pos] {
				t.Errorf("%s (%s) is neither read nor reported", pos, name)
			}
		}
	}
}

// A small drawing in the form people make: a swimlane site with a
// firewall and a workstation from draw.io's libraries, properties on
// UserObject and object wrappers, an HTML label, a connector, and the
// agency on the root cell.
const smallModel = `<mxGraphModel><root>
<object id="0" name="Pine Hollow PD" ori="CA0990100"><mxCell/></object>
<mxCell id="1" parent="0"/>
<UserObject label="Pine Hollow &lt;b&gt;station&lt;/b&gt;" security="physically-secure" id="site1"><mxCell style="swimlane;html=1" vertex="1" parent="1"><mxGeometry x="0" y="0" width="400" height="300" as="geometry"/></mxCell></UserObject>
<object label="Front firewall" ID="ph-fw" zone="cji" monitoring="ips" id="c2"><mxCell style="shape=mxgraph.cisco.security.firewall;html=1" vertex="1" parent="site1"><mxGeometry x="20" y="40" width="60" height="50" as="geometry"/></mxCell></object>
<mxCell id="c3" value="Dispatch" style="shape=mxgraph.networks.pc" vertex="1" parent="site1"><mxGeometry x="200" y="40" width="60" height="50" as="geometry"/></mxCell>
<object label="fiber" encryption="macsec" bits="256" id="c4"><mxCell style="endArrow=none" edge="1" parent="1" source="c2" target="c3"><mxGeometry relative="1" as="geometry"/></mxCell></object>
</root></mxGraphModel>`

func deflatePage(t testing.TB, xml string) string {
	t.Helper()
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write([]byte(url.PathEscape(xml)))
	w.Close()
	return base64.StdEncoding.EncodeToString(b.Bytes())
}

func pngWith(chunks ...[2]string) []byte {
	var b bytes.Buffer
	b.Write(pngMagic)
	put := func(typ string, body []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(body)))
		b.WriteString(typ)
		b.Write(body)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), body...)))
	}
	put("IHDR", []byte{0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0})
	for _, c := range chunks {
		put(c[0], []byte(c[1]))
	}
	put("IEND", nil)
	return b.Bytes()
}

func zlibText(s string) string {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// TestForms reads the same drawing in every form draw.io saves: each gives
// the same model.
func TestForms(t *testing.T) {
	plain := `<mxfile host="app.diagrams.net"><diagram name="Page-1" id="p1">` + smallModel + `</diagram></mxfile>`
	compressed := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<mxfile compressed="true"><diagram name="Page-1" id="p1">` + deflatePage(t, smallModel) + `</diagram></mxfile>`
	svg := `<svg xmlns="http://www.w3.org/2000/svg" content="` + strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(compressed) + `"><rect/></svg>`
	urlEnc := url.PathEscape(plain) // encodeURIComponent, as draw.io writes it
	forms := []struct{ name, data string }{
		{"net.drawio", plain},
		{"net.drawio.xml", compressed},
		{"net.xml", plain},
		{"bare.xml", smallModel},
		{"net.drawio.svg", svg},
		{"text.drawio.png", string(pngWith([2]string{"tEXt", "mxfile\x00" + urlEnc}))},
		{"ztext.drawio.png", string(pngWith([2]string{"zTXt", "mxfile\x00\x00" + zlibText(compressed)}))},
		{"itext.drawio.png", string(pngWith([2]string{"tEXt", "Software\x00draw.io"}, [2]string{"iTXt", "mxfile\x00\x01\x00\x00\x00" + zlibText(plain)}))},
	}
	var first *topology.Model
	for _, f := range forms {
		m, warns, err := readBytes(f.name, []byte(f.data))
		if err != nil {
			t.Errorf("%s: %v", f.name, err)
			continue
		}
		if len(warns) != 0 {
			t.Errorf("%s: warnings %v", f.name, warns)
		}
		if first == nil {
			first = m
			checkSmall(t, m)
			continue
		}
		if d := modeltest.Diff(m, first); d != "" {
			t.Errorf("%s reads differently from %s: %s", f.name, forms[0].name, d)
		}
	}
}

func checkSmall(t *testing.T, m *topology.Model) {
	t.Helper()
	if len(m.Docs) != 1 || m.Docs[0].Agency.Name != "Pine Hollow PD" || m.Docs[0].Agency.ORI != "CA0990100" {
		t.Errorf("agency %+v", m.Docs[0].Agency)
	}
	if len(m.Sites) != 1 || m.Sites[0].ID != "pine-hollow-station" || m.Sites[0].Name != "Pine Hollow station" || m.Sites[0].Security != topology.PhysicallySecure {
		t.Errorf("sites %+v", m.Sites[0])
	}
	if len(m.Devices) != 2 {
		t.Fatalf("devices %d", len(m.Devices))
	}
	fw, ws := m.Devices[0], m.Devices[1]
	if fw.ID != "ph-fw" || fw.Type != topology.Firewall || fw.Site != "pine-hollow-station" || fw.Monitoring != topology.MonitoringIPS || len(fw.Zones) != 1 {
		t.Errorf("firewall %+v", fw)
	}
	if fw.Pos.String() != m.Docs[0].Path+"#Page-1!c2" {
		t.Errorf("firewall at %s", fw.Pos)
	}
	if ws.ID != "dispatch" || ws.Type != topology.Workstation || ws.Name != "Dispatch" {
		t.Errorf("workstation %+v", ws)
	}
	if len(m.Links) != 1 {
		t.Fatalf("links %d", len(m.Links))
	}
	l := m.Links[0]
	if l.A != "ph-fw" || l.B != "dispatch" || l.Medium != topology.Fiber || l.Encryption == nil || l.Encryption.Protocol != topology.ProtoMACsec || l.Encryption.Bits != 256 {
		t.Errorf("link %+v %+v", l, l.Encryption)
	}
}

func zipOf(files map[string][]byte) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, _ := zw.Create(name)
		w.Write(body)
	}
	zw.Close()
	return b.Bytes()
}

// TestHostile feeds the readers what an attacker or a broken disk gives:
// each ends with an error that says what is wrong, at the file.
func TestHostile(t *testing.T) {
	laughs := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><mxfile><diagram name="P"><mxGraphModel><root><mxCell id="0" value="&lol3;"/></root></mxGraphModel></diagram></mxfile>`
	bomb := func() string {
		var b bytes.Buffer
		w, _ := flate.NewWriter(&b, flate.BestCompression)
		zeros := make([]byte, 1<<20)
		for range maxPageBytes>>20 + 1 {
			w.Write(zeros)
		}
		w.Close()
		return base64.StdEncoding.EncodeToString(b.Bytes())
	}
	fixture, err := os.ReadFile("testdata/visio/two-sites.vsdx")
	if err != nil {
		t.Fatal(err)
	}
	zipBomb := func() []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, _ := zw.Create("visio/pages/pages.xml")
		zeros := make([]byte, 1<<20)
		for range maxPartBytes>>20 + 1 {
			w.Write(zeros)
		}
		zw.Close()
		return b.Bytes()
	}
	tests := []struct {
		name, data, want string
	}{
		{"laughs.drawio", laughs, "invalid character entity &lol3;"},
		{"cut.drawio", `<mxfile><diagram name="P"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" par`, "ends early"},
		{"cut2.drawio", `<mxfile><diagram name="P"><mxGraphModel><root><mxCell id="0"/>`, "truncated"},
		{"html.xml", `<html><body>hi</body></html>`, "not a draw.io file: the document is <html>"},
		{"empty.drawio", ``, "not a draw.io file"},
		{"b64.drawio", `<mxfile><diagram name="P">!!!not base64!!!</diagram></mxfile>`, "not base64"},
		{"deflate.drawio", `<mxfile><diagram name="P">` + base64.StdEncoding.EncodeToString([]byte("plain text, not deflate")) + `</diagram></mxfile>`, "not DEFLATE"},
		{"old.vsd", "\xd0\xcf\x11\xe0", "save it as .vsdx"},
		{"cut.vsdx", string(fixture[:len(fixture)/2]), "not a readable zip"},
		{"nopages.vsdx", string(zipOf(map[string][]byte{"a.txt": []byte("x")})), "no visio/pages/pages.xml"},
		{"zip.drawio", string(fixture), "zip file, not a draw.io drawing"},
		{"none.drawio.png", string(pngWith([2]string{"tEXt", "Software\x00x"})), "no mxfile text chunk"},
		{"cut.drawio.png", string(pngWith()[:20]), "truncated"},
		{"plain.drawio.svg", `<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>`, "no content attribute"},
	}
	if !testing.Short() { // 64 MB to compress and read back
		tests = append(tests, []struct{ name, data, want string }{
			{"bomb.drawio", `<mxfile><diagram name="P">` + bomb() + `</diagram></mxfile>`, "larger than 64 MB once decompressed"},
			{"bomb.vsdx", string(zipBomb()), "zip bomb"},
		}...)
	}
	for _, tt := range tests {
		_, _, err := readBytes(tt.name, []byte(tt.data))
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		el, ok := err.(topology.ErrorList)
		if !ok || len(el) == 0 || el[0].Pos.File != tt.name {
			t.Errorf("%s: error %v is not an ErrorList at the file", tt.name, err)
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q does not say %q", tt.name, err, tt.want)
		}
	}
}

// TestStencils checks the mapping of stencil names to device types.
func TestStencils(t *testing.T) {
	tests := []struct {
		style string
		want  topology.DeviceType
	}{
		{"shape=mxgraph.cisco.routers.router", topology.Router},
		{"shape=mxgraph.cisco.security.pix_firewall", topology.Firewall},
		{"shape=mxgraph.cisco.servers.server_with_router", topology.Server},
		{"shape=mxgraph.cisco.hubs_and_gateways.100baset_hub", topology.Switch},
		{"shape=mxgraph.cisco.misc.access_point", topology.WirelessAP},
		{"shape=mxgraph.cisco.misc.vpn_concentrator", topology.VPNGateway},
		{"shape=mxgraph.cisco.computers_and_peripherals.laptop", topology.Workstation},
		{"shape=mxgraph.cisco.storage.cloud", topology.CarrierNetwork},
		{"shape=mxgraph.cisco19.rect;prIcon=router", topology.Router},
		{"shape=mxgraph.cisco19.rect;prIcon=firewall", topology.Firewall},
		{"shape=mxgraph.cisco19.rect;prIcon=wireless_access_point", topology.WirelessAP},
		{"shape=mxgraph.networks.pc", topology.Workstation},
		{"shape=mxgraph.networks.mobile", topology.MobileDevice},
		{"shape=mxgraph.networks.modem", topology.Modem},
		{"shape=mxgraph.networks.wireless_hub", topology.WirelessAP},
		{"image;image=img/lib/clip_art/networking/Wireless_Router_128x128.png", topology.WirelessAP},
		{"image;image=img/lib/clip_art/computers/Server_Rack_128x128.png", topology.Server},
		{"image;image=https://jgraph.github.io/drawio-libs/libs/arista/DCS-7050Q-16.svg", topology.Switch},
		{"shape=visio.Laptop computer", topology.Workstation},
		{"shape=visio.Router", topology.Router},
		{"shape=visio.Ethernet", topology.Switch},
		{"shape=visio.Wireless access point", topology.WirelessAP},
		{"shape=visio.Smart phone", topology.MobileDevice},
		{"shape=mxgraph.networks.business_center", ""},
		{"shape=mxgraph.eip.messageChannel", ""},
		{"image;image=https://cdn0.iconfinder.com/data/icons/fatcow/32x32/tree.png", ""},
	}
	for _, tt := range tests {
		if got := typeOfStencil(stencilName(parseStyle(tt.style))); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.style, got, tt.want)
		}
	}
	labels := map[string]topology.DeviceType{"Firewall": topology.Firewall, "Core switch 2": topology.Switch,
		"Internet": topology.CarrierNetwork, "Campus wing A": "", "APPLE": ""}
	for l, want := range labels {
		if got := typeOfLabel(l); got != want {
			t.Errorf("label %q: %q, want %q", l, got, want)
		}
	}
}

func TestPlainLabel(t *testing.T) {
	tests := []struct {
		in   string
		html bool
		want string
	}{
		{"Route<div>Switch</div><div>Processor</div>", true, "Route Switch Processor"},
		{"HEAD&nbsp;<div>OFFICE</div>", true, "HEAD OFFICE"},
		{`<font color="#23445d">WAN</font>`, true, "WAN"},
		{"a <b> & c", false, "a <b> & c"},
		{"Tape\nStorage", false, "Tape Storage"},
	}
	for _, tt := range tests {
		if got := plainLabel(tt.in, tt.html); got != tt.want {
			t.Errorf("plainLabel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestVisio reads the Visio fixture: containers and groups are sites,
// masters give device types, Shape Data sets fields, Connects gives links,
// and a shape of no known master is a warning at its page and id.
func TestVisio(t *testing.T) {
	m, warns, err := Read("testdata/visio/two-sites.vsdx")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Sites) != 2 || len(m.Devices) != 8 || len(m.Links) != 6 {
		t.Errorf("sites %d, devices %d, links %d; want 2, 8, 6", len(m.Sites), len(m.Devices), len(m.Links))
	}
	if len(warns) != 1 || warns[0].Pos.String() != "testdata/visio/two-sites.vsdx#Page-1!10" || !strings.Contains(warns[0].Msg, "Lobby plant") {
		t.Errorf("warnings %v", warns)
	}
	want := map[string]string{"hq-rtr": "router hq", "dispatch": "workstation hq", "detective-laptops": "workstation annex",
		"calnet-mpls": "carrier-network ", "annex-printer": "printer "}
	for _, d := range m.Devices {
		if w, ok := want[d.ID]; ok && string(d.Type)+" "+d.Site != w {
			t.Errorf("%s: %s %s, want %s", d.ID, d.Type, d.Site, w)
		}
	}
	if d := m.Device("dispatch"); d == nil || d.Count != 6 || d.Authentication != topology.AuthAdvanced {
		t.Errorf("dispatch %+v", d)
	}
	if s := m.Site("hq"); s == nil || s.Security != topology.PhysicallySecure || s.Name != "Headquarters" {
		t.Errorf("hq %+v", s)
	}
	if l := m.Link("detective-laptops-annex-fw"); l == nil || l.Medium != topology.WiFi {
		t.Errorf("wifi link %+v", l)
	}
}

// TestDocsListTheWords keeps docs/drawings.md in step with the mapping:
// every stencil, label and medium word is listed there.
func TestDocsListTheWords(t *testing.T) {
	doc, err := os.ReadFile("../../docs/drawings.md")
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, r := range stencilWords {
		words = append(words, r.words...)
	}
	for w := range labelWords {
		words = append(words, w)
	}
	for w := range mediumWords {
		words = append(words, w)
	}
	for _, w := range words {
		if !bytes.Contains(doc, []byte("`"+w+"`")) {
			t.Errorf("docs/drawings.md does not list %q", w)
		}
	}
}

// TestLargePage reads a page of many like shapes in bounded time: ids made
// from one label, boxes around devices.
func TestLargePage(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>`)
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for i := range n {
		fmt.Fprintf(&b, `<mxCell id="b%d" value="Area" style="rounded=1" vertex="1" parent="1"><mxGeometry x="%d" y="0" width="90" height="90" as="geometry"/></mxCell>`, i, i*100)
		fmt.Fprintf(&b, `<mxCell id="d%d" value="Router" style="shape=mxgraph.cisco.routers.router" vertex="1" parent="1"><mxGeometry x="%d" y="10" width="50" height="50" as="geometry"/></mxCell>`, i, i*100+10)
	}
	b.WriteString(`</root></mxGraphModel>`)
	start := time.Now()
	m, _, err := readBytes("big.xml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Devices) != n || m.Devices[n-1].ID != fmt.Sprintf("router-%d", n) {
		t.Errorf("%d devices, the last %s", len(m.Devices), m.Devices[len(m.Devices)-1].ID)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
}
