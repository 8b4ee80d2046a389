// Package sheet reads and writes proposals as spreadsheets: an .xlsx
// workbook with one sheet per list, or a folder of CSV files named after
// those sheets. It also writes the blank template workbook an agency fills
// in, and documents the columns (see docs/workbook.md).
//
// Readers return a model fragment (a *topology.Model with one Document) whose
// elements carry the place of every cell: a workbook cell prints as
// file#Links!F12, a CSV cell as file:row:column. Enumerated values are
// normalized to the format's spelling ("Physically Secure" becomes
// "physically-secure") and left for topology.Validate to check; cell-level
// type errors (a key length that is not a whole number) are reported here.
package sheet

import (
	"strings"

	"github.com/netreview/netreview/topology"
)

// Kind is the type of value a column holds.
type Kind int

// Column kinds.
const (
	Text Kind = iota // free text, kept as written (trimmed)
	Enum             // one of the column's Values, normalized
	Int              // a whole number
	Bool             // true/false, yes/no, 1/0
	List             // comma-separated items
	Date             // YYYY-MM-DD, or a date serial number
)

// Column is one column of a sheet.
type Column struct {
	Header  string   // the header the template writes
	Key     string   // the field's name in the format, as in topology.FieldPos
	Aliases []string // other headers that name the column
	Kind    Kind
	Values  []string // allowed values of an Enum or Bool column
	Doc     string   // what the column holds, for the Instructions sheet and docs
}

// Sheet is one list of the model as a sheet (or CSV file).
type Sheet struct {
	Name    string // sheet name; the CSV file is its lower case + ".csv"
	Doc     string
	Columns []Column
}

// CSVName returns the name of the sheet's CSV file, such as "links.csv".
func (s Sheet) CSVName() string { return strings.ToLower(s.Name) + ".csv" }

// Sheet names.
const (
	AgencySheet  = "Agency"
	SitesSheet   = "Sites"
	ZonesSheet   = "Zones"
	DevicesSheet = "Devices"
	LinksSheet   = "Links"
	TunnelsSheet = "Tunnels"
	WaiversSheet = "Waivers"
)

func enum[T ~string](vals []T) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

var boolValues = []string{"true", "false"}

func encryptionColumns() []Column {
	return []Column{
		{Header: "Encryption", Key: "encryption.protocol", Aliases: []string{"Protocol", "Encryption Protocol"}, Kind: Enum, Values: enum(topology.Protocols),
			Doc: "encryption protocol on it; leave Encryption, FIPS, FIPS Standard and Key Bits blank when it has none"},
		{Header: "FIPS", Key: "encryption.fips", Aliases: []string{"FIPS Cert", "FIPS Certificate"}, Kind: Text, Doc: "FIPS 140 certificate number of the crypto module"},
		{Header: "FIPS Standard", Key: "encryption.standard", Aliases: []string{"Standard"}, Kind: Enum, Values: enum(topology.FIPSStandards), Doc: "FIPS 140 revision the module was validated under"},
		{Header: "Key Bits", Key: "encryption.bits", Aliases: []string{"Bits"}, Kind: Int, Doc: "symmetric key length in bits, such as 256"},
	}
}

