// Package topology is the proposal model of the netreview format, version 1
// (see docs/proposal-format.md): sites, zones, devices, links, tunnels and
// waivers, loaded from one or more documents into one graph, and the facts
// that every analysis derives from them the same way.
//
// A Model is built by a loader, then Validate checks it and Reindex makes its
// look-ups; after that it is read-only, and safe to share between rules.
package topology

import (
	"time"

	"github.com/netreview/netreview/internal/parallel"
)

// FormatVersion is the proposal format version this package reads and writes.
const FormatVersion = 1

// defaultZoneID is the id of the zone a model gets when none of its documents
// declares any zones.
const defaultZoneID = "cji"

// Document is the header of one input: its path, format version, agency and
// proposal. Every element points back to the document that defined it.
type Document struct {
	Path     string
	Version  int
	Agency   Agency
	Proposal *Proposal // nil when the document has no proposal section
	Pos      Pos       // where the document starts
	FieldPos FieldPos  // places of the header fields ("netreview", "agency.ori", ...)
}

// Agency is the agency a document describes.
type Agency struct {
	Name    string
	ORI     string // 9 characters: 2-letter state code then 7 letters or digits
	County  string
	Role    AgencyRole // "" when not given: an agency under review
	Address string     // postal address, for letters
	Head    Person     // the agency head, whom a letter is addressed to
	LASO    Person     // the Local Agency Security Officer
}

// Person is someone a letter is addressed to or copied to. Any field may be
// empty.
type Person struct {
	Name  string
	Title string
	Email string
	Phone string
}

// IsCSA reports whether the agency is the state's own side (role: csa): its
// elements are context for a review, not under review.
func (a Agency) IsCSA() bool { return a.Role == RoleCSA }

// Proposal says what a document proposes.
type Proposal struct {
	Title     string
	Kind      ProposalKind
	Submitted time.Time // zero when not given
	Vendor    string
}

// Site is a place.
type Site struct {
	ID       string
	Name     string
	Security Security
	Address  string
	Risks    []string
	Doc      *Document
	Pos      Pos // where the site is written
	FieldPos FieldPos
}

// Zone is a network by trust.
type Zone struct {
	ID       string
	Name     string
	Kind     ZoneKind
	Doc      *Document
	Pos      Pos
	FieldPos FieldPos
	Implicit bool // the default zone added to a model that declares none
}

// Device is one device, or a group of like endpoints drawn as one.
type Device struct {
	ID             string
	Name           string
	Type           DeviceType
	Site           string   // site id; may be empty for carrier networks and cloud services
	Zones          []string // zone ids, from `zone` or `zones`
	Count          int      // 0 when not given; see Units
	Host           string   // for virtual machines: the hypervisor's id
	Boundary       Boundary // "" when not given: a firewall then enforces one, nothing else does
	CJI            *bool    // nil when not given; see Model.IsCJI
	FIPS           string   // FIPS 140 certificate number, as written
	FIPSStandard   FIPSStandard
	Authentication Authentication
	PasswordPolicy PasswordPolicy
	Monitoring     Monitoring
	Patching       Patching
	Wireless       Wireless
	SplitTunnel    SplitTunnel
	MDM            MDM
	Cloud          *Cloud
	Risks          []string
	Doc            *Document
	Pos            Pos
	FieldPos       FieldPos
}

// Cloud describes a cloud service's provider and agreement.
type Cloud struct {
	Provider      string
	CJISAgreement *bool // nil when not given
}

// Encryption is encryption on a link or tunnel.
type Encryption struct {
	Protocol Protocol
	FIPS     string // FIPS 140 certificate number of the module, as written
	Standard FIPSStandard
	Bits     int // symmetric key length; 0 when not given
}

// isZero reports whether the encryption has no field set: `encryption: {}`,
// which the format reads as no encryption at all.
func (e *Encryption) IsZero() bool { return e == nil || *e == Encryption{} }

// Link is a physical or carrier connection between two devices.
type Link struct {
	ID              string
	A, B            string // device ids
	Medium          Medium
	Carrier         string
	Circuit         string
	Encryption      *Encryption // nil when the link has no encryption field
	Bandwidth       string
	ProtectedMedium bool
	Risks           []string
	Doc             *Document
	Pos             Pos
	FieldPos        FieldPos
}

