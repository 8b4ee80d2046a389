package topology

import (
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/netreview/netreview/internal/parallel"
)

// ruleIDs lists the ids of the analysis rules, for checking waivers. It must
// match analysis.Rules() (TestRuleIDsMatch); topology cannot import analysis.
var ruleIDs = []string{
	"advanced-authentication", "cloud-agreement", "expired-waiver", "fips-140-2-sunset",
	"missing-boundary", "no-monitoring", "no-path-to-hub", "password-policy",
	"mobile-management", "shared-device", "shared-hypervisor", "shared-risk", "single-device", "single-link",
	"split-tunnel", "unanswered", "unencrypted-exit", "unpatched", "weak-encryption", "weak-wireless",
}

var oriSyntax = regexp.MustCompile(`^[A-Z]{2}[A-Z0-9]{7}$`)

// validID reports whether id is one or more letters, digits, - _ . and :
// (ASCII only), the syntax of ids.
func validID(id string) bool {
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			c == '_', c == '.', c == ':', c == '-':
		default:
			return false
		}
	}
	return id != ""
}

// Suggest returns the candidate nearest to s by edit distance when it is
// close enough to be a likely typo, or "".
func Suggest(s string, candidates []string) string {
	limit := max(len(s)/3, 2)
	best, bestD := "", limit+1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		if diff := len(c) - len(s); diff > limit || -diff > limit {
			continue // too far apart to be a typo; skip the quadratic distance
		}
		if d := editDistance(ls, strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	var rows [2][48]int // ids are short: no allocation for most
	prev, cur := rows[0][:0], rows[1][:0]
	if len(b)+1 > len(rows[0]) {
		prev, cur = make([]int, 0, len(b)+1), make([]int, 0, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

type validator struct {
	m      *Model
	errs   ErrorList
	values ErrorList // the errors of enumerated values, also in errs
	// suggested is the suggestion made for each unknown id, by kind: a
	// model of thousands of elements may refer to a missing one thousands
	// of times, and each suggestion compares the id with every known one.
	suggested map[[2]string]string
}

func (v *validator) add(fp FieldPos, field string, def Pos, format string, args ...any) {
	v.errs.Add(fp.Of(field, def), format, args...)
}

// checkFields checks the enumerated values of x against its schema, and,
// for a device of type typ, that the fields and groups for some types only
// are given on those.
func checkFields[T any](v *validator, s *Schema[T], x *T, fp FieldPos, def Pos, typ DeviceType) {
	for i := range s.fields {
		f := &s.fields[i]
		if f.Kind == Enum {
			if val := f.str(x); val != "" && !contains(f.Values, val) {
				hint := ""
				if s := Suggest(val, f.Values); s != "" {
					hint = fmt.Sprintf(" (did you mean %q?)", s)
				}
				v.add(fp, f.Name, def, "%s %q is not one of: %s%s", f.Name, val, strings.Join(f.Values, ", "), hint)
				v.values = append(v.values, v.errs[len(v.errs)-1])
			}
		}
		if f.Types != nil && (f.group == nil || f.group.Types == nil) && f.given(x) && !slices.Contains(f.Types, typ) {
			v.add(fp, f.Name, def, "%s is only for %s devices, not %s", f.Name, typeList(f.Types), typ)
		}
	}
	for i := range s.groups {
		if g := &s.groups[i]; g.Types != nil && s.given(g, x) && !slices.Contains(g.Types, typ) {
			v.add(fp, g.Name, def, "%s is only for %s devices, not %s", g.Name, typeList(g.Types), typ)
		}
	}
}

// typeList names device types for a message: "vpn-gateway, workstation and
// mobile".
func typeList(types []DeviceType) string {
	s := names(types)
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// id checks id presence, syntax and uniqueness within one kind; first is
// the place of the id of the first element of the kind with this id, and
// false when this element is that first one.
func (v *validator) id(kind, id string, fp FieldPos, def Pos, first func() (Pos, bool)) {
	if id == "" {
		if !fp.has("id") {
			v.add(fp, "id", def, "%s without id", kind)
		}
		return
	}
	if !validID(id) {
		v.add(fp, "id", def, "%s id %q may hold only letters, digits, - _ . :", kind, id)
	}
	if at, dup := first(); dup {
		v.add(fp, "id", def, "duplicate %s id %q (first defined at %s)", kind, id, at)
	}
}

// seenBefore is id's first for kinds checked in a map of the places seen;
// unique says that the kind repeats no id, so that no id was seen before.
func seenBefore(seen map[string]Pos, unique bool, id string, fp FieldPos, def Pos) func() (Pos, bool) {
	return func() (Pos, bool) {
		if unique {
			return Pos{}, false
		}
		if at, dup := seen[id]; dup {
			return at, true
		}
		seen[id] = fp.Of("id", def)
		return Pos{}, false
	}
}

// indexed is the element the model's index holds for x's id: x itself
// when the kind repeats no id, else look(id).
func indexed[T any](x *T, unique bool, id string, look func(string) *T) *T {
	if unique {
		return x
	}
	return look(id)
}

// firstOf is id's first for kinds that the model indexes: the index holds
// the first element with each id.
func firstOf[T any](x, first *T, fp func(*T) (FieldPos, Pos)) func() (Pos, bool) {
	return func() (Pos, bool) {
		if first == x || first == nil {
			return Pos{}, false
		}
		ffp, fdef := fp(first)
		return ffp.Of("id", fdef), true
	}
}

func (v *validator) required(fp FieldPos, field string, def Pos, empty bool, what string) {
	if empty {
		if !fp.has(field) {
			v.add(fp, field, def, "%s without %s", what, field)
		}
	}
}

// requiredOf is required for a device, which messages name with its id.
func (v *validator) requiredOf(d *Device, field string, empty bool) {
	if empty {
		v.required(d.FieldPos, field, d.Pos, empty, "device "+d.ID)
	}
}

// ids returns the ids of xs, once, when first called.
func ids[T any](xs []*T, id func(*T) string) func() []string {
	return sync.OnceValue(func() []string {
		out := make([]string, len(xs))
		for i, x := range xs {
			out[i] = id(x)
		}
		return out
	})
}

func (v *validator) ref(fp FieldPos, field string, def Pos, kind, id string, ok bool, known func() []string) {
	if id == "" || ok {
		return
	}
	v.refError(fp, field, def, kind, id, known())
}

// refError is the error of a reference to an id that no element has.
func (v *validator) refError(fp FieldPos, field string, def Pos, kind, id string, known []string) {
	msg := fmt.Sprintf("%s %q is not defined in any loaded file", kind, id)
	key := [2]string{kind, id}
	s, ok := v.suggested[key]
	if !ok {
		s = Suggest(id, known)
		if v.suggested == nil {
			v.suggested = map[[2]string]string{}
		}
		v.suggested[key] = s
	}
	if s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	v.add(fp, field, def, "%s", msg)
}

// Validate checks a merged model and returns every problem as an ErrorList
// sorted by place, each at the place of the field concerned. It indexes the
// model first (see Reindex) unless its element lists are those it was last
// indexed with, as Merge returns them.
func Validate(m *Model) error { return validate(m).errs.err() }

// ValidateValues returns the errors of enumerated values only (a device
// type "rooter", a security "secure") of a model whose files did not all
// read: the first pass's errors come with them, in one run, while the
// references and required fields are left for the run after, on the model
// the author meant.
func ValidateValues(m *Model) ErrorList { return validate(m).values }

func validate(m *Model) *validator {
	m.refresh()
	siteIDs := ids(m.Sites, func(s *Site) string { return s.ID })
	zoneIDs := ids(m.Zones, func(z *Zone) string { return z.ID })
	devIDs := ids(m.Devices, func(d *Device) string { return d.ID })
	linkIDs := ids(m.Links, func(l *Link) string { return l.ID })
	// The model is checked in parts, side by side: each part has its own
	// validator, reads the model only, and the errors are joined in the
	// order of the parts, then sorted by place (stably), as one pass in this
	// order would give them. The devices and links, most of a large model,
	// are cut into pieces.
	var parts []func(v *validator)
	parts = append(parts, func(v *validator) {
		v.documents()
		v.sites()
		v.zones()
	})
	procs := runtime.GOMAXPROCS(0)
	parallel.Split(len(m.Devices), procs, minPiece, func(lo, hi int) {
		parts = append(parts, func(v *validator) { v.devices(m.Devices[lo:hi], siteIDs, zoneIDs, devIDs) })
	})
	parallel.Split(len(m.Links), procs, minPiece, func(lo, hi int) {
		parts = append(parts, func(v *validator) { v.links(m.Links[lo:hi], devIDs) })
	})
	parts = append(parts, func(v *validator) {
		v.tunnels(devIDs, linkIDs)
		v.waivers()
	})
	vs := make([]validator, len(parts))
	tasks := make([]func(), len(parts))
	for i, part := range parts {
		vs[i].m = m
		tasks[i] = func() { part(&vs[i]) }
	}
	parallel.Run(tasks...)
	v := &validator{m: m}
	for i := range vs {
		v.errs = append(v.errs, vs[i].errs...)
		v.values = append(v.values, vs[i].values...)
	}
	v.errs.Sort()
	v.values.Sort()
	return v
}

// minPiece is the fewest devices or links validate checks as a part of
// their own: fewer are not worth a goroutine.
const minPiece = 2048

// documents checks each document's own fields.
func (v *validator) documents() {
	for _, d := range v.m.Docs {
		if d.Agency.Name == "" {
			v.add(d.FieldPos, "agency.name", d.FieldPos.Of("agency", d.Pos), "the agency has no name (agency.name is required)")
		}
		if d.Agency.ORI != "" && !oriSyntax.MatchString(d.Agency.ORI) {
			v.add(d.FieldPos, "agency.ori", d.Pos, "ORI %q must be 9 characters: a 2-letter state code then 7 letters or digits, in capitals", d.Agency.ORI)
		}
		checkFields(v, documentSchema, d, d.FieldPos, d.Pos, "")
	}
}

// sites checks the sites. A kind whose index is as long as its list
// repeats no id: then every element is the first with its id, and none
// need be looked up again (so for the other kinds).
func (v *validator) sites() {
	m := v.m
	seen := map[string]Pos{}
	sitesUnique := len(m.sites) == len(m.Sites)
	for _, s := range m.Sites {
		v.id("site", s.ID, s.FieldPos, s.Pos, seenBefore(seen, sitesUnique, s.ID, s.FieldPos, s.Pos))
		v.required(s.FieldPos, "security", s.Pos, s.Security == "", "site")
		checkFields(v, siteSchema, s, s.FieldPos, s.Pos, "")
	}
}

// zones checks the declared zones.
func (v *validator) zones() {
	m := v.m
	seen := map[string]Pos{}
	zonesUnique := len(m.zones) == len(m.Zones)
	for _, z := range m.Zones {
		if z.Implicit {
			continue
		}
		v.id("zone", z.ID, z.FieldPos, z.Pos, seenBefore(seen, zonesUnique, z.ID, z.FieldPos, z.Pos))
		v.required(z.FieldPos, "kind", z.Pos, z.Kind == "", "zone")
		checkFields(v, zoneSchema, z, z.FieldPos, z.Pos, "")
	}
}

// devices checks devs, a part of the model's devices.
func (v *validator) devices(devs []*Device, siteIDs, zoneIDs, devIDs func() []string) {
	m := v.m
	devsUnique := len(m.devices) == len(m.Devices)
	// Devices come a site at a time, mostly in one zone: the last site and
	// zone looked up are not looked up again.
	site, zone := lastLookUp{}, lastLookUp{}
	for _, d := range devs {
		fp, p := d.FieldPos, d.Pos
		v.id("device", d.ID, fp, p, firstOf(d, indexed(d, devsUnique, d.ID, m.Device), func(d *Device) (FieldPos, Pos) { return d.FieldPos, d.Pos }))
		v.required(fp, "type", p, d.Type == "", "device")
		checkFields(v, deviceSchema, d, fp, p, d.Type)
		if d.Type != CarrierNetwork && d.Type != CloudService {
			v.requiredOf(d, "site", d.Site == "")
		}
		v.ref(fp, "site", p, "site", d.Site, site.known(d.Site, func(id string) bool { return m.Site(id) != nil }), siteIDs)
		if len(d.Zones) == 0 {
			v.add(fp, "id", p, "device %s has no zone: this model declares zones, so every device needs zone or zones", d.ID)
		}
		for i, z := range d.Zones {
			if z != "" && !zone.known(z, func(id string) bool { return m.Zone(id) != nil }) {
				v.refError(fp, itemName("zones", i), fp.Of("zones", p), "zone", z, zoneIDs())
			}
		}
		if d.Host != "" {
			if h := m.Device(d.Host); h == nil {
				v.ref(fp, "host", p, "host", d.Host, false, devIDs)
			} else if h.Type != Hypervisor {
				v.add(fp, "host", p, "host %q is a %s, not a hypervisor", d.Host, h.Type)
			}
		}
		if d.Count < 1 && fp.has("count") {
			v.add(fp, "count", p, "count %d must be at least 1", d.Count)
		}
	}
}

// lastLookUp remembers the answer to the last look-up of an id.
type lastLookUp struct {
	id     string
	ok     bool
	looked bool
}

// known returns has(id), asking has only when id is not the last id.
func (l *lastLookUp) known(id string, has func(string) bool) bool {
	if !l.looked || id != l.id {
		l.id, l.ok, l.looked = id, has(id), true
	}
	return l.ok
}

// links checks ls, a part of the model's links.
func (v *validator) links(ls []*Link, devIDs func() []string) {
	m := v.m
	linksUnique := len(m.links) == len(m.Links)
	for _, l := range ls {
		fp, p := l.FieldPos, l.Pos
		v.id("link", l.ID, fp, p, firstOf(l, indexed(l, linksUnique, l.ID, m.Link), func(l *Link) (FieldPos, Pos) { return l.FieldPos, l.Pos }))
		v.required(fp, "a", p, l.A == "", "link")
		v.required(fp, "b", p, l.B == "", "link")
		v.required(fp, "medium", p, l.Medium == "", "link")
		checkFields(v, linkSchema, l, fp, p, "")
		v.ref(fp, "a", p, "device", l.A, m.Device(l.A) != nil, devIDs)
		v.ref(fp, "b", p, "device", l.B, m.Device(l.B) != nil, devIDs)
		if l.A != "" && l.A == l.B {
			v.add(fp, "b", p, "link %s connects device %s to itself", l.ID, l.A)
		}
		v.bits(fp, p, l.Encryption)
	}
}

// tunnels checks the tunnels, each path of links included.
func (v *validator) tunnels(devIDs, linkIDs func() []string) {
	m := v.m
	tunnelsUnique := len(m.tunnels) == len(m.Tunnels)
	for _, t := range m.Tunnels {
		fp, p := t.FieldPos, t.Pos
		v.id("tunnel", t.ID, fp, p, firstOf(t, indexed(t, tunnelsUnique, t.ID, m.Tunnel), func(t *Tunnel) (FieldPos, Pos) { return t.FieldPos, t.Pos }))
		if l := m.Link(t.ID); l != nil && t.ID != "" {
			v.add(fp, "id", p, "tunnel id %q is already the id of a link (at %s): links and tunnels share one namespace, because paths name both", t.ID, l.FieldPos.Of("id", l.Pos))
		}
		v.required(fp, "a", p, t.A == "", "tunnel")
		v.required(fp, "b", p, t.B == "", "tunnel")
		v.required(fp, "over", p, len(t.Over) == 0, "tunnel")
		v.ref(fp, "a", p, "device", t.A, m.Device(t.A) != nil, devIDs)
		v.ref(fp, "b", p, "device", t.B, m.Device(t.B) != nil, devIDs)
		checkFields(v, tunnelSchema, t, fp, p, "")
		v.bits(fp, p, t.Encryption)
		v.path(t, linkIDs)
	}
}

// waivers checks the waivers.
func (v *validator) waivers() {
	for _, w := range v.m.Waivers {
		fp, p := w.FieldPos, w.Pos
		v.required(fp, "rule", p, w.Rule == "", "waiver")
		v.required(fp, "subject", p, w.Subject == "", "waiver")
		v.required(fp, "reason", p, w.Reason == "", "waiver")
		if w.Rule != "" && !contains(ruleIDs, w.Rule) {
			msg := fmt.Sprintf("waiver rule %q is not a known rule", w.Rule)
			if s := Suggest(w.Rule, ruleIDs); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			v.add(fp, "rule", p, "%s", msg)
		}
	}
}

// bits checks an encryption's key length.
func (v *validator) bits(fp FieldPos, p Pos, e *Encryption) {
	if e == nil {
		return
	}
	if e.Bits <= 0 && fp.has("encryption.bits") {
		v.add(fp, "encryption.bits", p, "encryption.bits %d must be positive", e.Bits)
	}
}

// path checks that a tunnel's over is a path of links from a to b.
func (v *validator) path(t *Tunnel, linkIDs func() []string) {
	at := t.A
	for i, id := range t.Over {
		field := itemName("over", i)
		l := v.m.Link(id)
		if l == nil {
			v.ref(t.FieldPos, field, t.Pos, "link", id, false, linkIDs)
			return
		}
		switch at {
		case l.A:
			at = l.B
		case l.B:
			at = l.A
		default:
			v.add(t.FieldPos, field, t.Pos, "tunnel %s: over[%d] link %s (%s-%s) does not continue from %s", t.ID, i, id, l.A, l.B, at)
			return
		}
	}
	if len(t.Over) > 0 && at != t.B && t.B != "" {
		v.add(t.FieldPos, "over", t.Pos, "tunnel %s: over ends at %s, not at b %s", t.ID, at, t.B)
	}
}
