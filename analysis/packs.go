package analysis

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/netreview/netreview/internal/yamlnode"
	"github.com/netreview/netreview/topology"
)

// DefaultPackName is the pack a review applies unless told otherwise.
const DefaultPackName = "cjis-6.0"

// builtinPacks holds the built-in packs, one packs/NAME.yaml each.
//
//go:embed packs/*.yaml
var builtinPacks embed.FS

// policyVersions are the CJIS Security Policy versions a pack may apply.
var policyVersions = []string{"5.9", "6.0"}

// BuiltinPackNames returns the names of the built-in packs, sorted.
func BuiltinPackNames() []string {
	entries, err := fs.ReadDir(builtinPacks, "packs")
	if err != nil {
		return nil // cannot happen: the directory is embedded
	}
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	slices.Sort(names)
	return names
}

// FindRule returns a copy of the rule with the id, or an error that names
// the nearest rule id when id looks like a typo of one.
func FindRule(id string) (*Rule, error) {
	if r := lookup(id); r != nil {
		return r.clone(), nil
	}
	return nil, unknownRule(id)
}

func unknownRule(id string) error {
	var ids []string
	for _, r := range allRules() {
		ids = append(ids, r.ID)
	}
	if s := topology.Suggest(id, ids); s != "" {
		return fmt.Errorf("unknown rule %q (did you mean %q?)", id, s)
	}
	return fmt.Errorf("unknown rule %q", id)
}

// BuiltinPack returns the built-in pack with the name (cjis-6.0, cjis-5.9).
// Every call returns a pack of its own, which the caller may change.
func BuiltinPack(name string) (*Pack, error) {
	names := BuiltinPackNames()
	if !slices.Contains(names, name) {
		msg := fmt.Sprintf("unknown policy pack %q", name)
		if s := topology.Suggest(name, names); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return nil, fmt.Errorf("%s; built in: %s", msg, strings.Join(names, ", "))
	}
	file := path.Join("packs", name+".yaml")
	data, err := builtinPacks.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("built-in pack %s: %w", name, err)
	}
	return parsePack(file, data, true)
}

// ReadPackFile loads a rule pack from a YAML file: a state's own pack. Every
// problem found comes back in a topology.ErrorList, each at its place.
func ReadPackFile(path string) (*Pack, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read rule pack: %w", err)
	}
	return parsePack(path, data, false)
}

var (
	packFields     = []string{"name", "title", "policy", "extends", "rules"}
	ruleFields     = []string{"enabled", "severity", "citations", "add-citations"}
	citationFields = []string{"ref", "title", "summary"}
)

// packDecoder decodes one pack file, collecting every problem.
type packDecoder struct {
	file string
	errs topology.ErrorList
}

// parsePack decodes a state's rule pack, read from file, from data;
// builtin marks one of the built-in packs.
//
// The file is a mapping with name, title, and either extends (a built-in
// pack to start from) or policy ("5.9" or "6.0"), and rules: a mapping by
// rule id of enabled, severity, citations (which replace the pack's) and
// add-citations (which are appended to them), each citation a mapping of
// ref, title and summary. A pack that extends another changes only what it
// states; one that does not runs only the rules it lists. Problems come back
// as a topology.ErrorList.
func parsePack(file string, data []byte, builtin bool) (*Pack, error) {
	d := &packDecoder{file: file}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, topology.ErrorList{topology.SyntaxError(file, data, err)}
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		d.errs.Add(topology.Pos{File: file, Line: 1, Col: 1}, "empty rule pack: want a mapping with name, extends or policy, and rules")
		return nil, d.errs
	}
	top := root.Content[0]
	p := &Pack{Rules: map[string]RuleConfig{}}
	var nameNode, policyNode, extendsNode, rulesNode *yaml.Node
	d.mapping(top, "the rule pack", packFields, func(key string, v *yaml.Node) {
		switch key {
		case "name":
			nameNode = v
			p.Name = d.str(v, "name")
		case "title":
			p.Title = d.str(v, "title")
		case "policy":
			policyNode = v
		case "extends":
			extendsNode = v
		case "rules":
			if v.Kind != yaml.ScalarNode || v.Tag != "!!null" {
				rulesNode = v
			}
		}
	})
	if top.Kind != yaml.MappingNode {
		return nil, d.errs
	}
	switch {
	case nameNode == nil:
		d.errs.Add(d.pos(top), "the rule pack has no name")
	case p.Name == "":
		if nameNode.Kind == yaml.ScalarNode && nameNode.Tag != "!!null" {
			d.errs.Add(d.pos(nameNode), "name is empty")
		}
	case !builtin && slices.Contains(BuiltinPackNames(), p.Name):
		d.errs.Add(d.pos(nameNode), "name %q is a built-in pack's; give the state's pack a name of its own (and extends: %s to start from it)", p.Name, p.Name)
	}

	var base *Pack
	switch {
	case extendsNode != nil && builtin:
		d.errs.Add(d.pos(extendsNode), "a built-in pack extends no other")
	case extendsNode != nil:
		base = d.extends(extendsNode)
	}
	if policyNode != nil {
		p.Policy = d.policy(policyNode)
	}
	switch {
	case base != nil:
		p.Extends = base.Name
		if p.Policy == "" {
			p.Policy = base.Policy
		} else if p.Policy != base.Policy {
			d.errs.Add(d.pos(policyNode), "policy %q differs from that of %s, which it extends (%q); leave policy out", p.Policy, base.Name, base.Policy)
		}
		for id, rc := range base.Rules {
			p.Rules[id] = rc
		}
	case extendsNode == nil && policyNode == nil:
		d.errs.Add(d.pos(top), "the rule pack has neither extends (a built-in pack: %s) nor policy (%s)", strings.Join(BuiltinPackNames(), ", "), strings.Join(policyVersions, " or "))
	}

	switch {
	case rulesNode != nil:
		d.rules(rulesNode, p, extendsNode != nil)
	case extendsNode == nil:
		d.errs.Add(d.pos(top), "the rule pack has no rules: list each rule it runs under rules")
	}
	if len(d.errs) > 0 {
		d.errs.Sort()
		return nil, d.errs
	}
	return p, nil
}