// AgencyFields are the rows of the two-column Agency sheet (Field, Value):
// the Column's Header is written in the Field column.
var AgencyFields = []Column{
	{Header: "netreview", Key: "netreview", Aliases: []string{"Version", "Format Version"}, Kind: Int, Doc: "format version; 1 when blank or absent"},
	{Header: "name", Key: "agency.name", Aliases: []string{"Agency", "Agency Name"}, Kind: Text, Doc: "the agency's name"},
	{Header: "ori", Key: "agency.ori", Kind: Text, Doc: "ORI: 2-letter state code then 7 letters or digits"},
	{Header: "county", Key: "agency.county", Kind: Text, Doc: "county"},
	{Header: "title", Key: "proposal.title", Kind: Text, Doc: "proposal title"},
	{Header: "kind", Key: "proposal.kind", Kind: Enum, Values: enum(topology.ProposalKinds), Doc: "what the proposal asks for"},
	{Header: "submitted", Key: "proposal.submitted", Kind: Date, Doc: "date submitted, YYYY-MM-DD"},
	{Header: "vendor", Key: "proposal.vendor", Kind: Text, Doc: "the vendor or integrator"},
	{Header: "role", Key: "agency.role", Kind: Enum, Values: enum(topology.AgencyRoles), Doc: "agency (blank) for an agency under review; csa for the state's own side"},
	{Header: "address", Key: "agency.address", Kind: Text, Doc: "postal address, for letters"},
	{Header: "head name", Key: "agency.head.name", Kind: Text, Doc: "the agency head, whom letters are addressed to"},
	{Header: "head title", Key: "agency.head.title", Kind: Text, Doc: "the agency head's title, such as Chief of Police"},
	{Header: "laso name", Key: "agency.laso.name", Aliases: []string{"LASO"}, Kind: Text, Doc: "the Local Agency Security Officer"},
	{Header: "laso email", Key: "agency.laso.email", Kind: Text, Doc: "the LASO's email address"},
	{Header: "laso phone", Key: "agency.laso.phone", Kind: Text, Doc: "the LASO's telephone number"},
}

