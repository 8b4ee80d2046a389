package topology

import "slices"

// The enumerated values of the proposal format, version 1. Each type lists
// its allowed values in a variable named after it, in the order the format
// specification gives them; validation, the workbook template's drop-downs
// and the docs all read those lists (through the schema's Field.Values).
// DeviceTypes and ZoneKinds, which renderers and rules walk, return a fresh
// copy of theirs.

// Security is how a site is protected.
type Security string

// Site security levels.
const (
	PhysicallySecure Security = "physically-secure"
	ControlledArea   Security = "controlled-area"
	Unsecured        Security = "unsecured"
	Mobile           Security = "mobile"
)

// securities lists the allowed Security values.
var securities = []Security{PhysicallySecure, ControlledArea, Unsecured, Mobile}

// ZoneKind is a network's trust level.
type ZoneKind string

// Zone kinds.
const (
	CriminalJustice    ZoneKind = "criminal-justice"
	NonCriminalJustice ZoneKind = "non-criminal-justice"
	Internet           ZoneKind = "internet"
	Public             ZoneKind = "public"
	Transport          ZoneKind = "transport"
)

var zoneKinds = []ZoneKind{CriminalJustice, NonCriminalJustice, Internet, Public, Transport}

// ZoneKinds returns the allowed ZoneKind values, in the format's order.
func ZoneKinds() []ZoneKind { return slices.Clone(zoneKinds) }

// Untrusted reports whether k is a kind from which CJI must be walled off:
// non-criminal-justice, internet or public.
func (k ZoneKind) Untrusted() bool {
	return k == NonCriminalJustice || k == Internet || k == Public
}

// DeviceType is what a device is.
type DeviceType string

// Device types.
const (
	StateHub       DeviceType = "state-hub"
	Router         DeviceType = "router"
	Switch         DeviceType = "switch"
	Firewall       DeviceType = "firewall"
	VPNGateway     DeviceType = "vpn-gateway"
	WirelessAP     DeviceType = "wireless-ap"
	Server         DeviceType = "server"
	Workstation    DeviceType = "workstation"
	MobileDevice   DeviceType = "mobile"
	Printer        DeviceType = "printer"
	Hypervisor     DeviceType = "hypervisor"
	VirtualMachine DeviceType = "virtual-machine"
	CloudService   DeviceType = "cloud-service"
	CarrierNetwork DeviceType = "carrier-network"
	Modem          DeviceType = "modem"
)

var deviceTypes = []DeviceType{StateHub, Router, Switch, Firewall, VPNGateway, WirelessAP,
	Server, Workstation, MobileDevice, Printer, Hypervisor, VirtualMachine, CloudService,
	CarrierNetwork, Modem}

// DeviceTypes returns the allowed DeviceType values, in the format's order.
func DeviceTypes() []DeviceType { return slices.Clone(deviceTypes) }

// Boundary is whether a device enforces a boundary between zones.
type Boundary string

// Boundary kinds.
const (
	BoundaryFirewall Boundary = "firewall"
	BoundaryACL      Boundary = "acl"
	BoundaryNone     Boundary = "none"
)

// boundaries lists the allowed Boundary values.
var boundaries = []Boundary{BoundaryFirewall, BoundaryACL, BoundaryNone}

// Authentication is how a person logs on to a device or through it.
type Authentication string

// Authentication kinds. Unknown, like an empty value, means the agency has not
// said.
const (
	AuthAdvanced Authentication = "advanced"
	AuthPassword Authentication = "password"
	AuthNone     Authentication = "none"
	AuthUnknown  Authentication = "unknown"
)

// authentications lists the allowed Authentication values.
var authentications = []Authentication{AuthAdvanced, AuthPassword, AuthNone, AuthUnknown}

// PasswordPolicy is whether a device's passwords follow the policy.
type PasswordPolicy string

// Password policy states.
const (
	PasswordCompliant    PasswordPolicy = "compliant"
	PasswordNonCompliant PasswordPolicy = "non-compliant"
	PasswordUnknown      PasswordPolicy = "unknown"
)

// passwordPolicies lists the allowed PasswordPolicy values.
var passwordPolicies = []PasswordPolicy{PasswordCompliant, PasswordNonCompliant, PasswordUnknown}

// Monitoring is how a device is watched for intrusions.
type Monitoring string

// Monitoring kinds.
const (
	MonitoringIDS     Monitoring = "ids"
	MonitoringIPS     Monitoring = "ips"
	MonitoringSIEM    Monitoring = "siem"
	MonitoringNone    Monitoring = "none"
	MonitoringUnknown Monitoring = "unknown"
)

// monitorings lists the allowed Monitoring values.
var monitorings = []Monitoring{MonitoringIDS, MonitoringIPS, MonitoringSIEM, MonitoringNone, MonitoringUnknown}