// Tunnel is encrypted traffic between two devices that rides over links.
type Tunnel struct {
	ID         string
	A, B       string // device ids
	Encryption *Encryption
	Over       []string // link ids, in order from A to B
	Doc        *Document
	Pos        Pos
	FieldPos   FieldPos
}

// Waiver accepts one finding for a time.
type Waiver struct {
	Rule       string
	Subject    string
	Reason     string
	ApprovedBy string
	Expires    time.Time // zero when not given
	Doc        *Document
	Pos        Pos
	FieldPos   FieldPos
}

// Model is every element of the documents loaded together.
type Model struct {
	Docs    []*Document
	Sites   []*Site
	Zones   []*Zone
	Devices []*Device
	Links   []*Link
	Tunnels []*Tunnel
	Waivers []*Waiver

	sites   map[string]*Site
	zones   map[string]*Zone
	devices map[string]*Device
	links   map[string]*Link
	tunnels map[string]*Tunnel
	indexed listsMark // the lists as Reindex indexed them
}

// Inputs returns the paths of the model's documents, in load order, each
// once (a drawing holds a document per page that carries an agency).
func (m *Model) Inputs() []string {
	out := make([]string, 0, len(m.Docs))
	for i, d := range m.Docs {
		if i > 0 && d.Path == m.Docs[i-1].Path {
			continue
		}
		out = append(out, d.Path)
	}
	return out
}

// Reindex rebuilds the look-ups by id. Call it after changing the element
// lists, or the id of an element in them; loaders call it for you.
// Where ids repeat, the first one wins.
func (m *Model) Reindex() {
	// The maps are made side by side: at statewide size each is thousands
	// of insertions, and none reads another.
	parallel.Run(
		func() { m.devices = indexByID(m.Devices, func(d *Device) string { return d.ID }) },
		func() { m.links = indexByID(m.Links, func(l *Link) string { return l.ID }) },
		func() { m.sites = indexByID(m.Sites, func(s *Site) string { return s.ID }) },
		func() {
			m.zones = indexByID(m.Zones, func(z *Zone) string { return z.ID })
			m.tunnels = indexByID(m.Tunnels, func(t *Tunnel) string { return t.ID })
		},
	)
	m.indexed = m.lists()
}

// refresh makes the look-ups by id current: it calls Reindex unless the
// element lists are those of the last Reindex (the same length, in the same
// place), which saves a model fresh from Merge its second indexing.
func (m *Model) refresh() {
	if m.indexed != m.lists() {
		m.Reindex()
	}
}

// listsMark is where the element lists of a model are and how long they
// are, to tell whether they changed.
type listsMark [6]listMark

type listMark struct {
	first any // a pointer to the first slot of the list, nil when empty
	n     int
}

func markOf[T any](list []*T) listMark {
	if len(list) == 0 {
		return listMark{}
	}
	return listMark{&list[0], len(list)}
}

func (m *Model) lists() listsMark {
	return listsMark{markOf(m.Sites), markOf(m.Zones), markOf(m.Devices), markOf(m.Links), markOf(m.Tunnels), markOf(m.Waivers)}
}

// indexByID maps each id of list to its first element with it. It assigns
// from the last element to the first, so that the first is assigned last
// and wins, with one map operation per element.
func indexByID[T any](list []T, id func(T) string) map[string]T {
	out := make(map[string]T, len(list))
	for i := len(list) - 1; i >= 0; i-- {
		out[id(list[i])] = list[i]
	}
	return out
}

// Site returns the site with the id, or nil.
func (m *Model) Site(id string) *Site { return m.sites[id] }

// Zone returns the zone with the id, or nil.
func (m *Model) Zone(id string) *Zone { return m.zones[id] }

// Device returns the device with the id, or nil.
func (m *Model) Device(id string) *Device { return m.devices[id] }

// Link returns the link with the id, or nil.
func (m *Model) Link(id string) *Link { return m.links[id] }

// Tunnel returns the tunnel with the id, or nil.
func (m *Model) Tunnel(id string) *Tunnel { return m.tunnels[id] }

// Units is how many like endpoints the device stands for: Count, or 1.
func (d *Device) Units() int {
	if d.Count < 1 {
		return 1
	}
	return d.Count
}

