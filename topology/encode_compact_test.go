package topology

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestEncodeJSONCompact checks that the compact form is the indented form
// without its layout, and that it decodes to the same model.
func TestEncodeJSONCompact(t *testing.T) {
	m, err := Decode("b.yaml", []byte(backbone))
	if err != nil {
		t.Fatal(err)
	}
	var ind, cmp bytes.Buffer
	if err := EncodeJSON(&ind, m); err != nil {
		t.Fatal(err)
	}
	if err := EncodeJSONCompact(&cmp, m); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := json.Compact(&want, ind.Bytes()); err != nil {
		t.Fatal(err)
	}
	want.WriteByte('\n')
	if !bytes.Equal(cmp.Bytes(), want.Bytes()) {
		t.Errorf("compact JSON:\n%s\nwant:\n%s", cmp.Bytes(), want.Bytes())
	}
	if bytes.Count(cmp.Bytes(), []byte("\n")) != 1 {
		t.Errorf("compact JSON has more than one line")
	}
	back, err := Decode("b.json", cmp.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := EncodeJSONCompact(&again, back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), cmp.Bytes()) {
		t.Errorf("decoding and encoding again changed the output")
	}
}
