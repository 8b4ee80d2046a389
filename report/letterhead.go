package report

import (
	"fmt"
	"os"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/netreview/netreview/internal/yamlnode"
	"github.com/netreview/netreview/topology"
)

// Letterhead is the sender of a letter: the reviewing office, its address
// and the person who signs. It is read from a small YAML file kept by the
// reviewers (see samples/letterhead/office.yaml):
//
//	organization: California Department of Justice
//	office: CLETS Administration Section
//	address: |
//	  4949 Broadway
//	  Sacramento, CA 95820
//	phone: (916) 555-0100
//	email: cas@doj.example
//	signatory:
//	  name: Jordan Avery
//	  title: CJIS Information Security Officer
//
// Every field is optional; a letter shows a bracketed placeholder for a
// signatory that is not given.
type Letterhead struct {
	Organization string   // the state agency: "California Department of Justice"
	Office       string   // the reviewing office within it
	Address      []string // postal address, one line each
	Phone, Email string
	Signatory    Signatory
}

// Signatory is the person who signs a letter.
type Signatory struct {
	Name, Title string
}

// letterheadFields are the fields of a letterhead file, in the order the
// documentation gives them.
var (
	letterheadFields = []string{"organization", "office", "address", "phone", "email", "signatory"}
	signatoryFields  = []string{"name", "title"}
)

// maxLetterheadSize bounds a letterhead file: a few lines of text.
const maxLetterheadSize = 64 << 10

// ReadLetterhead reads a letterhead file. Every problem is reported with
// its place (file:line:column).
func ReadLetterhead(path string) (*Letterhead, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("letterhead: %w", err)
	}
	if fi.Size() > maxLetterheadSize {
		return nil, fmt.Errorf("letterhead %s: %d bytes; a letterhead file is at most %d", path, fi.Size(), maxLetterheadSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("letterhead: %w", err)
	}
	return parseLetterhead(path, data)
}

// parseLetterhead parses the letterhead in data, read from file.
func parseLetterhead(file string, data []byte) (*Letterhead, error) {
	if len(data) > maxLetterheadSize {
		return nil, fmt.Errorf("letterhead %s: %d bytes; a letterhead file is at most %d", file, len(data), maxLetterheadSize)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, topology.ErrorList{topology.SyntaxError(file, data, err)}
	}
	var errs topology.ErrorList
	at := func(n *yaml.Node) topology.Pos { return topology.Pos{File: file, Line: n.Line, Col: n.Column} }
	if len(root.Content) == 0 {
		errs.Add(topology.Pos{File: file, Line: 1, Col: 1}, "empty letterhead: want a mapping of %s", strings.Join(letterheadFields, ", "))
		return nil, errs
	}
	text := func(v *yaml.Node, key string) string {
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
			errs.Add(at(v), "%s is %s, want text", key, yamlnode.Describe(v))
			return ""
		}
		return strings.TrimSpace(v.Value)
	}
	lh := &Letterhead{}
	eachField(root.Content[0], "the letterhead", letterheadFields, at, &errs, func(key string, v *yaml.Node) {
		switch key {
		case "organization":
			lh.Organization = text(v, key)
		case "office":
			lh.Office = text(v, key)
		case "phone":
			lh.Phone = text(v, key)
		case "email":
			lh.Email = text(v, key)
		case "address":
			lh.Address = addressLines(v, text)
		case "signatory":
			eachField(v, "signatory", signatoryFields, at, &errs, func(key string, v *yaml.Node) {
				if key == "name" {
					lh.Signatory.Name = text(v, "signatory.name")
				} else {
					lh.Signatory.Title = text(v, "signatory.title")
				}
			})
		}
	})
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return lh, nil
}

// addressLines reads an address written as one text (a line each, as a
// block scalar) or as a list of lines.
func addressLines(v *yaml.Node, text func(*yaml.Node, string) string) []string {
	var lines []string
	if v.Kind == yaml.SequenceNode {
		for i, it := range v.Content {
			lines = append(lines, text(it, fmt.Sprintf("address[%d]", i)))
		}
	} else {
		lines = strings.Split(text(v, "address"), "\n")
	}
	return slices.DeleteFunc(lines, func(s string) bool { return strings.TrimSpace(s) == "" })
}

// eachField calls fn for each key of mapping n that is one of known, once;
// anything else (not a mapping, an unknown or repeated key) is an error in
// errs.
func eachField(n *yaml.Node, what string, known []string, at func(*yaml.Node) topology.Pos, errs *topology.ErrorList, fn func(string, *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		errs.Add(at(n), "%s is %s, want a mapping of %s", what, yamlnode.Describe(n), strings.Join(known, ", "))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case !slices.Contains(known, k.Value):
			hint := ""
			if s := topology.Suggest(k.Value, known); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
			errs.Add(at(k), "unknown field %q in %s%s; known: %s", k.Value, what, hint, strings.Join(known, ", "))
		case seen[k.Value]:
			errs.Add(at(k), "%s is given twice in %s", k.Value, what)
		default:
			seen[k.Value] = true
			fn(k.Value, v)
		}
	}
}
