package drawing

import (
	"os"
	"testing"
)

// FuzzDrawio feeds arbitrary bytes to the draw.io reader in each of its
// forms: it must return a model or errors, never panic or hang.
func FuzzDrawio(f *testing.F) {
	f.Add(".drawio", []byte(`<mxfile><diagram name="Page-1">`+smallModel+`</diagram></mxfile>`))
	f.Add(".drawio", []byte(`<mxfile><diagram name="P">`+deflatePage(f, smallModel)+`</diagram></mxfile>`))
	f.Add(".xml", []byte(smallModel))
	f.Add(".drawio.svg", []byte(`<svg content="&lt;mxfile&gt;&lt;diagram&gt;&lt;/diagram&gt;&lt;/mxfile&gt;"/>`))
	f.Add(".drawio.png", pngWith([2]string{"tEXt", "mxfile\x00%3Cmxfile%3E%3Cdiagram%3E%3C%2Fdiagram%3E%3C%2Fmxfile%3E"}))
	if b, err := os.ReadFile(sharedDrawings + "/wireless_home_network.xml"); err == nil {
		f.Add(".xml", b)
	}
	f.Fuzz(func(t *testing.T, ext string, data []byte) {
		switch ext {
		case ".drawio", ".xml", ".drawio.svg", ".drawio.png":
		default:
			ext = ".drawio"
		}
		m, _, err := readBytes("f"+ext, data)
		if err == nil && (m == nil || len(m.Docs) == 0) {
			t.Fatalf("no error and no model")
		}
	})
}

// FuzzVisio feeds arbitrary bytes to the Visio reader.
func FuzzVisio(f *testing.F) {
	if b, err := os.ReadFile("testdata/visio/two-sites.vsdx"); err == nil {
		f.Add(b)
	}
	f.Add(zipOf(map[string][]byte{"visio/pages/pages.xml": []byte(`<Pages><Page Name="P"><Rel r:id="rId1"/></Page></Pages>`)}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, _, err := readBytes("f.vsdx", data)
		if err == nil && (m == nil || len(m.Docs) == 0) {
			t.Fatalf("no error and no model")
		}
	})
}
