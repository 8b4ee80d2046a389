package analysis

import (
	"sort"
	"strconv"

	"github.com/netreview/netreview/topology"
)

// missingBoundary is the missing-boundary rule: one finding for each site
// whose CJI devices a device of an untrusted zone reaches without crossing a
// firewall or ACL.
var missingBoundary = &Rule{
	ID:       "missing-boundary",
	Severity: High,
	Summary:  "A device of a non-criminal-justice, internet or public zone reaches a CJI device of the site without crossing a firewall or ACL.",
	Doc:      `Fires once for each site one of whose CJI devices is reached, in the boundary-free graph, by a device of a zone of kind non-criminal-justice, internet or public: the boundary-free graph is the physical graph with every boundary device (a firewall, or a device with boundary: firewall or acl) taken out. A device that is in such a zone and is itself a CJI device counts. A CJI device that is itself a boundary (a laptop with a host firewall) is protected by it and is not reached. A CJI device that stands in no site is the subject of a finding of its own. The message names every untrusted zone that reaches the site; the finding's path is a shortest path from a device of one of them to a CJI device of the site. Because the finding is the site's, one agency's exposure to a shared zone (the internet) never hides another's. Networks of different trust must meet only at a boundary that enforces what may cross. Fix it by putting a firewall or ACL-enforcing device between the zone and the CJI network, or by moving the device out of the untrusted zone.`,
	Fix:      `Put a firewall, or a device enforcing a documented ACL (boundary: acl), between the untrusted zone and the site's CJI network, or move the device out of the untrusted zone.`,
	Example: `devices:
  - {id: kiosk, type: workstation, site: hq, zone: guest}
  - {id: hq-sw, type: switch, site: hq, zones: [cji, guest], boundary: none}
  - {id: hq-ws, type: workstation, site: hq, zone: cji}
links:
  - {id: kiosk-link, a: kiosk, b: hq-sw, medium: ethernet}
  - {id: ws-link, a: hq-ws, b: hq-sw, medium: ethernet}
`,
	Policy: []string{"CJIS Security Policy 5.10.1.1", "NIST SP 800-53 SC-7", "NIST SP 800-53 AC-4"},
	run:    runMissingBoundary,

	requires: []passDef{reachPass},
}

// exposedGroup is a site (or a site-less CJI device) whose CJI devices an
// untrusted zone reaches, with the reached devices in id order.
type exposedGroup struct {
	site    string          // "" for a site-less device
	reached []reachedDevice // its reached CJI devices
}

func runMissingBoundary(pass *rulePass) error {
	m, r := pass.Model, resultOf(pass, reachPass)
	var groups []exposedGroup
	bySite := map[string]int{}
	for x := range r.reachedCJI() {
		site := x.dev.Site
		if site == "" {
			groups = append(groups, exposedGroup{reached: []reachedDevice{x}})
			continue
		}
		i, ok := bySite[site]
		if !ok {
			i = len(groups)
			bySite[site] = i
			groups = append(groups, exposedGroup{site: site})
		}
		groups[i].reached = append(groups[i].reached, x)
	}
	for _, grp := range groups {
		// The nearest reached device, first in id order among the nearest.
		to := grp.reached[0]
		var zones []string
		for _, x := range grp.reached {
			if x.dist < to.dist {
				to = x
			}
			zones = append(zones, x.zones...)
		}
		sort.Strings(zones)
		zones = sortedUnique(zones)
		path := r.pathTo(to)
		from, toID := path[0], to.dev.ID
		f := Finding{Path: path}
		zonePhrase := zoneList(pass, zones)
		if grp.site == "" {
			d := to.dev
			f.Subject, f.Kind, f.Pos = d.ID, KindDevice, d.Pos
			f.Message = "CJI " + deviceWhere(m, d) + ", which stands in no site, is reached from " + zonePhrase + " without crossing a firewall or ACL"
		} else {
			s := m.Site(grp.site)
			f.Subject, f.Kind, f.Pos, f.Sites = grp.site, KindSite, s.Pos, []string{grp.site}
			if len(grp.reached) == 1 {
				f.Message = "CJI device " + toID + " at site " + grp.site + " is reached from " + zonePhrase + " without crossing a firewall or ACL"
			} else {
				f.Message = strconv.Itoa(len(grp.reached)) + " CJI devices at site " + grp.site + " (" + idList(grp.reached, 5) + ") are reached from " + zonePhrase + " without crossing a firewall or ACL"
			}
		}
		if from == toID {
			f.Message += ": " + from + " is itself in an untrusted zone, with no boundary of its own."
		} else {
			f.Message += ": device " + from + " reaches " + toID + "."
		}
		if grp.site == "" {
			f.Message = capitalize(f.Message)
		}
		pass.Report(f)
	}
	return nil
}

// zoneList names zones by kind, as in "the internet zones inet and dmz and
// the public zone guest", kinds in the format's order and ids sorted.
func zoneList(pass *rulePass, ids []string) string {
	var words []string
	for _, k := range topology.ZoneKinds() {
		var of []string
		for _, id := range ids {
			if z := pass.Model.Zone(id); z != nil && z.Kind == k {
				of = append(of, id)
			}
		}
		switch len(of) {
		case 0:
		case 1:
			words = append(words, "the "+string(k)+" zone "+of[0])
		default:
			words = append(words, "the "+string(k)+" zones "+andList(of))
		}
	}
	return andList(words)
}

// idList names the devices, at most max of them, then how many more.
func idList(ds []reachedDevice, max int) string {
	var words []string
	for i, x := range ds {
		if i == max {
			words = append(words, strconv.Itoa(len(ds)-max)+" more")
			break
		}
		words = append(words, x.dev.ID)
	}
	return andList(words)
}

// sortedUnique drops repeats from a sorted list, in place.
func sortedUnique(xs []string) []string {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}