// Sheets lists the data sheets in the order the template writes them.
var Sheets = []Sheet{
	{Name: SitesSheet, Doc: "One row per site (a place).", Columns: []Column{
		{Header: "ID", Key: "id", Kind: Text, Doc: "unique site id: letters, digits, - _ . :"},
		{Header: "Name", Key: "name", Kind: Text, Doc: "the site's name"},
		{Header: "Security", Key: "security", Kind: Enum, Values: enum(topology.Securities), Doc: "only physically-secure exempts traffic from encryption"},
		{Header: "Address", Key: "address", Kind: Text, Doc: "street address"},
		{Header: "Risks", Key: "risks", Kind: List, Doc: "shared-risk tags, comma-separated, such as power:pge-feeder-12"},
	}},
	{Name: ZonesSheet, Doc: "One row per zone (a network by trust). Leave empty for one criminal-justice zone `cji`.", Columns: []Column{
		{Header: "ID", Key: "id", Kind: Text, Doc: "unique zone id"},
		{Header: "Name", Key: "name", Kind: Text, Doc: "the zone's name"},
		{Header: "Kind", Key: "kind", Kind: Enum, Values: enum(topology.ZoneKinds), Doc: "trust level of the network"},
	}},
	{Name: DevicesSheet, Doc: "One row per device, or per group of like endpoints.", Columns: []Column{
		{Header: "ID", Key: "id", Kind: Text, Doc: "unique device id"},
		{Header: "Name", Key: "name", Kind: Text, Doc: "the device's name"},
		{Header: "Type", Key: "type", Kind: Enum, Values: enum(topology.DeviceTypes), Doc: "what the device is"},
		{Header: "Site", Key: "site", Kind: Text, Doc: "id of the site it stands in (blank for carrier-network, cloud-service)"},
		{Header: "Zones", Key: "zones", Aliases: []string{"Zone"}, Kind: List, Doc: "id of its zone, or several comma-separated"},
		{Header: "Count", Key: "count", Kind: Int, Doc: "number of like endpoints drawn as one; 1 when blank"},
		{Header: "Host", Key: "host", Kind: Text, Doc: "for virtual-machine: the hypervisor's id"},
		{Header: "Boundary", Key: "boundary", Kind: Enum, Values: enum(topology.Boundaries), Doc: "whether it enforces a boundary between zones"},
		{Header: "CJI", Key: "cji", Kind: Bool, Values: boolValues, Doc: "whether it processes CJI; blank for the default"},
		{Header: "FIPS", Key: "fips", Aliases: []string{"FIPS Cert", "FIPS Certificate"}, Kind: Text, Doc: "FIPS 140 certificate number of its crypto module"},
		{Header: "FIPS Standard", Key: "fips-standard", Aliases: []string{"Standard"}, Kind: Enum, Values: enum(topology.FIPSStandards), Doc: "FIPS 140 revision the module was validated under"},
		{Header: "Authentication", Key: "authentication", Kind: Enum, Values: enum(topology.Authentications), Doc: "how a person logs on to it or through it"},
		{Header: "Password Policy", Key: "password-policy", Kind: Enum, Values: enum(topology.PasswordPolicies), Doc: "whether its passwords follow the policy"},
		{Header: "Monitoring", Key: "monitoring", Kind: Enum, Values: enum(topology.Monitorings), Doc: "how it is watched for intrusions"},
		{Header: "Patching", Key: "patching", Kind: Enum, Values: enum(topology.Patchings), Doc: "how it is kept up to date"},
		{Header: "Split Tunnel", Key: "split-tunnel", Kind: Enum, Values: enum(topology.SplitTunnels), Doc: "for vpn-gateway, workstation, mobile: whether traffic may bypass the tunnel"},
		{Header: "MDM", Key: "mdm", Kind: Enum, Values: enum(topology.MDMs), Doc: "for mobile: whether mobile device management controls it"},
		{Header: "Wireless", Key: "wireless", Kind: Enum, Values: enum(topology.Wirelesses), Doc: "for wireless-ap: its security protocol"},
		{Header: "Cloud Provider", Key: "cloud.provider", Kind: Text, Doc: "for cloud-service: the provider"},
		{Header: "CJIS Agreement", Key: "cloud.cjis-agreement", Kind: Bool, Values: boolValues, Doc: "for cloud-service: whether the provider signed the CJIS agreement"},
		{Header: "Risks", Key: "risks", Kind: List, Doc: "shared-risk tags, comma-separated"},
	}},
	{Name: LinksSheet, Doc: "One row per physical or carrier connection between two devices.", Columns: append([]Column{
		{Header: "ID", Key: "id", Kind: Text, Doc: "unique link id"},
		{Header: "A", Key: "a", Kind: Text, Doc: "id of one end device"},
		{Header: "B", Key: "b", Kind: Text, Doc: "id of the other end device"},
		{Header: "Medium", Key: "medium", Kind: Enum, Values: enum(topology.Media), Doc: "what the link runs over"},
		{Header: "Carrier", Key: "carrier", Kind: Text, Doc: "who provides it; counts as the risk tag carrier:<carrier>"},
		{Header: "Circuit", Key: "circuit", Kind: Text, Doc: "circuit id"},
	}, append(encryptionColumns(),
		Column{Header: "Bandwidth", Key: "bandwidth", Kind: Text, Doc: "such as 100M or 1G"},
		Column{Header: "Protected Medium", Key: "protected-medium", Kind: Bool, Values: boolValues, Doc: "true when the CSA approved the agency-controlled medium unencrypted"},
		Column{Header: "Risks", Key: "risks", Kind: List, Doc: "shared-risk tags, comma-separated"},
	)...)},
	{Name: TunnelsSheet, Doc: "One row per encrypted tunnel riding over links.", Columns: append([]Column{
		{Header: "ID", Key: "id", Kind: Text, Doc: "unique tunnel id"},
		{Header: "A", Key: "a", Kind: Text, Doc: "id of one end device"},
		{Header: "B", Key: "b", Kind: Text, Doc: "id of the other end device"},
	}, append(encryptionColumns(),
		Column{Header: "Over", Key: "over", Kind: List, Doc: "ids of the links it rides, comma-separated, in order from A to B"},
	)...)},
	{Name: WaiversSheet, Doc: "One row per waiver accepting one finding for a time.", Columns: []Column{
		{Header: "Rule", Key: "rule", Kind: Text, Doc: "the rule id, such as single-device"},
		{Header: "Subject", Key: "subject", Kind: Text, Doc: "id of the element the finding is about"},
		{Header: "Reason", Key: "reason", Kind: Text, Doc: "why the finding is accepted"},
		{Header: "Approved By", Key: "approved-by", Kind: Text, Doc: "who approved the waiver"},
		{Header: "Expires", Key: "expires", Kind: Date, Doc: "last day of the waiver, YYYY-MM-DD"},
	}},
}

