package samples_test

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/report"
	"github.com/netreview/netreview/topology/load"
)

var update = flag.Bool("update", false, "rewrite the expected findings in testdata/")

// reviewDate is the day the samples' expected findings are as of.
var reviewDate = time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)

// scenario is a set of sample files reviewed together.
type scenario struct {
	name   string
	inputs []string
}

var scenarios = []scenario{
	{"backbone", []string{"backbone.yaml"}},
	{"riverbend-pd", []string{"backbone.yaml", "riverbend-pd.yaml"}},
	{"cedar-county-so", []string{"backbone.yaml", "cedar-county-so.yaml"}},
	{"bayview-pd-fleet", []string{"backbone.yaml", "bayview-pd-fleet.yaml"}},
	{"tri-county-dispatch", []string{"backbone.yaml", "tri-county-dispatch.yaml"}},
	{"statewide", []string{"backbone.yaml", "bayview-pd-fleet.yaml", "cedar-county-so.yaml", "riverbend-pd.yaml", "tri-county-dispatch.yaml"}},
	{"pine-hollow-current", []string{"diff/pine-hollow-current.yaml"}},
	{"pine-hollow-proposed", []string{"diff/pine-hollow-proposed.yaml"}},
}

func review(t *testing.T, inputs []string, policy string) *analysis.Result {
	t.Helper()
	m, _, err := load.Files(inputs)
	if err != nil {
		t.Fatalf("load %v: %v", inputs, err)
	}
	pack, err := analysis.BuiltinPack(policy)
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.Run(m, analysis.Config{Pack: pack, Date: reviewDate})
	if err != nil {
		t.Fatalf("analyze %v: %v", inputs, err)
	}
	return res
}

// TestExpectedFindings pins every sample's findings, exactly as
// `netreview check --format json --date 2026-11-15` prints them, to
// testdata/<scenario>.json. Run with -update after a deliberate change and
// review the diff.
func TestExpectedFindings(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			res := review(t, sc.inputs, "cjis-6.0")
			var got bytes.Buffer
			if err := report.JSON(&got, res); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", sc.name+".json")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./samples -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("findings differ from %s; run go test ./samples -update and review the diff.\ngot:\n%s", golden, got.String())
			}
		})
	}
}

// TestReadmeListsTheFindings checks that samples/README.md lists exactly the
// findings each agency's review produces: its tables are the samples' spec.
func TestReadmeListsTheFindings(t *testing.T) {
	documented := readmeFindings(t)
	for _, sc := range scenarios {
		if sc.name == "statewide" {
			continue
		}
		t.Run(sc.name, func(t *testing.T) {
			res := review(t, sc.inputs, "cjis-6.0")
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.Rule+" "+f.Subject)
			}
			sort.Strings(got)
			want := documented[sc.name]
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("README.md section %q lists:\n  %s\nthe review finds:\n  %s",
					sc.name, strings.Join(want, "\n  "), strings.Join(got, "\n  "))
			}
		})
	}
}

// readmeFindings reads the tables of README.md: under a heading that names a
// scenario in backquotes, each row `| rule | subject | ...`.
func readmeFindings(t *testing.T) map[string][]string {
	f, err := os.Open("README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	heading := regexp.MustCompile("^#+ .*`([a-z0-9-]+)`")
	row := regexp.MustCompile("^\\| `([a-z0-9-]+)` \\| `([^`]+)` \\|")
	out := map[string][]string{}
	cur := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if m := heading.FindStringSubmatch(line); m != nil {
			cur = m[1]
			if _, ok := out[cur]; !ok {
				out[cur] = []string{}
			}
			continue
		}
		if m := row.FindStringSubmatch(line); m != nil && cur != "" {
			out[cur] = append(out[cur], m[1]+" "+m[2])
		}
	}
	return out
}

// TestEveryRuleFires checks that the statewide sample exercises every rule.
func TestEveryRuleFires(t *testing.T) {
	res := review(t, scenarios[5].inputs, "cjis-6.0")
	fired := map[string]bool{}
	for _, f := range res.Findings {
		fired[f.Rule] = true
	}
	for _, r := range analysis.Rules() {
		if !fired[r.ID] {
			t.Errorf("no sample fires %s", r.ID)
		}
	}
}

// TestPackDifferences checks the documented differences between the packs on
// the samples: under cjis-5.9, advanced authentication is not required inside
// a physically secure location, and the FIPS 140-2 sunset does not apply.
func TestPackDifferences(t *testing.T) {
	keys := func(res *analysis.Result) map[analysis.Key]bool {
		out := map[analysis.Key]bool{}
		for _, f := range res.Findings {
			out[analysis.Key{Rule: f.Rule, Subject: f.Subject}] = true
		}
		return out
	}
	inputs := scenarios[5].inputs
	v60 := keys(review(t, inputs, "cjis-6.0"))
	v59 := keys(review(t, inputs, "cjis-5.9"))
	onlyIn60 := []analysis.Key{
		{Rule: "advanced-authentication", Subject: "rpd-ws"},
		{Rule: "fips-140-2-sunset", Subject: "north-t-mpls"},
	}
	for _, k := range onlyIn60 {
		if !v60[k] {
			t.Errorf("cjis-6.0 does not find %v", k)
		}
		if v59[k] {
			t.Errorf("cjis-5.9 finds %v", k)
		}
	}
	for _, k := range []analysis.Key{{Rule: "advanced-authentication", Subject: "annex-ws"}, {Rule: "advanced-authentication", Subject: "bvpd-vpn"}} {
		if !v60[k] || !v59[k] {
			t.Errorf("%v should be found under both packs (6.0: %v, 5.9: %v)", k, v60[k], v59[k])
		}
	}
}

// TestFindingAgencies checks whom the statewide review's findings concern:
// never the CSA (backbone.yaml, role: csa), and for every finding on an
// agency's element, that agency.
func TestFindingAgencies(t *testing.T) {
	res := review(t, scenarios[5].inputs, "cjis-6.0")
	const csa = "CA0349400"
	byFile := map[string]string{}
	for _, d := range res.Model.Docs {
		if d.Agency.IsCSA() != (d.Agency.ORI == csa) {
			t.Errorf("%s: role %q, ORI %s", d.Path, d.Agency.Role, d.Agency.ORI)
		}
		byFile[d.Path] = d.Agency.ORI
	}
	for _, f := range res.Findings {
		if slices.Contains(f.Agencies, csa) {
			t.Errorf("%s %s lists the CSA: %v", f.Rule, f.Subject, f.Agencies)
		}
		if !slices.IsSorted(f.Agencies) {
			t.Errorf("%s %s: agencies %v not sorted", f.Rule, f.Subject, f.Agencies)
		}
		if ori := byFile[f.Pos.File]; ori != csa && f.Kind != analysis.KindRisk && !slices.Contains(f.Agencies, ori) {
			t.Errorf("%s %s at %s: agencies %v lack its own agency %s", f.Rule, f.Subject, f.At, f.Agencies, ori)
		}
	}
}
