package topology

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

const header = "netreview: 1\nagency:\n  name: X\n  ori: CA0420100\n"

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, file, src, want, at string
	}{
		{"empty", "e.yaml", "", "empty document", "e.yaml:1:1"},
		{"not mapping", "l.yaml", "- a\n- b\n", "want a mapping", "l.yaml:1:1"},
		{"no version", "v.yaml", "agency:\n  name: X\n", "missing \"netreview: 1\"", "v.yaml:1:1"},
		{"bad version", "v.yaml", "netreview: 2\n", "unsupported format version", "v.yaml:1:12"},
		{"count many", "c.yaml", header + "devices:\n  - id: r\n    count: many\n", "want a whole number", "c.yaml:7:12"},
		{"bits string", "b.yaml", header + "links:\n  - id: l\n    encryption:\n      bits: \"x\"\n", "want a whole number", "b.yaml:8:13"},
		{"cji maybe", "j.yaml", header + "devices:\n  - id: r\n    cji: maybe\n", "want true or false", "j.yaml:7:10"},
		{"list wanted", "s.yaml", header + "sites: hq\n", "want a list", "s.yaml:5:8"},
		{"mapping wanted", "m.yaml", header + "sites:\n  - [a]\n", "want a mapping", "m.yaml:6:5"},
		{"unknown field", "u.yaml", header + "devices:\n  - id: r\n    tpye: router\n", "did you mean \"type\"", "u.yaml:7:5"},
		{"zone and zones", "z.yaml", header + "devices:\n  - id: r\n    zone: a\n    zones: [b]\n", "either zone or zones", "z.yaml:8:5"},
		{"bad date", "d.yaml", header + "proposal:\n  submitted: soon\n", "want a date", "d.yaml:6:14"},
		{"json type", "j.json", "{\"netreview\": 1,\n \"devices\": [{\"id\": \"r\", \"count\": \"x\"}]}", "want a whole number", "j.json:2:35"},
		{"syntax", "x.yaml", "netreview: 1\nagency: [\n", "syntax error", "x.yaml:2:9"},
		{"unterminated quote", "q.yaml", header + "devices:\n  - id: a\n    type: \"router\n  - id: b\n", "double-quoted", "q.yaml:7:11"},
		{"duplicate key", "k.yaml", header + "  name: Y\n", "name is given twice in agency (first at k.yaml:3:3)", "k.yaml:5:3"},
		{"json escaped slash", "s.json", "{\"netreview\": 1, \"agency\": {\"name\": \"a\\/b\"},\n \"sites\": 3}", "sites is \"3\", want a list", "s.json:2:11"},
		{"tab", "t.yaml", "netreview: 1\n\tagency: x\n", "syntax error", "t.yaml:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.file, []byte(tt.src))
			assertError(t, err, tt.want, tt.at)
		})
	}
}

func assertError(t *testing.T, err error, want, at string) {
	t.Helper()
	var el ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("got %v, want an ErrorList", err)
	}
	for _, e := range el {
		if strings.Contains(e.Msg, want) && strings.HasPrefix(e.Pos.String(), at) {
			return
		}
	}
	t.Errorf("no error %q at %s in:\n%v", want, at, err)
}

const backbone = `netreview: 1
agency:
  name: State DOJ
  ori: CA0349400
sites:
  - id: state
    security: physically-secure
zones:
  - id: cj
    kind: criminal-justice
devices:
  - id: hub
    type: state-hub
    site: state
    zone: cj
  - id: mpls
    type: carrier-network
    zone: cj
links:
  - id: hub-mpls
    a: hub
    b: mpls
    medium: mpls
`

const agency = `netreview: 1
agency:
  name: Riverbend PD
  ori: CA0420100
sites:
  - id: hq
    security: physically-secure
devices:
  - id: rtr
    type: router
    site: hq
    zones: cj
links:
  - id: rtr-mpls
    a: rtr
    b: mpls
    medium: mpls
tunnels:
  - id: t1
    a: rtr
    b: hub
    over: [rtr-mpls, hub-mpls]
    encryption: {protocol: ipsec, fips: 4021, standard: 140-3, bits: 256}
waivers:
  - rule: single-device
    subject: rtr
    reason: budget
    expires: 2027-06-30
`

func mustDecode(t testing.TB, path, src string) *Model {
	t.Helper()
	m, err := Decode(path, []byte(src))
	if err != nil {
		t.Fatalf("Decode(%s): %v", path, err)
	}
	return m
}