// normHeader folds a header for matching: lower case, without spaces,
// hyphens or underscores.
func normHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch r {
		case ' ', '-', '_', '\t', '\u00a0':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// normEnum folds an enumerated value to the format's spelling: trimmed, lower
// case, with runs of spaces and underscores turned into one hyphen
// ("Physically Secure" -> "physically-secure").
func normEnum(s string) string {
	f := strings.FieldsFunc(strings.ToLower(strings.TrimSpace(s)), func(r rune) bool {
		return r == ' ' || r == '_' || r == '\t' || r == '\u00a0'
	})
	return strings.Join(f, "-")
}

// lookup finds the column a header names, or nil.
func (s Sheet) lookup(header string) *Column {
	h := normHeader(header)
	for i := range s.Columns {
		c := &s.Columns[i]
		if normHeader(c.Header) == h {
			return c
		}
	}
	for i := range s.Columns {
		c := &s.Columns[i]
		for _, a := range c.Aliases {
			if normHeader(a) == h {
				return c
			}
		}
	}
	return nil
}

func sheetByName(name string) *Sheet {
	n := normHeader(name)
	for i := range Sheets {
		if normHeader(Sheets[i].Name) == n {
			return &Sheets[i]
		}
	}
	return nil
}

// examples are filled-in values shown on the Instructions sheet and in the
// docs, by sheet and column key.
var examples = map[string]map[string]string{
	AgencySheet: {"netreview": "1", "agency.name": "Riverbend Police Department", "agency.ori": "CA0420100",
		"agency.county": "Riverbend", "proposal.title": "Replace frame relay with MPLS", "proposal.kind": "upgrade",
		"proposal.submitted": "2026-09-14", "proposal.vendor": "Example Integrators", "agency.role": "agency",
		"agency.address": "100 Main St, Riverbend, CA 95000", "agency.head.name": "Chief Dana Ortiz",
		"agency.head.title": "Chief of Police", "agency.laso.name": "Sam Lee", "agency.laso.email": "slee@riverbend.example",
		"agency.laso.phone": "555-0100"},
	SitesSheet: {"id": "hq", "name": "Headquarters", "security": "physically-secure",
		"address": "100 Main St", "risks": "power:pge-feeder-12, building:city-hall"},
	ZonesSheet: {"id": "cji", "name": "CJI network", "kind": "criminal-justice"},
	DevicesSheet: {"id": "hq-fw1", "name": "HQ firewall", "type": "firewall", "site": "hq", "zones": "cji, city",
		"count": "1", "host": "", "boundary": "firewall", "cji": "false", "fips": "4021", "fips-standard": "140-3",
		"authentication": "advanced", "password-policy": "compliant", "monitoring": "ips", "patching": "managed",
		"split-tunnel": "", "mdm": "", "wireless": "", "cloud.provider": "", "cloud.cjis-agreement": "", "risks": "rack:hq-a"},
	LinksSheet: {"id": "hq-mpls", "a": "hq-rtr1", "b": "mpls", "medium": "mpls", "carrier": "att",
		"circuit": "DHEC.123456", "encryption.protocol": "ipsec", "encryption.fips": "4021",
		"encryption.standard": "140-3", "encryption.bits": "256", "bandwidth": "100M", "protected-medium": "false",
		"risks": "conduit:main-st"},
	TunnelsSheet: {"id": "hq-vpn", "a": "hq-fw1", "b": "state-hub", "encryption.protocol": "ipsec",
		"encryption.fips": "4021", "encryption.standard": "140-3", "encryption.bits": "256", "over": "hq-mpls, mpls-state"},
	WaiversSheet: {"rule": "single-device", "subject": "hq-rtr1", "reason": "Second router funded in FY27",
		"approved-by": "CLETS Administration Section", "expires": "2027-06-30"},
}

func example(sheet string, c Column) string { return examples[sheet][c.Key] }
