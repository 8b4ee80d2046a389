package officetest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

// CheckPackage checks an Open Packaging Conventions package (.pptx, .xlsx)
// as far as can be done without the schemas: [Content_Types].xml comes
// first; every part is well-formed XML where it is XML, and has a content
// type (a default for its extension or an override), and every override
// names a part; every relationship's target exists; every relationship id
// a part uses (r:id, r:embed) is one of its relationships; and every part is
// the target of some relationship. It returns every problem found.
func CheckPackage(data []byte) []error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return []error{err}
	}
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	parts := map[string][]byte{}
	for i, f := range zr.File {
		if i == 0 && f.Name != "[Content_Types].xml" {
			bad("first entry is %s, not [Content_Types].xml", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			return append(errs, fmt.Errorf("%s: %w", f.Name, err))
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return append(errs, fmt.Errorf("%s: %w", f.Name, err))
		}
		if _, dup := parts[f.Name]; dup {
			bad("%s: entry repeated", f.Name)
		}
		parts[f.Name] = b
	}
	defaults, overrides, err := contentTypes(parts["[Content_Types].xml"])
	if err != nil {
		return append(errs, fmt.Errorf("[Content_Types].xml: %w", err))
	}
	for name := range overrides {
		if _, ok := parts[name]; !ok {
			bad("[Content_Types].xml: override for %s, which is not in the package", name)
		}
	}
	targeted := map[string]bool{}
	for _, name := range sortedKeys(parts) {
		if name == "[Content_Types].xml" {
			continue
		}
		ext := strings.ToLower(path.Ext(name))
		if overrides[name] == "" && defaults[strings.TrimPrefix(ext, ".")] == "" {
			bad("%s: no content type", name)
		}
		if ext != ".xml" && ext != ".rels" {
			continue
		}
		ids, err := wellFormed(parts[name])
		if err != nil {
			bad("%s: not well-formed: %v", name, err)
			continue
		}
		if ext == ".rels" {
			continue
		}
		rels, err := relationships(parts, name)
		if err != nil {
			bad("%s: %v", relsPart(name), err)
			continue
		}
		for _, id := range ids {
			if _, ok := rels[id]; !ok {
				bad("%s: uses relationship %s, which %s does not hold", name, id, relsPart(name))
			}
		}
	}
	// Relationships of the package and of every part resolve.
	for _, name := range sortedKeys(parts) {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		src := sourceOf(name)
		rels, err := relationships(parts, src)
		if err != nil {
			bad("%s: %v", name, err)
			continue
		}
		for _, id := range sortedKeys(rels) {
			target := rels[id]
			if _, ok := parts[target]; !ok {
				bad("%s: %s targets %s, which is not in the package", name, id, target)
			}
			targeted[target] = true
		}
	}
	for _, name := range sortedKeys(parts) {
		if name != "[Content_Types].xml" && !strings.HasSuffix(name, ".rels") && !targeted[name] {
			bad("%s: no relationship targets it", name)
		}
	}
	return errs
}

// contentTypes reads [Content_Types].xml: the defaults by extension and
// the overrides by part name (without the leading slash).
func contentTypes(b []byte) (map[string]string, map[string]string, error) {
	if b == nil {
		return nil, nil, errors.New("missing")
	}
	var ct struct {
		Defaults []struct {
			Extension   string `xml:",attr"`
			ContentType string `xml:",attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName    string `xml:",attr"`
			ContentType string `xml:",attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(b, &ct); err != nil {
		return nil, nil, err
	}
	defaults, overrides := map[string]string{}, map[string]string{}
	for _, d := range ct.Defaults {
		defaults[strings.ToLower(d.Extension)] = d.ContentType
	}
	for _, o := range ct.Overrides {
		overrides[strings.TrimPrefix(o.PartName, "/")] = o.ContentType
	}
	return defaults, overrides, nil
}

// relsPart is the relationships part of part name ("" is the package).
func relsPart(name string) string {
	if name == "" {
		return "_rels/.rels"
	}
	return path.Join(path.Dir(name), "_rels", path.Base(name)+".rels")
}

// sourceOf is the part whose relationships rels holds.
func sourceOf(rels string) string {
	dir := path.Dir(path.Dir(rels))
	base := strings.TrimSuffix(path.Base(rels), ".rels")
	if base == "" {
		return ""
	}
	if dir == "." {
		return base
	}
	return dir + "/" + base
}

// relationships returns the internal relationships of part src, by id,
// each target resolved to a part name; none when it has no
// relationships part.
func relationships(parts map[string][]byte, src string) (map[string]string, error) {
	b, ok := parts[relsPart(src)]
	if !ok {
		return nil, nil
	}
	var rs struct {
		Rels []struct {
			ID         string `xml:"Id,attr"`
			Target     string `xml:",attr"`
			TargetMode string `xml:",attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &rs); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range rs.Rels {
		if _, dup := out[r.ID]; dup {
			return nil, fmt.Errorf("relationship id %s repeated", r.ID)
		}
		if r.TargetMode == "External" {
			continue
		}
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(path.Dir(src), t)
		}
		out[r.ID] = t
	}
	return out, nil
}

// wellFormed parses an XML part to its end and returns the relationship
// ids its attributes use (r:id, r:embed, r:link, in the relationships
// namespace).
func wellFormed(b []byte) ([]string, error) {
	const nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	d := xml.NewDecoder(bytes.NewReader(b))
	var ids []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return ids, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Space == nsR {
					ids = append(ids, a.Value)
				}
			}
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
