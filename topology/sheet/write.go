package sheet

import (
	"strconv"
	"strings"
	"time"

	"github.com/netreview/netreview/topology"
)

// cells maps column keys to the text written in them.
type cells map[string]string

func boolText(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}

func intText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func listText(l []string) string { return strings.Join(l, ", ") }

func putEncryption(c cells, e *topology.Encryption) {
	if e == nil {
		return
	}
	c["encryption.protocol"] = string(e.Protocol)
	c["encryption.fips"] = e.FIPS
	c["encryption.standard"] = string(e.Standard)
	c["encryption.bits"] = intText(e.Bits)
}

// records returns the rows of one data sheet for the model, as cells by key.
func records(m *topology.Model, sheet string) []cells {
	var out []cells
	switch sheet {
	case SitesSheet:
		for _, s := range m.Sites {
			out = append(out, cells{"id": s.ID, "name": s.Name, "security": string(s.Security),
				"address": s.Address, "risks": listText(s.Risks)})
		}
	case ZonesSheet:
		for _, z := range m.Zones {
			if z.Implicit {
				continue
			}
			out = append(out, cells{"id": z.ID, "name": z.Name, "kind": string(z.Kind)})
		}
	case DevicesSheet:
		for _, d := range m.Devices {
			c := cells{"id": d.ID, "name": d.Name, "type": string(d.Type), "site": d.Site,
				"zones": listText(d.Zones), "count": intText(d.Count), "host": d.Host,
				"boundary": string(d.Boundary), "cji": boolText(d.CJI), "fips": d.FIPS,
				"fips-standard": string(d.FIPSStandard), "authentication": string(d.Authentication),
				"password-policy": string(d.PasswordPolicy), "monitoring": string(d.Monitoring),
				"patching": string(d.Patching), "split-tunnel": string(d.SplitTunnel), "mdm": string(d.MDM),
				"wireless": string(d.Wireless), "risks": listText(d.Risks)}
			if d.Cloud != nil {
				c["cloud.provider"] = d.Cloud.Provider
				c["cloud.cjis-agreement"] = boolText(d.Cloud.CJISAgreement)
			}
			out = append(out, c)
		}
	case LinksSheet:
		for _, l := range m.Links {
			c := cells{"id": l.ID, "a": l.A, "b": l.B, "medium": string(l.Medium), "carrier": l.Carrier,
				"circuit": l.Circuit, "bandwidth": l.Bandwidth, "risks": listText(l.Risks)}
			if l.ProtectedMedium {
				c["protected-medium"] = "true"
			}
			putEncryption(c, l.Encryption)
			out = append(out, c)
		}
	case TunnelsSheet:
		for _, t := range m.Tunnels {
			c := cells{"id": t.ID, "a": t.A, "b": t.B, "over": listText(t.Over)}
			putEncryption(c, t.Encryption)
			out = append(out, c)
		}
	case WaiversSheet:
		for _, w := range m.Waivers {
			out = append(out, cells{"rule": w.Rule, "subject": w.Subject, "reason": w.Reason,
				"approved-by": w.ApprovedBy, "expires": dateText(w.Expires)})
		}
	}
	return out
}

// agencyValues returns the Value of each Agency field for the model's first
// document, in AgencyFields order.
func agencyValues(m *topology.Model) []string {
	vals := make([]string, len(AgencyFields))
	vals[0] = strconv.Itoa(topology.FormatVersion)
	if len(m.Docs) == 0 {
		return vals
	}
	d := m.Docs[0]
	if d.Version != 0 {
		vals[0] = strconv.Itoa(d.Version)
	}
	vals[1], vals[2], vals[3] = d.Agency.Name, d.Agency.ORI, d.Agency.County
	if p := d.Proposal; p != nil {
		vals[4], vals[5], vals[6], vals[7] = p.Title, string(p.Kind), dateText(p.Submitted), p.Vendor
	}
	a := d.Agency
	copy(vals[8:], []string{string(a.Role), a.Address, a.Head.Name, a.Head.Title, a.LASO.Name, a.LASO.Email, a.LASO.Phone})
	return vals
}

// rowText lays out cells in the sheet's column order.
func rowText(sh Sheet, c cells) []string {
	row := make([]string, len(sh.Columns))
	for i, col := range sh.Columns {
		row[i] = c[col.Key]
	}
	return row
}

func headerRow(sh Sheet) []string {
	h := make([]string, len(sh.Columns))
	for i, c := range sh.Columns {
		h[i] = c.Header
	}
	return h
}
