package drawing

import (
	"strings"

	"github.com/netreview/netreview/topology"
)

// stencilWords maps the words of a stencil's name (separators _ . - / read
// as spaces) (a draw.io shape such as
// mxgraph.cisco.routers.router, a cisco19 prIcon, an image file name, a
// Visio master name) to a device type. The first rule whose word appears
// wins, so the more specific words come first. docs/drawings.md lists them.
var stencilWords = []struct {
	words []string
	typ   topology.DeviceType
}{
	{[]string{"firewall", "asa"}, topology.Firewall},
	{[]string{"vpn"}, topology.VPNGateway},
	{[]string{"access point", "accesspoint", "wireless router", "wireless hub", "wlan", "wifi", "wi-fi"}, topology.WirelessAP},
	{[]string{"modem", "dsl", "cable modem"}, topology.Modem},
	{[]string{"hypervisor", "esxi", "vmware host"}, topology.Hypervisor},
	{[]string{"virtual machine", "virtualmachine"}, topology.VirtualMachine},
	{[]string{"server", "mainframe", "as400", "file engine", "storage", "nas", "san"}, topology.Server},
	{[]string{"router", "route"}, topology.Router},
	{[]string{"switch", "hub", "bridge", "me1100", "token", "bus", "ethernet", "ring network", "arista"}, topology.Switch},
	{[]string{"printer", "print"}, topology.Printer},
	{[]string{"laptop", "workstation", "desktop", "pc", "computer", "netbook", "monitor", "terminal", "mdt", "mdc", "user"}, topology.Workstation},
	{[]string{"mobile", "iphone", "ipad", "tablet", "phone", "handheld", "smartphone", "pda"}, topology.MobileDevice},
	{[]string{"cloud", "internet", "wan", "mpls", "isp", "nsp", "pstn", "carrier", "radio tower", "cell tower", "satellite"}, topology.CarrierNetwork},
}

// labelWords are the words of a label that name a device type when the
// shape's stencil names none (a plain rectangle labeled "Firewall"). They
// are whole words of the label, compared in lower case.
var labelWords = map[string]topology.DeviceType{
	"router": topology.Router, "switch": topology.Switch, "firewall": topology.Firewall,
	"fw": topology.Firewall, "vpn": topology.VPNGateway, "ap": topology.WirelessAP,
	"server": topology.Server, "workstation": topology.Workstation, "pc": topology.Workstation,
	"laptop": topology.Workstation, "mdt": topology.Workstation, "mdc": topology.Workstation,
	"printer": topology.Printer, "modem": topology.Modem, "hypervisor": topology.Hypervisor,
	"vm": topology.VirtualMachine, "phone": topology.MobileDevice, "tablet": topology.MobileDevice,
	"mobile": topology.MobileDevice, "internet": topology.CarrierNetwork, "mpls": topology.CarrierNetwork,
	"wan": topology.CarrierNetwork, "isp": topology.CarrierNetwork, "user": topology.Workstation,
	"users": topology.Workstation, "storage": topology.Server, "nas": topology.Server,
}

// stencilName is what names a shape's picture: the cisco19 prIcon, the
// shape, or the image file, lower case with separators as spaces.
func stencilName(st style) string {
	name := st["prIcon"]
	if name == "" {
		name = st["shape"]
	}
	if name == "image" || name == "" {
		if img := st["image"]; img != "" && !strings.HasPrefix(img, "data:") {
			// The folder and the file: arista/DCS-7050Q-16.svg,
			// networking/Router_128x128.png.
			parts := strings.Split(img, "/")
			if len(parts) > 2 {
				parts = parts[len(parts)-2:]
			}
			name = strings.Join(parts, "/")
		}
	}
	return name
}

// network reports whether a stencil name comes from a network library:
// draw.io's cisco, cisco19, networks or Visio network masters.
func network(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "mxgraph.cisco") || strings.HasPrefix(n, "mxgraph.networks") || strings.HasPrefix(n, "visio.") ||
		strings.HasPrefix(n, "mxgraph.arista") || strings.Contains(n, "/networking/")
}

// typeOfStencil returns the device type a stencil name stands for, or "".
func typeOfStencil(name string) topology.DeviceType {
	n := words(name)
	if n == "" {
		return ""
	}
	// The library path of a draw.io shape (mxgraph.cisco.routers.router)
	// names its category first; the last part names the shape itself.
	sep := "."
	if strings.Contains(name, "/") {
		sep = "/"
	}
	parts := strings.Split(strings.ToLower(name), sep)
	last := words(parts[len(parts)-1])
	for _, s := range []string{last, n} {
		for _, r := range stencilWords {
			for _, w := range r.words {
				if containsWord(s, w) {
					return r.typ
				}
			}
		}
	}
	return ""
}

// typeOfLabel returns the device type a label's words name, or "".
func typeOfLabel(label string) topology.DeviceType {
	for _, w := range strings.Fields(words(label)) {
		if t, ok := labelWords[w]; ok {
			return t
		}
	}
	return ""
}

// words lower-cases s and turns separators (_ . - / digits' neighbors kept)
// into spaces, dropping an image file's extension and size suffix.
func words(s string) string {
	s = strings.ToLower(s)
	for _, ext := range []string{".png", ".svg", ".jpg", ".gif"} {
		s = strings.TrimSuffix(s, ext)
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == '_' || r == '.' || r == '-' || r == '/' || r == ' ' || r == '\t' || r == '\n' || r == ','
	}), " ")
}

// containsWord reports whether w (one or more words) appears in s at word
// boundaries, or as the start of a word for words of four letters or more
// ("fileserver", "routers").
func containsWord(s, w string) bool {
	w = words(w)
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		startOK := j == 0 || s[j-1] == ' '
		end := j + len(w)
		endOK := end == len(s) || s[end] == ' ' || len(w) >= 4
		if (startOK || len(w) >= 5) && endOK {
			return true
		}
		i = j + 1
	}
}
