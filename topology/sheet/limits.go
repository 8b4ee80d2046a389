package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/netreview/netreview/topology"
)

// Limits on the workbooks ReadWorkbook reads (see docs/limits.md): a
// statewide workbook of 100,000 rows is a few tens of megabytes
// uncompressed and some twenty parts.
const (
	maxWorkbookBytes = 256 << 20 // uncompressed size of all parts together
	maxWorkbookParts = 1000      // files in the workbook's zip
)

// oleSignature starts an OLE compound file: an encrypted (password-protected)
// .xlsx, or a legacy .xls workbook.
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// checkWorkbook checks a workbook before excelize reads it: that it is an
// unencrypted .xlsx zip within the limits, as its parts declare their sizes
// and as they hold them, and that every XML part is well-formed.
func checkWorkbook(file string) *topology.Error {
	at := topology.Pos{File: file}
	head := make([]byte, len(oleSignature))
	if fh, err := os.Open(file); err == nil {
		n, _ := io.ReadFull(fh, head)
		fh.Close()
		if n == len(head) && bytes.Equal(head, oleSignature) {
			return topology.Errorf(at, "the workbook is encrypted (password-protected), or a legacy .xls file: save it from Excel as an .xlsx workbook without a password")
		}
	}
	zr, err := zip.OpenReader(file)
	if err != nil {
		return topology.Errorf(at, "not a readable .xlsx workbook: %v", err)
	}
	defer zr.Close()
	if len(zr.File) > maxWorkbookParts {
		return topology.Errorf(at, "the workbook has %d parts, more than the %d a proposal workbook may have", len(zr.File), maxWorkbookParts)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > maxWorkbookBytes || total > maxWorkbookBytes {
			return topology.Errorf(at, "the workbook declares %s uncompressed, more than the %s a proposal workbook may hold", mb(total), mb(maxWorkbookBytes))
		}
	}
	var held uint64
	for _, f := range zr.File {
		ext := path.Ext(f.Name)
		if ext != ".xml" && ext != ".rels" {
			continue
		}
		n, err := checkXML(f)
		held += n
		if err != nil {
			if sheet := sheetOfPart(zr, f.Name); sheet != "" {
				return topology.Errorf(topology.Pos{File: file, Sheet: sheet}, "the sheet is damaged (part %s): %v", f.Name, err)
			}
			return topology.Errorf(at, "part %s of the workbook is damaged: %v", f.Name, err)
		}
		if held > maxWorkbookBytes {
			return topology.Errorf(at, "the workbook holds more than the %s a proposal workbook may hold", mb(maxWorkbookBytes))
		}
	}
	return nil
}

// checkXML reads a part as XML to its end, and returns how many bytes it
// holds: at most what it declares (archive/zip stops there) and a
// well-formed document whose elements all close.
func checkXML(f *zip.File) (uint64, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	cr := &countingReader{r: rc}
	dec := xml.NewDecoder(cr)
	depth, elements := 0, 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) {
				return cr.n, fmt.Errorf("it does not hold what it declares (%v)", err)
			}
			return cr.n, fmt.Errorf("not well-formed XML (truncated or edited by hand?): %v", err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			elements++
		case xml.EndElement:
			depth--
		}
	}
	if elements == 0 {
		return cr.n, fmt.Errorf("not XML: it holds no element")
	}
	if depth != 0 {
		return cr.n, fmt.Errorf("not well-formed XML: it ends with %d elements open (truncated?)", depth)
	}
	return cr.n, nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n uint64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += uint64(n)
	return n, err
}

// mb writes a size in megabytes.
func mb(n uint64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%s MB", strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0"))
}

// sheetOfPart names the sheet whose part is name, by the workbook's list of
// sheets and its relationships, or returns "".
func sheetOfPart(zr *zip.ReadCloser, name string) string {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if readXML(zr, "xl/workbook.xml", &wb) != nil || readXML(zr, "xl/_rels/workbook.xml.rels", &rels) != nil {
		return ""
	}
	for _, r := range rels.Rels {
		if path.Join("xl", r.Target) != name && strings.TrimPrefix(r.Target, "/") != name {
			continue
		}
		for _, sh := range wb.Sheets {
			if sh.RID == r.ID {
				return sh.Name
			}
		}
	}
	return ""
}

// readXML decodes the part name of the workbook into v.
func readXML(zr *zip.ReadCloser, name string, v any) error {
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			return xml.NewDecoder(rc).Decode(v)
		}
	}
	return fs.ErrNotExist
}
