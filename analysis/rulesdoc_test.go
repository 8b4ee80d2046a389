package analysis

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rulesDocPath is the generated rule reference.
var rulesDocPath = filepath.Join("..", "docs", "rules.md")

// stateExamplePath is the example state pack docs/rules.md quotes.
var stateExamplePath = filepath.Join("..", "samples", "packs", "state-example.yaml")

// TestRulesDoc checks that docs/rules.md is what the rules and the built-in
// packs say it is; go test ./analysis -run TestRulesDoc -update rewrites it.
func TestRulesDoc(t *testing.T) {
	example, err := os.ReadFile(stateExamplePath)
	if err != nil {
		t.Fatal(err)
	}
	got := rulesDoc(Rules(), docPacks(t), string(example))
	if *update {
		if err := os.WriteFile(rulesDocPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(rulesDocPath)
	if err != nil {
		t.Fatalf("%v (run go test ./analysis -run TestRulesDoc -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date: run go test ./analysis -run TestRulesDoc -update and review the diff", rulesDocPath)
	}
}

// TestRulesDocListsEverything checks the generator itself: every rule, and
// every citation of every pack, appears in the document.
func TestRulesDocListsEverything(t *testing.T) {
	packs := docPacks(t)
	if len(packs) != len(BuiltinPackNames()) {
		t.Fatalf("the document shows %d packs; %d are built in", len(packs), len(BuiltinPackNames()))
	}
	doc := string(rulesDoc(Rules(), packs, "name: x\n"))
	for _, r := range Rules() {
		if !strings.Contains(doc, "\n## `"+r.ID+"`\n") {
			t.Errorf("no section for %s", r.ID)
		}
		for _, p := range packs {
			for _, c := range p.Rules[r.ID].Citations {
				if !strings.Contains(doc, mdText(c.Summary)) {
					t.Errorf("%s %s: citation %s is missing", p.Name, r.ID, c.Ref)
				}
			}
		}
	}
	if !strings.Contains(doc, "(#fips-140-2-sunset) | medium | runs | does not run |") {
		t.Errorf("the summary table does not show fips-140-2-sunset off under cjis-5.9:\n%s", doc)
	}
}

// docPacks returns the built-in packs in the order the document shows
// them: the default first.
func docPacks(t *testing.T) []*Pack {
	t.Helper()
	var packs []*Pack
	for _, name := range []string{DefaultPackName, "cjis-5.9"} {
		p, err := BuiltinPack(name)
		if err != nil {
			t.Fatal(err)
		}
		packs = append(packs, p)
	}
	return packs
}

// mdText escapes text for Markdown.
func mdText(s string) string {
	return strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "<", "&lt;", "|", "\\|").Replace(s)
}

// rulesDoc renders docs/rules.md: the packs, how they differ, how a state
// writes its own, and every rule with its citations under each pack. packs[0]
// is the default pack.
func rulesDoc(rules []*Rule, packs []*Pack, stateExample string) []byte {
	var b bytes.Buffer
	pf := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	pf("# Rules and rule packs\n\n")
	pf("<!-- Generated from analysis.Rules() and analysis/packs/*.yaml by\n")
	pf("     go test ./analysis -run TestRulesDoc -update. Do not edit by hand. -->\n\n")
	pf("netreview checks a proposal against %d rules. A **rule pack** says, for\n", len(rules))
	pf("each rule, whether it runs, its severity, and the policy it cites. Findings\n")
	pf("print the citations' references in their `policy` field. Two packs are\n")
	pf("built in; `--policy NAME` picks one, and `--rules FILE` loads a state's own\n")
	pf("(see [State packs](#state-packs)). `netreview rules` lists the rules of the\n")
	pf("pack in force, and `netreview rules RULE` explains one.\n\n")
	pf("| Pack | Policy | Title |\n| --- | --- | --- |\n")
	for i, p := range packs {
		def := ""
		if i == 0 {
			def = " (default)"
		}
		pf("| `%s`%s | v%s | %s |\n", p.Name, def, p.Policy, mdText(p.Title))
	}
	pf("\nThe citations' titles and summaries are ours, not the policy's words:\n")
	pf("check a section against the policy text before quoting it to an agency.\n\n")

	pf("## How the packs differ\n\n")
	pf("- **`advanced-authentication`** applies everywhere under v6.0, which asks\n")
	pf("  for multi-factor authentication of every account and no longer exempts\n")
	pf("  a physically secure location. Under v5.9 it applies only to a\n")
	pf("  workstation or mobile device that stands outside a physically secure\n")
	pf("  location, and to every `vpn-gateway`. The rule reads the pack's policy\n")
	pf("  version, so a state pack that extends a built-in pack keeps its reading.\n")
	pf("- **`fips-140-2-sunset`** runs only under v6.0: the end of FIPS 140-2\n")
	pf("  certificates (after 21 September 2026) is a v6.0 requirement.\n")
	pf("- **Citations.** cjis-6.0 cites the v5.9.x section that auditors still\n")
	pf("  quote and the NIST SP 800-53 controls v6.0 is organized by; cjis-5.9\n")
	pf("  cites the v5.9.x sections, and the NIST SP 800-53 contingency controls\n")
	pf("  for the redundancy rules, for which v5.9.x has no section of its own.\n")
	pf("- Severities are the same in both packs.\n\n")
	pf("On the samples (`samples/*.yaml`, reviewed as of a date after the sunset),\n")
	pf("the findings under cjis-6.0 that cjis-5.9 does not report are exactly the\n")
	pf("`advanced-authentication` findings for workstations inside physically\n")
	pf("secure locations and the `fips-140-2-sunset` findings.\n\n")

	pf("## Every rule\n\n")
	pf("| Rule | Severity |")
	for _, p := range packs {
		pf(" %s |", p.Name)
	}
	pf(" What fires it |\n| --- | --- |%s --- |\n", strings.Repeat(" --- |", len(packs)))
	for _, r := range rules {
		pf("| [`%s`](#%s) | %s |", r.ID, r.ID, r.Severity)
		for _, p := range packs {
			rc, ok := p.Rules[r.ID]
			switch {
			case !ok || !rc.Enabled:
				pf(" does not run |")
			case rc.Severity != r.Severity:
				pf(" runs, %s |", rc.Severity)
			default:
				pf(" runs |")
			}
		}
		pf(" %s |\n", mdText(r.Summary))
	}
	pf("\n")

	pf("## State packs\n\n")
	pf("A state's pack is a YAML file given with `--rules FILE`. Its fields:\n\n")
	pf("| Field | Meaning |\n| --- | --- |\n")
	pf("| `name` | the pack's name, required; not the name of a built-in pack |\n")
	pf("| `title` | a line that describes it |\n")
	pf("| `extends` | a built-in pack (`%s`) to start from |\n", strings.Join(packNames(packs), "`, `"))
	pf("| `policy` | the CJIS Security Policy version the pack applies, `5.9` or `6.0`; required without `extends`, and with it taken from the pack it extends |\n")
	pf("| `rules` | a mapping by rule id of the settings below |\n")
	pf("| `rules.RULE.enabled` | `true` or `false`: whether the rule runs |\n")
	pf("| `rules.RULE.severity` | `critical`, `high`, `medium`, `low` or `info` |\n")
	pf("| `rules.RULE.citations` | a list of `{ref, title, summary}` that replaces the rule's citations; `ref` is what findings print |\n")
	pf("| `rules.RULE.add-citations` | a list of citations appended to the rule's, for the state's own policy |\n\n")
	pf("A pack that `extends` a built-in pack changes only what it states. One\n")
	pf("that does not runs only the rules it lists, and gives each a `severity`\n")
	pf("(`enabled` defaults to `true`). Unknown fields and rule ids, bad severities\n")
	pf("and wrong types are errors, each reported at its `file:line:column`.\n")
	pf("This is `samples/packs/state-example.yaml`:\n\n")
	pf("```yaml\n%s```\n", strings.TrimRight(stateExample, "\n")+"\n")

	for _, r := range rules {
		pf("\n## `%s`\n\n", r.ID)
		pf("Default severity: **%s**. %s\n", r.Severity, mdText(r.Summary))
		if r.Doc != "" {
			pf("\n%s\n", mdText(r.Doc))
		}
		if r.Fix != "" {
			pf("\n**How to fix it.** %s\n", mdText(r.Fix))
		}
		if r.Example != "" {
			pf("\nA proposal that draws this finding:\n\n```yaml\n%s```\n", strings.TrimRight(r.Example, "\n")+"\n")
		}
		for _, p := range packs {
			rc, ok := p.Rules[r.ID]
			pf("\n### Under %s\n\n", p.Name)
			switch {
			case !ok || !rc.Enabled:
				pf("Does not run.")
			default:
				pf("Runs, severity %s.", rc.Severity)
			}
			if len(rc.Citations) == 0 {
				pf(" Cites no policy.\n")
				continue
			}
			pf("\n\n| Cites | Section | Requirement (summary) |\n| --- | --- | --- |\n")
			for _, c := range rc.Citations {
				pf("| %s | %s | %s |\n", mdText(c.Ref), mdText(c.Title), mdText(c.Summary))
			}
		}
	}
	return b.Bytes()
}

func packNames(packs []*Pack) []string {
	out := make([]string, len(packs))
	for i, p := range packs {
		out[i] = p.Name
	}
	return out
}
