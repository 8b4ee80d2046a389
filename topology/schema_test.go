package topology

import (
	"reflect"
	"testing"
)

func TestListCells(t *testing.T) {
	tests := []struct {
		items []string
		cell  string
	}{
		{[]string{"a", "b"}, "a, b"},
		{[]string{"rack 4, row 2", "power:a"}, `"rack 4, row 2", power:a`},
		{[]string{" padded ", `say "hi"`, ""}, `" padded ", "say ""hi""", ""`},
		{[]string{"'x'", "tab\tinside"}, "'x', tab\tinside"},
	}
	for _, tt := range tests {
		if got := joinList(tt.items); got != tt.cell {
			t.Errorf("joinList(%q) = %q, want %q", tt.items, got, tt.cell)
		}
		if got, err := splitList(tt.cell); err != nil || !reflect.DeepEqual(got, tt.items) {
			t.Errorf("splitList(%q) = %q, %v; want %q", tt.cell, got, err, tt.items)
		}
	}
	// Cells typed by hand: blank items dropped, items trimmed.
	if got, _ := splitList(" a ,, b ,"); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("hand-typed list = %q", got)
	}
	for _, bad := range []string{`"open`, `"a" b`} {
		if _, err := splitList(bad); err == nil {
			t.Errorf("splitList(%q): no error", bad)
		}
	}
}

// checkKinds checks that every field of s is held as its kind says: text,
// enumerated and code fields as strings, the others not; enums with values.
func checkKinds[T any](t *testing.T, s *Schema[T]) {
	for _, f := range s.fields {
		asText := f.Kind == Text || f.Kind == Enum || f.Kind == Code
		if asText != (f.str != nil) {
			t.Errorf("%s %s: a %v field held as %T", s.element, f.Name, f.Kind, f.acc)
		}
		if (f.Kind == Enum) != (len(f.Values) > 0) {
			t.Errorf("%s %s: a %v field with values %v", s.element, f.Name, f.Kind, f.Values)
		}
	}
}

// TestSchemaAccessors checks the tables' kinds, and SetField.
func TestSchemaAccessors(t *testing.T) {
	checkKinds(t, documentSchema)
	checkKinds(t, siteSchema)
	checkKinds(t, zoneSchema)
	checkKinds(t, deviceSchema)
	checkKinds(t, linkSchema)
	checkKinds(t, tunnelSchema)
	checkKinds(t, waiverSchema)
	d := &Device{}
	if err := SetField(d, "Key Bits", "1", Pos{}); err == nil {
		t.Error("a link's column set on a device")
	}
	if err := SetField(d, "monitring", "ids", Pos{File: "x"}); err == nil || err.Error() != `x: unknown field "monitring" for a device (did you mean "monitoring"?)` {
		t.Errorf("unknown field: %v", err)
	}
	if err := SetField(d, "split-tunnel", "Prohibited", Pos{}); err != nil || d.SplitTunnel != SplitTunnelProhibited {
		t.Errorf("split-tunnel = %q, %v", d.SplitTunnel, err)
	}
	l := &Link{}
	if err := SetField(l, "encryption.protocol", emptyGroup, Pos{File: "x"}); err != nil || l.Encryption == nil || !l.Encryption.IsZero() || l.FieldPos.Of("encryption", Pos{}).File != "x" {
		t.Errorf("empty encryption = %+v, %v", l.Encryption, err)
	}
}

// TestNoSharedState checks that what the package hands out are copies: a
// caller that writes to them changes neither the schema nor the next
// caller's answer.
func TestNoSharedState(t *testing.T) {
	tests := []struct {
		name  string
		write func()     // writes into what one call returned
		read  func() any // what a fresh call returns
	}{
		{"DeviceTypes", func() { DeviceTypes()[0] = "x" }, func() any { return DeviceTypes()[0] }},
		{"ZoneKinds", func() { ZoneKinds()[0] = "x" }, func() any { return ZoneKinds()[0] }},
		{"Fields().Values", func() { DeviceSchema().Fields()[2].Values[0] = "x" }, func() any { return DeviceSchema().Fields()[2].Values[0] }},
	}
	for _, tt := range tests {
		before := tt.read()
		tt.write()
		if after := tt.read(); after != before {
			t.Errorf("%s: %v after a caller wrote to it, was %v", tt.name, after, before)
		}
	}
}