func TestMergeMultiFile(t *testing.T) {
	m := Merge(mustDecode(t, "backbone.yaml", backbone), mustDecode(t, "agency.yaml", agency))
	if err := Validate(m); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if len(m.Docs) != 2 || len(m.Devices) != 3 || m.Device("hub") == nil || m.Tunnel("t1") == nil {
		t.Fatalf("merged model is wrong: %d docs, %d devices", len(m.Docs), len(m.Devices))
	}
	if got := m.Device("rtr").Pos.String(); got != "agency.yaml:9:5" {
		t.Errorf("rtr at %s, want agency.yaml:9:5", got)
	}
	if got := m.Tunnel("t1").FieldPos.Of("over[1]", Pos{}).String(); got != "agency.yaml:22:22" {
		t.Errorf("over[1] at %s, want agency.yaml:22:22", got)
	}
	if m.Tunnel("t1").Encryption.FIPS != "4021" {
		t.Errorf("fips = %q", m.Tunnel("t1").Encryption.FIPS)
	}
}

func TestMergeDefaultZone(t *testing.T) {
	m := Merge(mustDecode(t, "a.yaml", header+"devices:\n  - id: r\n    type: router\n    site: s\nsites:\n  - id: s\n    security: unsecured\n"))
	if err := Validate(m); err != nil {
		t.Fatal(err)
	}
	if z := m.Zone(defaultZoneID); z == nil || !z.Implicit || z.Kind != CriminalJustice {
		t.Fatalf("default zone = %+v", z)
	}
	if got := m.Device("r").Zones; len(got) != 1 || got[0] != defaultZoneID {
		t.Errorf("zones = %v", got)
	}
}

func TestValidateErrors(t *testing.T) {
	tests := []struct {
		name, src, want, at string
	}{
		{"site security", "sites:\n  - id: s\n", "site without security", "v.yaml:6:5"},
		{"bad security", "sites:\n  - id: s\n    security: secure\n", "not one of: physically-secure", "v.yaml:7:5"},
		{"did you mean a value", "devices:\n  - id: d\n    type: rooter\n    site: s\n" + siteS, `(did you mean "router"?)`, "v.yaml:7:5"},
		{"id syntax", "sites:\n  - id: a b\n    security: mobile\n", "may hold only", "v.yaml:6:5"},
		{"duplicate", "sites:\n  - id: s\n    security: mobile\n  - id: s\n    security: mobile\n", "first defined at v.yaml:6:5", "v.yaml:8:5"},
		{"duplicate device", "devices:\n" + dev("d") + dev("d") + dev("d") + siteS, "duplicate device id \"d\" (first defined at v.yaml:6:5)", "v.yaml:12:5"},
		{"duplicate link", "links:\n  - {id: l, a: x, b: y, medium: fiber}\n  - {id: l, a: x, b: y, medium: fiber}\n", "duplicate link id \"l\" (first defined at v.yaml:6:6)", "v.yaml:7:6"},
		{"duplicate tunnel", "tunnels:\n  - {id: t, a: x, b: y, over: [q]}\n  - {id: t, a: x, b: y, over: [q]}\n", "duplicate tunnel id \"t\" (first defined at v.yaml:6:6)", "v.yaml:7:6"},
		{"tunnel reuses a link id", "links:\n  - {id: l, a: x, b: y, medium: fiber}\ntunnels:\n  - {id: l, a: x, b: y, over: [l]}\n", "tunnel id \"l\" is already the id of a link (at v.yaml:6:6)", "v.yaml:8:6"},
		{"agency role", "", "agency.role \"state\" is not one of: agency, csa", "v.yaml:5:3"},
		{"split-tunnel on a server", "devices:\n  - id: d\n    type: server\n    site: s\n    split-tunnel: allowed\n" + siteS, "only for vpn-gateway, workstation and mobile", "v.yaml:9:5"},
		{"split-tunnel value", "devices:\n  - id: d\n    type: mobile\n    site: s\n    split-tunnel: yes-please\n" + siteS, "split-tunnel \"yes-please\" is not one of: allowed, prohibited, unknown", "v.yaml:9:5"},
		{"mdm on a workstation", "devices:\n  - id: d\n    type: workstation\n    site: s\n    mdm: managed\n" + siteS, "mdm is only for mobile devices", "v.yaml:9:5"},
		{"device id syntax", "devices:\n  - id: d/é\n    type: router\n    site: s\n" + siteS, "device id \"d/é\" may hold only", "v.yaml:6:5"},
		{"zone kind", "zones:\n  - id: z\n", "zone without kind", "v.yaml:6:5"},
		{"device type", "devices:\n  - id: d\n    site: s\n", "device without type", "v.yaml:6:5"},
		{"device site", "devices:\n  - id: d\n    type: router\n", "without site", "v.yaml:6:5"},
		{"unknown site", "sites:\n  - id: hq\n    security: mobile\ndevices:\n  - id: d\n    type: router\n    site: hqq\n", "did you mean \"hq\"", "v.yaml:11:5"},
		{"self link", "devices:\n  - id: d\n    type: modem\n    site: s\nlinks:\n  - id: l\n    a: d\n    b: d\n    medium: fiber\n" + siteS, "to itself", "v.yaml:12:5"},
		{"link medium", "links:\n  - id: l\n    a: x\n", "link without medium", "v.yaml:6:5"},
		{"fips standard", "devices:\n  - id: d\n    type: modem\n    site: s\n    fips-standard: 140-1\n" + siteS, "140-2, 140-3", "v.yaml:9:5"},
		{"host not vm", "devices:\n  - id: d\n    type: modem\n    site: s\n    host: d\n" + siteS, "only for virtual-machine", "v.yaml:9:5"},
		{"host not hypervisor", "devices:\n  - id: d\n    type: virtual-machine\n    site: s\n    host: d\n" + siteS, "not a hypervisor", "v.yaml:9:5"},
		{"ori", "", "ORI \"CA04\" must be 9", "v.yaml:4:3"},
		{"wireless", "devices:\n  - id: d\n    type: modem\n    site: s\n    wireless: wpa\n" + siteS, "only for wireless-ap", "v.yaml:9:5"},
		{"cloud", "devices:\n  - id: d\n    type: modem\n    site: s\n    cloud: {provider: x}\n" + siteS, "only for cloud-service", "v.yaml:9:5"},
		{"count", "devices:\n  - id: d\n    type: modem\n    site: s\n    count: 0\n" + siteS, "at least 1", "v.yaml:9:5"},
		{"bits", "links:\n  - id: l\n    encryption: {bits: 0}\n", "must be positive", "v.yaml:7:18"},
		{"waiver rule", "waivers:\n  - rule: single-devise\n    subject: x\n    reason: y\n", "did you mean \"single-device\"", "v.yaml:6:5"},
		{"waiver reason", "waivers:\n  - rule: single-device\n    subject: x\n", "waiver without reason", "v.yaml:6:5"},
		{"no zone", "zones:\n  - id: z\n    kind: public\ndevices:\n  - id: d\n    type: modem\n    site: s\n" + siteS, "has no zone", "v.yaml:9:5"},
		{"tunnel path", "devices:\n" + dev("a") + dev("b") + dev("c") + "links:\n  - {id: l1, a: a, b: b, medium: fiber}\n  - {id: l2, a: a, b: c, medium: fiber}\ntunnels:\n  - id: t\n    a: a\n    b: c\n    over: [l1, l2]\n" + siteS, "over[1] link l2 (a-c) does not continue from b", "v.yaml:22:16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := header
			if tt.name == "ori" {
				h = strings.Replace(h, "CA0420100", "CA04", 1)
			}
			if tt.name == "agency role" {
				h = strings.Replace(h, "ori: CA0420100", "ori: CA0420100\n  role: state", 1)
			}
			m, err := Decode("v.yaml", []byte(h+tt.src))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			assertError(t, Validate(Merge(m)), tt.want, tt.at)
		})
	}
}