func (d *packDecoder) pos(n *yaml.Node) topology.Pos {
	return topology.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

// mapping walks a mapping node, calling fn for each known key once; unknown
// and repeated keys are errors.
func (d *packDecoder) mapping(n *yaml.Node, what string, known []string, fn func(key string, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		d.errs.Add(d.pos(n), "%s is %s, want a mapping", what, yamlnode.Describe(n))
		return
	}
	seen := map[string]topology.Pos{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(known, k.Value) {
			msg := fmt.Sprintf("unknown field %q in %s", k.Value, what)
			if s := topology.Suggest(k.Value, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			d.errs.Add(d.pos(k), "%s", msg)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errs.Add(d.pos(k), "%s is given twice in %s (first at %s)", k.Value, what, first)
			continue
		}
		seen[k.Value] = d.pos(k)
		fn(k.Value, v)
	}
}

func (d *packDecoder) str(v *yaml.Node, key string) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		d.errs.Add(d.pos(v), "%s is %s, want a string", key, yamlnode.Describe(v))
		return ""
	}
	return v.Value
}

// policy reads a policy version, written as a string or a number.
func (d *packDecoder) policy(v *yaml.Node) string {
	if v.Kind == yaml.ScalarNode && slices.Contains(policyVersions, v.Value) {
		return v.Value
	}
	d.errs.Add(d.pos(v), "policy is %s, want %s", yamlnode.Describe(v), strings.Join(policyVersions, " or "))
	return ""
}

// extends reads the name of the built-in pack a state's pack starts from.
func (d *packDecoder) extends(v *yaml.Node) *Pack {
	name := d.str(v, "extends")
	if name == "" {
		return nil
	}
	base, err := BuiltinPack(name)
	if err != nil {
		d.errs.Add(d.pos(v), "extends: %v", err)
		return nil
	}
	return base
}

// rules reads the rules mapping into p. With extends, an entry changes only
// what it states; without, each entry gives the rule's severity and runs the
// rule unless it says enabled: false.
func (d *packDecoder) rules(n *yaml.Node, p *Pack, extends bool) {
	if n.Kind != yaml.MappingNode {
		d.errs.Add(d.pos(n), "rules is %s, want a mapping by rule id", yamlnode.Describe(n))
		return
	}
	seen := map[string]topology.Pos{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id := k.Value
		if _, err := FindRule(id); err != nil {
			d.errs.Add(d.pos(k), "%v", err)
			continue
		}
		if first, dup := seen[id]; dup {
			d.errs.Add(d.pos(k), "rule %s is given twice (first at %s)", id, first)
			continue
		}
		seen[id] = d.pos(k)
		rc, ok := p.Rules[id]
		if !ok {
			rc = RuleConfig{Enabled: true}
		}
		what := "rule " + id
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			if !extends {
				d.errs.Add(d.pos(k), "%s gives no severity", what)
			}
			p.Rules[id] = rc
			continue
		}
		hasSeverity := false
		var added []Citation
		d.mapping(v, what, ruleFields, func(key string, v *yaml.Node) {
			switch key {
			case "enabled":
				if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
					var b bool
					if err := v.Decode(&b); err == nil {
						rc.Enabled = b
						return
					}
				}
				d.errs.Add(d.pos(v), "enabled is %s, want true or false", yamlnode.Describe(v))
			case "severity":
				hasSeverity = true
				if s := d.str(v, "severity"); s != "" {
					sev, err := ParseSeverity(s)
					if err != nil {
						d.errs.Add(d.pos(v), "%v", err)
						return
					}
					rc.Severity = sev
				}
			case "citations":
				rc.Citations = d.citations(v, what+" "+key)
			case "add-citations":
				added = d.citations(v, what+" "+key)
			}
		})
		if v.Kind == yaml.MappingNode && !extends && !hasSeverity {
			d.errs.Add(d.pos(k), "%s gives no severity (a pack that extends none states each rule's severity)", what)
		}
		rc.Citations = append(slices.Clone(rc.Citations), added...)
		p.Rules[id] = rc
	}
}

// citations reads a list of citations; key names the list in messages.
func (d *packDecoder) citations(n *yaml.Node, key string) []Citation {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errs.Add(d.pos(n), "%s is %s, want a list of citations (ref, title, summary)", key, yamlnode.Describe(n))
		return nil
	}
	out := make([]Citation, 0, len(n.Content))
	for i, it := range n.Content {
		what := fmt.Sprintf("%s[%d]", key, i)
		var c Citation
		hasRef := false
		d.mapping(it, what, citationFields, func(key string, v *yaml.Node) {
			switch key {
			case "ref":
				hasRef = true
				c.Ref = strings.TrimSpace(d.str(v, "ref"))
				if c.Ref == "" && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
					d.errs.Add(d.pos(v), "ref is empty")
				}
			case "title":
				c.Title = d.str(v, "title")
			case "summary":
				c.Summary = d.str(v, "summary")
			}
		})
		if it.Kind == yaml.MappingNode && !hasRef {
			d.errs.Add(d.pos(it), "%s has no ref (the reference findings print, such as \"CJIS Security Policy 5.10.1.1\")", what)
		}
		out = append(out, c)
	}
	return out
}