// Patching is how a device is kept up to date.
type Patching string

// Patching states.
const (
	PatchingManaged   Patching = "managed"
	PatchingUnmanaged Patching = "unmanaged"
	PatchingUnknown   Patching = "unknown"
)

// patchings lists the allowed Patching values.
var patchings = []Patching{PatchingManaged, PatchingUnmanaged, PatchingUnknown}

// AgencyRole is whether a document is an agency under review or the state's
// own side.
type AgencyRole string

// Agency roles.
const (
	RoleAgency AgencyRole = "agency"
	RoleCSA    AgencyRole = "csa"
)

// agencyRoles lists the allowed AgencyRole values.
var agencyRoles = []AgencyRole{RoleAgency, RoleCSA}

// SplitTunnel is whether traffic may bypass a VPN tunnel while it is up.
type SplitTunnel string

// Split-tunnel settings.
const (
	SplitTunnelAllowed    SplitTunnel = "allowed"
	SplitTunnelProhibited SplitTunnel = "prohibited"
	SplitTunnelUnknown    SplitTunnel = "unknown"
)

// splitTunnels lists the allowed SplitTunnel values.
var splitTunnels = []SplitTunnel{SplitTunnelAllowed, SplitTunnelProhibited, SplitTunnelUnknown}

// MDM is whether mobile device management controls a mobile device.
type MDM string

// MDM states.
const (
	MDMManaged MDM = "managed"
	MDMNone    MDM = "none"
	MDMUnknown MDM = "unknown"
)

// mdms lists the allowed MDM values.
var mdms = []MDM{MDMManaged, MDMNone, MDMUnknown}

// Wireless is the security protocol of a wireless access point.
type Wireless string

// Wireless protocols.
const (
	WPA3Enterprise Wireless = "wpa3-enterprise"
	WPA3Personal   Wireless = "wpa3-personal"
	WPA2Enterprise Wireless = "wpa2-enterprise"
	WPA2Personal   Wireless = "wpa2-personal"
	WPA            Wireless = "wpa"
	WEP            Wireless = "wep"
	Open           Wireless = "open"
)

// wirelesses lists the allowed Wireless values.
var wirelesses = []Wireless{WPA3Enterprise, WPA3Personal, WPA2Enterprise, WPA2Personal, WPA, WEP, Open}

// Medium is what a link runs over.
type Medium string

// Link media.
const (
	Ethernet   Medium = "ethernet"
	Fiber      Medium = "fiber"
	LeasedLine Medium = "leased-line"
	MPLS       Medium = "mpls"
	InternetM  Medium = "internet"
	WiFi       Medium = "wifi"
	Cellular   Medium = "cellular"
	Microwave  Medium = "microwave"
	Satellite  Medium = "satellite"
)

// media lists the allowed Medium values.
var media = []Medium{Ethernet, Fiber, LeasedLine, MPLS, InternetM, WiFi, Cellular, Microwave, Satellite}

// Radio reports whether m is a radio medium (wifi, cellular, microwave,
// satellite): such a link always leaves the physically secure location.
func (m Medium) Radio() bool {
	return m == WiFi || m == Cellular || m == Microwave || m == Satellite
}

// Protocol is the encryption protocol of a link or tunnel.
type Protocol string

// Encryption protocols.
const (
	ProtoNone   Protocol = "none"
	ProtoIPsec  Protocol = "ipsec"
	ProtoTLS    Protocol = "tls"
	ProtoMACsec Protocol = "macsec"
	ProtoWPA2   Protocol = "wpa2"
	ProtoWPA3   Protocol = "wpa3"
	ProtoSSH    Protocol = "ssh"
	ProtoOther  Protocol = "other"
)

// protocols lists the allowed Protocol values.
var protocols = []Protocol{ProtoNone, ProtoIPsec, ProtoTLS, ProtoMACsec, ProtoWPA2, ProtoWPA3, ProtoSSH, ProtoOther}

// FIPSStandard is the FIPS 140 revision a crypto module was validated under.
type FIPSStandard string

// FIPS 140 revisions.
const (
	FIPS1402 FIPSStandard = "140-2"
	FIPS1403 FIPSStandard = "140-3"
)

// fipsStandards lists the allowed FIPSStandard values.
var fipsStandards = []FIPSStandard{FIPS1402, FIPS1403}

// ProposalKind is what a proposal asks for.
type ProposalKind string

// Proposal kinds.
const (
	NewService   ProposalKind = "new-service"
	Upgrade      ProposalKind = "upgrade"
	Modification ProposalKind = "modification"
	Existing     ProposalKind = "existing"
)

// proposalKinds lists the allowed ProposalKind values.
var proposalKinds = []ProposalKind{NewService, Upgrade, Modification, Existing}
