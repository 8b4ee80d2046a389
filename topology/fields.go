package topology

import "time"

// The tables of the format's fields, one per element type, in the format's
// order. Adding a field to the format is adding one line here (and the Go
// field it sets, and the rule that reads it): decoding, encoding, the
// workbook and CSV forms, the template, diff and the docs follow.

// names lists enumerated values as strings.
func names[E ~string](vals []E) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

// Accessors, one per Go type that holds a field.
func text[T any, E ~string](p ref[T, E]) accessor[T]     { return strAcc[T, E]{p} }
func whole[T any](p ref[T, int]) accessor[T]             { return intAcc[T]{p} }
func truth[T any](p ref[T, bool]) accessor[T]            { return flagAcc[T]{p} }
func maybe[T any](p ref[T, *bool]) accessor[T]           { return optAcc[T]{p} }
func items[T any](p ref[T, []string]) accessor[T]        { return listAcc[T]{p} }
func dayOf[T any](p ref[T, time.Time]) accessor[T]       { return dateAcc[T]{p} }
func linkEnc(l *Link) **Encryption                       { return &l.Encryption }
func tunnelEnc(t *Tunnel) **Encryption                   { return &t.Encryption }
func deviceCloud(d *Device) **Cloud                      { return &d.Cloud }
func docProposal(d *Document) **Proposal                 { return &d.Proposal }
func (f Field[T]) with(a accessor[T]) Field[T]           { f.acc = a; return f }
func (f Field[T]) forTypes(types ...DeviceType) Field[T] { f.Types = types; return f }

var documentSchema = newSchema("document", "", elements[Document]{},
	[]fieldGroup[Document]{byValue[Document]("agency"), byPointer("proposal", docProposal), byValue[Document]("agency.head"), byValue[Document]("agency.laso")},
	Field[Document]{Name: "netreview", Kind: Int, Column: "netreview", Aliases: []string{"Version", "Format Version"}, Doc: "format version; 1 when blank or absent", Example: "1"}.with(whole(at(func(d *Document) *int { return &d.Version }))),
	Field[Document]{Name: "agency.name", Kind: Text, Column: "name", Aliases: []string{"Agency", "Agency Name"}, Doc: "the agency's name", Example: "Riverbend Police Department"}.with(text(at(func(d *Document) *string { return &d.Agency.Name }))),
	Field[Document]{Name: "agency.ori", Kind: Text, Column: "ori", Doc: "ORI: 2-letter state code then 7 letters or digits", Example: "CA0420100"}.with(text(at(func(d *Document) *string { return &d.Agency.ORI }))),
	Field[Document]{Name: "agency.county", Kind: Text, Column: "county", Doc: "county", Example: "Riverbend"}.with(text(at(func(d *Document) *string { return &d.Agency.County }))),
	Field[Document]{Name: "proposal.title", Kind: Text, Column: "title", Doc: "proposal title", Example: "Replace frame relay with MPLS"}.with(text(in(docProposal, func(p *Proposal) *string { return &p.Title }))),
	Field[Document]{Name: "proposal.kind", Kind: Enum, Values: names(proposalKinds), Column: "kind", Doc: "what the proposal asks for", Example: "upgrade"}.with(text(in(docProposal, func(p *Proposal) *ProposalKind { return &p.Kind }))),
	Field[Document]{Name: "proposal.submitted", Kind: Date, Column: "submitted", Doc: "date submitted, YYYY-MM-DD", Example: "2026-09-14"}.with(dayOf(in(docProposal, func(p *Proposal) *time.Time { return &p.Submitted }))),
	Field[Document]{Name: "proposal.vendor", Kind: Text, Column: "vendor", Doc: "the vendor or integrator", Example: "Example Integrators"}.with(text(in(docProposal, func(p *Proposal) *string { return &p.Vendor }))),
	Field[Document]{Name: "agency.role", Kind: Enum, Values: names(agencyRoles), Column: "role", Doc: "agency (blank) for an agency under review; csa for the state's own side", Example: "agency"}.with(text(at(func(d *Document) *AgencyRole { return &d.Agency.Role }))),
	Field[Document]{Name: "agency.address", Kind: Text, Column: "address", Doc: "postal address, for letters", Example: "100 Main St, Riverbend, CA 95000"}.with(text(at(func(d *Document) *string { return &d.Agency.Address }))),
	Field[Document]{Name: "agency.head.name", Kind: Text, Column: "head name", Doc: "the agency head, whom letters are addressed to", Example: "Chief Dana Ortiz"}.with(text(at(func(d *Document) *string { return &d.Agency.Head.Name }))),
	Field[Document]{Name: "agency.head.title", Kind: Text, Column: "head title", Doc: "the agency head's title, such as Chief of Police", Example: "Chief of Police"}.with(text(at(func(d *Document) *string { return &d.Agency.Head.Title }))),
	Field[Document]{Name: "agency.laso.name", Kind: Text, Column: "laso name", Aliases: []string{"LASO"}, Doc: "the Local Agency Security Officer", Example: "Sam Lee"}.with(text(at(func(d *Document) *string { return &d.Agency.LASO.Name }))),
	Field[Document]{Name: "agency.laso.email", Kind: Text, Column: "laso email", Doc: "the LASO's email address", Example: "slee@riverbend.example"}.with(text(at(func(d *Document) *string { return &d.Agency.LASO.Email }))),
	Field[Document]{Name: "agency.laso.phone", Kind: Text, Column: "laso phone", Doc: "the LASO's telephone number", Example: "555-0100"}.with(text(at(func(d *Document) *string { return &d.Agency.LASO.Phone }))),
)

