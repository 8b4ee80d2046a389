package topology

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// strip clears positions and document pointers so models from different
// inputs compare equal.
func strip(m *Model) *Model {
	c := *m
	c.Docs = nil
	for _, s := range c.Sites {
		s.Doc, s.Pos, s.FieldPos = nil, Pos{}, FieldPos{}
	}
	for _, z := range c.Zones {
		z.Doc, z.Pos, z.FieldPos = nil, Pos{}, FieldPos{}
	}
	for _, d := range c.Devices {
		d.Doc, d.Pos, d.FieldPos = nil, Pos{}, FieldPos{}
	}
	for _, l := range c.Links {
		l.Doc, l.Pos, l.FieldPos = nil, Pos{}, FieldPos{}
	}
	for _, t := range c.Tunnels {
		t.Doc, t.Pos, t.FieldPos = nil, Pos{}, FieldPos{}
	}
	for _, w := range c.Waivers {
		w.Doc, w.Pos, w.FieldPos = nil, Pos{}, FieldPos{}
	}
	return &c
}

const rich = `netreview: 1
agency:
  name: Bayview PD
  ori: CA0380100
  county: Bayview
proposal:
  title: New "fleet" service
  kind: new-service
  submitted: 2026-09-14
  vendor: Example
sites:
  - id: hq
    name: HQ
    security: physically-secure
    address: 1 Main St
    risks: [power:feeder-1, "building:hq"]
devices:
  - id: ap
    type: wireless-ap
    site: hq
    wireless: wpa2-enterprise
    count: 3
    cji: false
    fips: "4021"
    fips-standard: 140-2
    authentication: advanced
    password-policy: compliant
    monitoring: siem
    patching: managed
    boundary: acl
    risks: [x]
  - id: cloud
    type: cloud-service
    cloud: {provider: Azure Gov, cjis-agreement: true}
  - id: hv
    type: hypervisor
    site: hq
  - id: vm
    type: virtual-machine
    site: hq
    host: hv
links:
  - id: l1
    a: ap
    b: cloud
    medium: internet
    carrier: att
    circuit: 12345
    bandwidth: 1G
    protected-medium: true
    encryption: {protocol: tls, fips: 4021, standard: 140-3, bits: 256}
    risks: [conduit:a]
tunnels:
  - id: t1
    a: ap
    b: cloud
    over: [l1]
    encryption: {protocol: ipsec}
waivers:
  - rule: single-link
    subject: l1
    reason: "yes: really"
    approved-by: CSA
    expires: 2027-06-30
`

func TestEncodeRoundTrip(t *testing.T) {
	inputs := map[string]*Model{
		"rich":      Merge(mustDecode(t, "rich.yaml", rich)),
		"multifile": Merge(mustDecode(t, "backbone.yaml", backbone), mustDecode(t, "agency.yaml", agency)),
	}
	for name, m := range inputs {
		if err := Validate(m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, ext := range []string{"yaml", "json"} {
			t.Run(name+"."+ext, func(t *testing.T) {
				var buf bytes.Buffer
				encode := EncodeYAML
				if ext == "json" {
					encode = EncodeJSON
				}
				if err := encode(&buf, m); err != nil {
					t.Fatal(err)
				}
				golden(t, filepath.Join("testdata", "encode", name+"."+ext), buf.Bytes())
				back, err := Decode("back."+ext, buf.Bytes())
				if err != nil {
					t.Fatalf("decoding the encoded model: %v\n%s", err, buf.String())
				}
				got := Merge(back)
				if err := Validate(got); err != nil {
					t.Fatal(err)
				}
				if d := got.Docs[0]; d.Agency != m.Docs[0].Agency || !reflect.DeepEqual(d.Proposal, m.Docs[0].Proposal) {
					t.Errorf("header: got %+v %+v", d.Agency, d.Proposal)
				}
				g, w := strip(got), strip(m)
				for _, c := range []struct {
					what      string
					got, want any
				}{
					{"sites", g.Sites, w.Sites}, {"zones", g.Zones, w.Zones}, {"devices", g.Devices, w.Devices},
					{"links", g.Links, w.Links}, {"tunnels", g.Tunnels, w.Tunnels}, {"waivers", g.Waivers, w.Waivers},
				} {
					if !reflect.DeepEqual(c.got, c.want) {
						t.Errorf("round trip changed the %s", c.what)
					}
				}
			})
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output:\n%s", path, got)
	}
}
