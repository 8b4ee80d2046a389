package words

import "testing"

func TestGrouped(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 219151: "219,151", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := Grouped(n); got != want {
			t.Errorf("Grouped(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestList(t *testing.T) {
	tests := []struct {
		items []string
		want  string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b", "c", "d", "e"}, "a, b, c, d, e"},
		{[]string{"a", "b", "c", "d", "e", "f"}, "a, b, c, d, e and 1 more agency"},
		{make([]string, 3700), ", , , ,  and 3,695 more agencies"},
	}
	for _, tt := range tests {
		if got := List(tt.items, ", ", "agency", "agencies"); got != tt.want {
			t.Errorf("List(%d items) = %q, want %q", len(tt.items), got, tt.want)
		}
	}
}
