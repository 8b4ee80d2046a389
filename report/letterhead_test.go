package report

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseLetterhead(t *testing.T) {
	lh, err := ReadLetterhead("../samples/letterhead/office.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := &Letterhead{
		Organization: "California Department of Justice",
		Office:       "CJIS Systems Agency, CLETS Administration Section",
		Address:      []string{"4949 Broadway", "Sacramento, CA 95820"},
		Phone:        "(916) 555-0100", Email: "cas@doj.example",
		Signatory: Signatory{Name: "Jordan Avery", Title: "CJIS Systems Officer"},
	}
	if !reflect.DeepEqual(lh, want) {
		t.Errorf("sample letterhead = %+v\nwant %+v", lh, want)
	}
	lh, err = parseLetterhead("o.yaml", []byte("address: [1 Main St, '', 'Town, ST 00000']\n"))
	if err != nil || !reflect.DeepEqual(lh.Address, []string{"1 Main St", "Town, ST 00000"}) {
		t.Errorf("address as a list: %+v, %v", lh, err)
	}
}

func TestParseLetterheadErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"", "o.yaml:1:1: empty letterhead"},
		{"- a\n", "o.yaml:1:1: the letterhead is a list, want a mapping"},
		{"ofice: x\n", `o.yaml:1:1: unknown field "ofice" in the letterhead (did you mean "office"?)`},
		{"office: x\noffice: y\n", "o.yaml:2:1: office is given twice"},
		{"phone: [1]\n", "o.yaml:1:8: phone is a list, want text"},
		{"signatory: {name: A, rank: B}\n", `o.yaml:1:22: unknown field "rank" in signatory`},
		{"signatory: Jo\n", `o.yaml:1:12: signatory is "Jo", want a mapping`},
		{"office: [\n", "o.yaml:"},
	}
	for _, tt := range tests {
		_, err := parseLetterhead("o.yaml", []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseLetterhead(%q) = %v, want %q", tt.src, err, tt.want)
		}
	}
	if _, err := parseLetterhead("big.yaml", make([]byte, maxLetterheadSize+1)); err == nil {
		t.Error("an oversized letterhead: no error")
	}
}

func FuzzParseLetterhead(f *testing.F) {
	f.Add([]byte("office: x\naddress: |\n  a\n  b\nsignatory: {name: n}\n"))
	f.Add([]byte("address: [a, b]\n"))
	f.Add([]byte("&a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lh, err := parseLetterhead("f.yaml", data)
		if (lh == nil) == (err == nil) {
			t.Fatalf("ParseLetterhead gives %v and %v", lh, err)
		}
	})
}