var siteSchema = newSchema("site", "sites",
	elements[Site]{
		init: func(s *Site, doc *Document, at Pos, fp FieldPos) { s.Doc, s.Pos, s.FieldPos = doc, at, fp },
		list: func(m *Model) *[]*Site { return &m.Sites },
	}, nil,
	Field[Site]{Name: "id", Kind: Text, Column: "ID", Doc: "unique site id: letters, digits, - _ . :", Example: "hq"}.with(text(at(func(s *Site) *string { return &s.ID }))),
	Field[Site]{Name: "name", Kind: Text, Column: "Name", Doc: "the site's name", Example: "Headquarters"}.with(text(at(func(s *Site) *string { return &s.Name }))),
	Field[Site]{Name: "security", Kind: Enum, Values: names(securities), Column: "Security", Doc: "only physically-secure exempts traffic from encryption", Example: "physically-secure"}.with(text(at(func(s *Site) *Security { return &s.Security }))),
	Field[Site]{Name: "address", Kind: Text, Column: "Address", Doc: "street address", Example: "100 Main St"}.with(text(at(func(s *Site) *string { return &s.Address }))),
	Field[Site]{Name: "risks", Kind: List, Column: "Risks", Doc: "shared-risk tags, comma-separated, such as power:pge-feeder-12", Example: "power:pge-feeder-12, building:city-hall"}.with(items(at(func(s *Site) *[]string { return &s.Risks }))),
)

var zoneSchema = newSchema("zone", "zones",
	elements[Zone]{
		init: func(z *Zone, doc *Document, at Pos, fp FieldPos) { z.Doc, z.Pos, z.FieldPos = doc, at, fp },
		list: func(m *Model) *[]*Zone { return &m.Zones },
		skip: func(z *Zone) bool { return z.Implicit },
	}, nil,
	Field[Zone]{Name: "id", Kind: Text, Column: "ID", Doc: "unique zone id", Example: "cji"}.with(text(at(func(z *Zone) *string { return &z.ID }))),
	Field[Zone]{Name: "name", Kind: Text, Column: "Name", Doc: "the zone's name", Example: "CJI network"}.with(text(at(func(z *Zone) *string { return &z.Name }))),
	Field[Zone]{Name: "kind", Kind: Enum, Values: names(zoneKinds), Column: "Kind", Doc: "trust level of the network", Example: "criminal-justice"}.with(text(at(func(z *Zone) *ZoneKind { return &z.Kind }))),
)