const siteS = "sites:\n  - id: s\n    security: mobile\n"

func dev(id string) string {
	return fmt.Sprintf("  - id: %s\n    type: router\n    site: s\n", id)
}

func TestSuggest(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tpye", "type"}, {"sitee", "site"}, {"xyzzy", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.in, deviceSchema.root.keys); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{backbone, agency, "", "- a", header + "devices: x", "{\"netreview\": 1}", "netreview: 1\nagency: [\n", header + "tunnels:\n  - {id: t, a: a, b: b, over: [x, y]}\n"} {
		f.Add(s)
	}
	f.Add(`{"netreview": 1, "agency": {"name": "A"}, "devices": [{"id": "d", "zone": "z", "zones": ["z"]}, {"id": "d", "risks": ["a", "b"]}]}`)
	f.Fuzz(func(t *testing.T, src string) {
		for _, path := range []string{"f.yaml", "f.json"} {
			m, err := Decode(path, []byte(src))
			checkPlaces(t, err)
			if err == nil {
				checkPlaces(t, Validate(Merge(m)))
			}
		}
	})
}

func checkPlaces(t *testing.T, err error) {
	if err == nil {
		return
	}
	var el ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("not an ErrorList: %v", err)
	}
	for _, e := range el {
		if e.Pos.File == "" {
			t.Fatalf("error without place: %v", e)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for _, ext := range []string{"yaml", "json"} {
		src := bigModel(30000, ext == "json")
		b.Run(fmt.Sprintf("%s-%dKB", ext, len(src)/1024), func(b *testing.B) {
			for b.Loop() {
				m, err := Decode("big."+ext, src)
				if err != nil {
					b.Fatal(err)
				}
				if err := Validate(Merge(m)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func bigModel(n int, asJSON bool) []byte {
	var sb strings.Builder
	if asJSON {
		sb.WriteString("{\"netreview\": 1, \"agency\": {\"name\": \"State\", \"ori\": \"CA0000000\"},\n\"sites\": [{\"id\": \"s\", \"security\": \"physically-secure\"}],\n\"devices\": [\n")
		for i := range n {
			if i > 0 {
				sb.WriteString(",\n")
			}
			fmt.Fprintf(&sb, "  {\"id\": \"d%d\", \"name\": \"Device number %d\", \"type\": \"router\", \"site\": \"s\", \"authentication\": \"advanced\", \"monitoring\": \"siem\", \"patching\": \"managed\"}", i, i)
		}
		sb.WriteString("],\n\"links\": [\n")
		for i := 1; i < n; i++ {
			if i > 1 {
				sb.WriteString(",\n")
			}
			fmt.Fprintf(&sb, "  {\"id\": \"l%d\", \"a\": \"d%d\", \"b\": \"d%d\", \"medium\": \"fiber\", \"encryption\": {\"protocol\": \"ipsec\", \"fips\": 4021, \"bits\": 256}}", i, i-1, i)
		}
		sb.WriteString("]}\n")
		return []byte(sb.String())
	}
	sb.WriteString("netreview: 1\nagency:\n  name: State\n  ori: CA0000000\nsites:\n  - id: s\n    security: physically-secure\ndevices:\n")
	for i := range n {
		fmt.Fprintf(&sb, "  - id: d%d\n    name: Device number %d\n    type: router\n    site: s\n    authentication: advanced\n    monitoring: siem\n    patching: managed\n", i, i)
	}
	sb.WriteString("links:\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&sb, "  - id: l%d\n    a: d%d\n    b: d%d\n    medium: fiber\n    encryption: {protocol: ipsec, fips: 4021, bits: 256}\n", i, i-1, i)
	}
	return []byte(sb.String())
}

// TestDecodeJSONStreamed checks that walking the elements of a JSON file's
// lists as they are parsed, reusing their nodes, gives exactly the model or
// the errors that walking the whole tree gives.
func TestDecodeJSONStreamed(t *testing.T) {
	long := func(n int) string {
		s := make([]string, n)
		for i := range s {
			s[i] = fmt.Sprintf("%q", fmt.Sprintf("r%d", i))
		}
		return "[" + strings.Join(s, ",") + "]"
	}
	tests := []string{
		string(bigModel(3000, true)),
		`{"netreview": 1, "agency": {"name": "X"}, "sites": null, "devices": [], "links": [{"id": "l"}]}`,
		`{"devices": [{"id": "a", "tpye": "router"}, "r", [1], {"id": "b", "count": "x"}], "netreview": 2}`,
		`{"netreview": 1, "devices": [{"id": "a"}], "devices": [{"id": "b", "bad": 1}], "sites": 3}`,
		`{"netreview": 1, "devices": [{"id": "a", "zone": "z", "zones": ["y"]}], "links": [{"id": "l", "encryption": {"bits": "x", "bits": 2}}]}`,
		`{"netreview": 1, "links": [{"id": "l"}, {"id": "m", "risks": [1, {}]}], "tunnels": [{"id": "t", "over": "x"}]}`,
		`{"netreview": 1, "devices": [{"id": "a", "risks": ` + long(3000) + `}, {"id": "b", "risks": ` + long(5000) + `}, {"id": "c"}]}`,
		`{"netreview": 1, "devices": [{"id": "a"}, {"id": "b", "type": tru}]}`,
		`{"netreview": 1, "sites": [{"id": "s", "risks": ["x"]}], "zones": [{"id": "z"}], "waivers": [{"rule": "r", "expires": "soon"}], "proposal": {"kind": 1}}`,
		`[{"netreview": 1}]`,
		`{"Devices": [{"id": "a"}], "netreview": 1}`,
	}
	for _, src := range tests {
		m1, err1 := decode("s.json", []byte(src), true, 0, 1)
		m2, err2 := decode("s.json", []byte(src), false, 0, 1)
		if !reflect.DeepEqual(m1, m2) || !reflect.DeepEqual(err1, err2) {
			t.Errorf("%.200s:\nstreamed: %v\n%v\nwhole tree: %v\n%v", src, m1, err1, m2, err2)
		}
	}
}

// TestIndexFrom checks indexFrom against index from every start, on lists
// with and without the string.
func TestIndexFrom(t *testing.T) {
	list := []string{"id", "name", "type", "site", "zones"}
	for _, s := range append(slices.Clone(list), "zone", "") {
		for from := 0; from <= len(list)+1; from++ {
			if got, want := indexFrom(list, s, from), index(list, s); got != want {
				t.Errorf("indexFrom(%q, %d) = %d, want %d", s, from, got, want)
			}
		}
	}
}