// boundaryKind is the boundary the device enforces: Boundary when given,
// else firewall for firewalls and none for everything else.
func (d *Device) boundaryKind() Boundary {
	if d.Boundary != "" {
		return d.Boundary
	}
	if d.Type == Firewall {
		return BoundaryFirewall
	}
	return BoundaryNone
}

// IsBoundary reports whether the device enforces a boundary (a firewall or
// an ACL).
func (d *Device) IsBoundary() bool { return d.boundaryKind() != BoundaryNone }

// ZoneKinds returns the kinds of the device's zones, in the order of its
// zones, leaving out zones the model does not define.
func (m *Model) ZoneKinds(d *Device) []ZoneKind {
	out := make([]ZoneKind, 0, len(d.Zones))
	for _, id := range d.Zones {
		if z := m.zones[id]; z != nil {
			out = append(out, z.Kind)
		}
	}
	return out
}

// InZoneKind reports whether any of the device's zones is of kind k.
func (m *Model) InZoneKind(d *Device, k ZoneKind) bool {
	for _, id := range d.Zones {
		if z := m.zones[id]; z != nil && z.Kind == k {
			return true
		}
	}
	return false
}

// cjiByDefault reports whether devices of type t process CJI by default
// when they sit in a criminal-justice zone.
func cjiByDefault(t DeviceType) bool {
	switch t {
	case StateHub, Server, Workstation, MobileDevice, Printer, VirtualMachine, CloudService:
		return true
	}
	return false
}

// IsCJI reports whether the device processes CJI: its cji field when given,
// else true for state hubs, servers, workstations, mobiles, printers, virtual
// machines and cloud services in a criminal-justice zone.
func (m *Model) IsCJI(d *Device) bool {
	if d.CJI != nil {
		return *d.CJI
	}
	return cjiByDefault(d.Type) && m.InZoneKind(d, CriminalJustice)
}

// siteSecurity returns the security of the site the device stands in, or ""
// when it stands in none (or in one the model does not define).
func (m *Model) siteSecurity(d *Device) Security {
	if s := m.sites[d.Site]; s != nil {
		return s.Security
	}
	return ""
}

// InSecureLocation reports whether the device stands in a physically secure
// site.
func (m *Model) InSecureLocation(d *Device) bool { return m.siteSecurity(d) == PhysicallySecure }

// LeavesSecureLocation reports whether the link leaves the physically secure
// location: its ends stand in different sites; or either end stands in a site
// that is not physically secure, or in none; or its medium is radio. A wired
// link between physically secure sites marked protected-medium does not.
func (m *Model) LeavesSecureLocation(l *Link) bool {
	a, b := m.devices[l.A], m.devices[l.B]
	if a == nil || b == nil {
		return true
	}
	return l.Leaves(a.Site == b.Site, m.InSecureLocation(a) && m.InSecureLocation(b))
}

// Leaves is the rule of LeavesSecureLocation, for callers that know the
// facts about the link's ends already: whether they stand in one site, and
// whether both stand in a physically secure location.
func (l *Link) Leaves(sameSite, bothSecure bool) bool {
	if l.ProtectedMedium && bothSecure && !l.Medium.Radio() {
		return false
	}
	return !sameSite || !bothSecure || l.Medium.Radio()
}

// DeviceRisks returns the device's shared-risk tags and those of its site,
// each once, in that order.
func (m *Model) DeviceRisks(d *Device) []string {
	var tags []string
	tags = appendUnique(tags, d.Risks...)
	if s := m.sites[d.Site]; s != nil {
		tags = appendUnique(tags, s.Risks...)
	}
	return tags
}

// LinkRisks returns the link's shared-risk tags and carrier:<carrier> when it
// has a carrier, each once.
func (m *Model) LinkRisks(l *Link) []string {
	var tags []string
	tags = appendUnique(tags, l.Risks...)
	if l.Carrier != "" {
		tags = appendUnique(tags, "carrier:"+l.Carrier)
	}
	return tags
}

func appendUnique(dst []string, items ...string) []string {
outer:
	for _, it := range items {
		for _, have := range dst {
			if have == it {
				continue outer
			}
		}
		dst = append(dst, it)
	}
	return dst
}