var deviceSchema = newSchema("device", "devices",
	elements[Device]{
		init: func(d *Device, doc *Document, at Pos, fp FieldPos) { d.Doc, d.Pos, d.FieldPos = doc, at, fp },
		list: func(m *Model) *[]*Device { return &m.Devices },
	},
	[]fieldGroup[Device]{byPointer("cloud", deviceCloud, CloudService)},
	Field[Device]{Name: "id", Kind: Text, Column: "ID", Doc: "unique device id", Example: "hq-fw1"}.with(text(at(func(d *Device) *string { return &d.ID }))),
	Field[Device]{Name: "name", Kind: Text, Column: "Name", Doc: "the device's name", Example: "HQ firewall"}.with(text(at(func(d *Device) *string { return &d.Name }))),
	Field[Device]{Name: "type", Kind: Enum, Values: names(deviceTypes), Column: "Type", Doc: "what the device is", Example: "firewall"}.with(text(at(func(d *Device) *DeviceType { return &d.Type }))),
	Field[Device]{Name: "site", Kind: Text, Column: "Site", Doc: "id of the site it stands in (blank for carrier-network, cloud-service)", Example: "hq"}.with(text(at(func(d *Device) *string { return &d.Site }))),
	Field[Device]{Name: "zones", Kind: List, One: "zone", Column: "Zones", Aliases: []string{"Zone"}, Doc: "id of its zone, or several comma-separated", Example: "cji, city"}.with(items(at(func(d *Device) *[]string { return &d.Zones }))),
	Field[Device]{Name: "count", Kind: Int, Column: "Count", Doc: "number of like endpoints drawn as one; 1 when blank", Example: "1"}.with(whole(at(func(d *Device) *int { return &d.Count }))),
	Field[Device]{Name: "host", Kind: Text, Column: "Host", Doc: "for virtual-machine: the hypervisor's id"}.with(text(at(func(d *Device) *string { return &d.Host }))).forTypes(VirtualMachine),
	Field[Device]{Name: "boundary", Kind: Enum, Values: names(boundaries), Column: "Boundary", Doc: "whether it enforces a boundary between zones", Example: "firewall"}.with(text(at(func(d *Device) *Boundary { return &d.Boundary }))),
	Field[Device]{Name: "cji", Kind: Bool, Column: "CJI", Doc: "whether it processes CJI; blank for the default", Example: "false"}.with(maybe(at(func(d *Device) **bool { return &d.CJI }))),
	Field[Device]{Name: "fips", Kind: Code, Column: "FIPS", Aliases: []string{"FIPS Cert", "FIPS Certificate"}, Doc: "FIPS 140 certificate number of its crypto module", Example: "4021"}.with(text(at(func(d *Device) *string { return &d.FIPS }))),
	Field[Device]{Name: "fips-standard", Kind: Enum, Values: names(fipsStandards), Column: "FIPS Standard", Aliases: []string{"Standard"}, Doc: "FIPS 140 revision the module was validated under", Example: "140-3"}.with(text(at(func(d *Device) *FIPSStandard { return &d.FIPSStandard }))),
	Field[Device]{Name: "authentication", Kind: Enum, Values: names(authentications), Column: "Authentication", Doc: "how a person logs on to it or through it", Example: "advanced"}.with(text(at(func(d *Device) *Authentication { return &d.Authentication }))),
	Field[Device]{Name: "password-policy", Kind: Enum, Values: names(passwordPolicies), Column: "Password Policy", Doc: "whether its passwords follow the policy", Example: "compliant"}.with(text(at(func(d *Device) *PasswordPolicy { return &d.PasswordPolicy }))),
	Field[Device]{Name: "monitoring", Kind: Enum, Values: names(monitorings), Column: "Monitoring", Doc: "how it is watched for intrusions", Example: "ips"}.with(text(at(func(d *Device) *Monitoring { return &d.Monitoring }))),
	Field[Device]{Name: "patching", Kind: Enum, Values: names(patchings), Column: "Patching", Doc: "how it is kept up to date", Example: "managed"}.with(text(at(func(d *Device) *Patching { return &d.Patching }))),
	Field[Device]{Name: "split-tunnel", Kind: Enum, Values: names(splitTunnels), Column: "Split Tunnel", Doc: "for vpn-gateway, workstation, mobile: whether traffic may bypass the tunnel"}.with(text(at(func(d *Device) *SplitTunnel { return &d.SplitTunnel }))).forTypes(VPNGateway, Workstation, MobileDevice),
	Field[Device]{Name: "mdm", Kind: Enum, Values: names(mdms), Column: "MDM", Doc: "for mobile: whether mobile device management controls it"}.with(text(at(func(d *Device) *MDM { return &d.MDM }))).forTypes(MobileDevice),
	Field[Device]{Name: "wireless", Kind: Enum, Values: names(wirelesses), Column: "Wireless", Doc: "for wireless-ap: its security protocol"}.with(text(at(func(d *Device) *Wireless { return &d.Wireless }))).forTypes(WirelessAP),
	Field[Device]{Name: "cloud.provider", Kind: Text, Column: "Cloud Provider", Doc: "for cloud-service: the provider"}.with(text(in(deviceCloud, func(c *Cloud) *string { return &c.Provider }))).forTypes(CloudService),
	Field[Device]{Name: "cloud.cjis-agreement", Kind: Bool, Column: "CJIS Agreement", Doc: "for cloud-service: whether the provider signed the CJIS agreement"}.with(maybe(in(deviceCloud, func(c *Cloud) **bool { return &c.CJISAgreement }))).forTypes(CloudService),
	Field[Device]{Name: "risks", Kind: List, Column: "Risks", Doc: "shared-risk tags, comma-separated", Example: "rack:hq-a"}.with(items(at(func(d *Device) *[]string { return &d.Risks }))),
)

// encryptionFields are the fields of a link's or tunnel's encryption.
func encryptionFields[T any](g func(*T) **Encryption) []Field[T] {
	return []Field[T]{
		Field[T]{Name: "encryption.protocol", Kind: Enum, Values: names(protocols), Column: "Encryption", Aliases: []string{"Protocol", "Encryption Protocol"}, Doc: "encryption protocol on it; leave Encryption, FIPS, FIPS Standard and Key Bits blank when it has none", Example: "ipsec"}.with(text(in(g, func(e *Encryption) *Protocol { return &e.Protocol }))),
		Field[T]{Name: "encryption.fips", Kind: Code, Column: "FIPS", Aliases: []string{"FIPS Cert", "FIPS Certificate"}, Doc: "FIPS 140 certificate number of the crypto module", Example: "4021"}.with(text(in(g, func(e *Encryption) *string { return &e.FIPS }))),
		Field[T]{Name: "encryption.standard", Kind: Enum, Values: names(fipsStandards), Column: "FIPS Standard", Aliases: []string{"Standard"}, Doc: "FIPS 140 revision the module was validated under", Example: "140-3"}.with(text(in(g, func(e *Encryption) *FIPSStandard { return &e.Standard }))),
		Field[T]{Name: "encryption.bits", Kind: Int, Column: "Key Bits", Aliases: []string{"Bits"}, Doc: "symmetric key length in bits, such as 256", Example: "256"}.with(whole(in(g, func(e *Encryption) *int { return &e.Bits }))),
	}
}

var linkSchema = newSchema("link", "links",
	elements[Link]{
		init: func(l *Link, doc *Document, at Pos, fp FieldPos) { l.Doc, l.Pos, l.FieldPos = doc, at, fp },
		list: func(m *Model) *[]*Link { return &m.Links },
	},
	[]fieldGroup[Link]{byPointer("encryption", linkEnc)},
	concat(
		[]Field[Link]{
			Field[Link]{Name: "id", Kind: Text, Column: "ID", Doc: "unique link id", Example: "hq-mpls"}.with(text(at(func(l *Link) *string { return &l.ID }))),
			Field[Link]{Name: "a", Kind: Text, Column: "A", Doc: "id of one end device", Example: "hq-rtr1"}.with(text(at(func(l *Link) *string { return &l.A }))),
			Field[Link]{Name: "b", Kind: Text, Column: "B", Doc: "id of the other end device", Example: "mpls"}.with(text(at(func(l *Link) *string { return &l.B }))),
			Field[Link]{Name: "medium", Kind: Enum, Values: names(media), Column: "Medium", Doc: "what the link runs over", Example: "mpls"}.with(text(at(func(l *Link) *Medium { return &l.Medium }))),
			Field[Link]{Name: "carrier", Kind: Text, Column: "Carrier", Doc: "who provides it; counts as the risk tag carrier:<carrier>", Example: "att"}.with(text(at(func(l *Link) *string { return &l.Carrier }))),
			Field[Link]{Name: "circuit", Kind: Code, Column: "Circuit", Doc: "circuit id", Example: "DHEC.123456"}.with(text(at(func(l *Link) *string { return &l.Circuit }))),
		},
		encryptionFields(linkEnc),
		[]Field[Link]{
			Field[Link]{Name: "bandwidth", Kind: Code, Column: "Bandwidth", Doc: "such as 100M or 1G", Example: "100M"}.with(text(at(func(l *Link) *string { return &l.Bandwidth }))),
			Field[Link]{Name: "protected-medium", Kind: Bool, Column: "Protected Medium", Doc: "true when the CSA approved the agency-controlled medium unencrypted", Example: "false"}.with(truth(at(func(l *Link) *bool { return &l.ProtectedMedium }))),
			Field[Link]{Name: "risks", Kind: List, Column: "Risks", Doc: "shared-risk tags, comma-separated", Example: "conduit:main-st"}.with(items(at(func(l *Link) *[]string { return &l.Risks }))),
		},
	)...,
)

var tunnelSchema = newSchema("tunnel", "tunnels",
	elements[Tunnel]{
		init: func(t *Tunnel, doc *Document, at Pos, fp FieldPos) { t.Doc, t.Pos, t.FieldPos = doc, at, fp },
		list: func(m *Model) *[]*Tunnel { return &m.Tunnels },
	},
	[]fieldGroup[Tunnel]{byPointer("encryption", tunnelEnc)},
	concat(
		[]Field[Tunnel]{
			Field[Tunnel]{Name: "id", Kind: Text, Column: "ID", Doc: "unique tunnel id", Example: "hq-vpn"}.with(text(at(func(t *Tunnel) *string { return &t.ID }))),
			Field[Tunnel]{Name: "a", Kind: Text, Column: "A", Doc: "id of one end device", Example: "hq-fw1"}.with(text(at(func(t *Tunnel) *string { return &t.A }))),
			Field[Tunnel]{Name: "b", Kind: Text, Column: "B", Doc: "id of the other end device", Example: "state-hub"}.with(text(at(func(t *Tunnel) *string { return &t.B }))),
		},
		encryptionFields(tunnelEnc),
		[]Field[Tunnel]{
			Field[Tunnel]{Name: "over", Kind: List, Column: "Over", Doc: "ids of the links it rides, comma-separated, in order from A to B", Example: "hq-mpls, mpls-state"}.with(items(at(func(t *Tunnel) *[]string { return &t.Over }))),
		},
	)...,
)

var waiverSchema = newSchema("waiver", "waivers",
	elements[Waiver]{
		init: func(w *Waiver, doc *Document, at Pos, fp FieldPos) { w.Doc, w.Pos, w.FieldPos = doc, at, fp },
		list: func(m *Model) *[]*Waiver { return &m.Waivers },
	}, nil,
	Field[Waiver]{Name: "rule", Kind: Text, Column: "Rule", Doc: "the rule id, such as single-device", Example: "single-device"}.with(text(at(func(w *Waiver) *string { return &w.Rule }))),
	Field[Waiver]{Name: "subject", Kind: Text, Column: "Subject", Doc: "id of the element the finding is about", Example: "hq-rtr1"}.with(text(at(func(w *Waiver) *string { return &w.Subject }))),
	Field[Waiver]{Name: "reason", Kind: Text, Column: "Reason", Doc: "why the finding is accepted", Example: "Second router funded in FY27"}.with(text(at(func(w *Waiver) *string { return &w.Reason }))),
	Field[Waiver]{Name: "approved-by", Kind: Text, Column: "Approved By", Doc: "who approved the waiver", Example: "CLETS Administration Section"}.with(text(at(func(w *Waiver) *string { return &w.ApprovedBy }))),
	Field[Waiver]{Name: "expires", Kind: Date, Column: "Expires", Doc: "last day of the waiver, YYYY-MM-DD", Example: "2027-06-30"}.with(dayOf(at(func(w *Waiver) *time.Time { return &w.Expires }))),
)

func concat[T any](lists ...[]T) []T {
	var out []T
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// DocumentSchema is the schema of a document's header: the format version,
// the agency and the proposal.
func DocumentSchema() *Schema[Document] { return documentSchema }

// SiteSchema is the schema of sites.
func SiteSchema() *Schema[Site] { return siteSchema }

// ZoneSchema is the schema of zones.
func ZoneSchema() *Schema[Zone] { return zoneSchema }

// DeviceSchema is the schema of devices.
func DeviceSchema() *Schema[Device] { return deviceSchema }

// LinkSchema is the schema of links.
func LinkSchema() *Schema[Link] { return linkSchema }

// TunnelSchema is the schema of tunnels.
func TunnelSchema() *Schema[Tunnel] { return tunnelSchema }

// WaiverSchema is the schema of waivers.
func WaiverSchema() *Schema[Waiver] { return waiverSchema }
